/**
 * What both transports accept as a call's body, checked before anything is built from it (issue 21):
 * a size that depends on whether the caller is signed in, and a shape (depth, number of items) read
 * from the raw JSON text before JSON.parse, so a hostile body never becomes millions of objects.
 * Pure: no zod, no database, so policy.ts (Electron) and http.ts share it and tests call it directly.
 */
import type { WireError } from '../kernel/errors'

/**
 * Before sign-in only auth.login, auth.me and auth.logout answer (system.setClock on a test server): the largest is a
 * login (用户名 ≤ 32 characters, 密码 ≤ 128, at most 3 bytes each in UTF-8: under 1 KB). 8 KB leaves room
 * and still makes an unauthenticated caller unable to make the server hold or parse anything sizeable.
 */
export const PUBLIC_BODY_BYTES = 8 * 1024

/**
 * Signed in, the largest input the schemas allow is a meeting's minutes (minutes.save: 100
 * 议定事项 of up to 20,000 characters, 3 bytes each in UTF-8 = 6.0 MB, plus 2,000 for the opening and 600
 * names); next come a 发文's 正文 (100,000 characters, 0.3 MB) and a duty log entry (32 KB). Files no
 * longer travel inside a call (POST /upload, files/uploads.ts). 8 MB fits the minutes with a margin;
 * test/unit/input-limits.test.ts recomputes these figures from every procedure's schema.
 */
export const SIGNED_IN_BODY_BYTES = 8 * 1024 * 1024

/**
 * The deepest input a schema describes is 4 levels (meetingTypes.save: input → config → attending →
 * units → text); 16 leaves room for growth and refuses the 10,000-deep bodies that recursive code chokes on.
 */
export const MAX_JSON_DEPTH = 16

/**
 * Objects, arrays and commas outside strings, i.e. about the number of values. The most a legitimate
 * input has is some 1,200 (minutes: 100 议定事项 of 4 fields and 3 lists of 200 names); 20,000 keeps a
 * signed-in body of 8 MB from becoming 2.7 million empty objects (`[{},{},…]`) for JSON.parse and zod to walk.
 */
export const MAX_JSON_ITEMS = 20_000

const KB = 1024
const sizeText = (bytes: number) => bytes >= KB * KB ? `${bytes / KB / KB}MB` : `${bytes / KB}KB`

/** The body limit for a caller: small before sign-in, what the largest input needs after. */
export const bodyLimitFor = (signedIn: boolean) => signedIn ? SIGNED_IN_BODY_BYTES : PUBLIC_BODY_BYTES

/** The refusal of a body over the limit (HTTP answers it with 413). */
export function bodyTooLarge(signedIn: boolean): WireError {
  const limit = sizeText(bodyLimitFor(signedIn))
  return {
    code: 'VALIDATION',
    message: signedIn
      ? `请求内容过大（超过${limit}），已拒绝；附件请通过“上传文件”提交，长文字请分次保存`
      : `请求内容过大：登录前的请求不能超过${limit}，已拒绝。请刷新页面后重新登录`,
  }
}

const tooMany = `请求内容的项数过多（超过${MAX_JSON_ITEMS}项），已拒绝`
const refuse = (message: string): { ok: false; error: WireError } => ({ ok: false, error: { code: 'VALIDATION', message } })

/**
 * Why the JSON text is refused by its shape, or null. One pass over the characters, allocating nothing:
 * strings are skipped with indexOf (a quote preceded by an odd number of backslashes is escaped), and
 * brackets and commas are counted outside them. Malformed text is left to JSON.parse to refuse.
 */
export function jsonShapeProblem(text: string): string | null {
  let depth = 0
  let items = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) i = closingQuote(text, i)
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return `请求内容嵌套过深（超过${MAX_JSON_DEPTH}层），已拒绝`
      if (++items > MAX_JSON_ITEMS) return tooMany
    } else if (c === 0x7d || c === 0x5d) depth--
    else if (c === 0x2c && ++items > MAX_JSON_ITEMS) return tooMany
  }
  return null
}

/** The index of the quote closing the string opened at `open` (or the end of the text). */
function closingQuote(text: string, open: number): number {
  for (let q = text.indexOf('"', open + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let backslashes = 0
    while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) return q
  }
  return text.length
}

export type JsonBody = { ok: true; input: unknown } | { ok: false; error: WireError }

/** A call's body (already within its size limit) as input: an empty body is {}; a hostile shape or bad JSON is refused in Chinese. */
export function readJsonBody(text: string): JsonBody {
  if (text === '') return { ok: true, input: {} }
  const problem = jsonShapeProblem(text)
  if (problem) return refuse(problem)
  try {
    return { ok: true, input: JSON.parse(text) }
  } catch {
    return refuse('请求内容不是有效的 JSON')
  }
}
