/**
 * Hostile input, generated from a procedure's own zod input schema (issue 6): every field gets
 * wrong types, null, absence, huge strings, control characters, SQL and HTML fragments, dates that
 * do not exist, bad ids, NaN-ish strings, deep nesting and prototype-pollution keys; the whole body
 * gets malformed JSON and non-objects. Each case is the JSON text actually sent, so values JSON
 * cannot express (1e999, duplicate keys, cut-off text) are sent too.
 */
import { z } from 'zod'

type Schema = z.core.$ZodType
type Def = { type: string; innerType?: Schema; in?: Schema; shape?: Record<string, Schema>; element?: Schema }
const defOf = (s: Schema) => (s as z.ZodType).def as unknown as Def

/** A value JSON.stringify cannot produce, spliced into the body as raw JSON text. */
export class Raw { constructor(readonly json: string) {} }

export interface HostileCase {
  /** Procedure-relative description, e.g. "name ← SQL 片段 #0". */
  label: string
  /** The request body. */
  body: string
  /** The string stored if the call succeeds (SQL/HTML fragments must then be kept as text). */
  storedText?: string
  /** Refused whatever the schema says: control characters and bidi overrides are no office text. */
  mustRefuse?: boolean
}

export const MiB = 1024 * 1024

const SQL = ["'; DROP TABLE users; --", "1' OR '1'='1", '" OR ""="', '1; DELETE FROM people', "%' UNION SELECT password_hash FROM users --"]
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg/onload=alert(1)>', '{{constructor.constructor("alert(1)")()}}', '${7*7}']
const CONTROL = ['\u0000', '标题\u0000后缀', '\u0007\u0008\u001b[31m红\u001b[0m', '\u202e反向文字', '\ud800孤立代理', '\uffff']
const DATES = ['2026-02-30', '2026-13-01', '2025-02-29', '0000-00-00', '2026-2-3', '2026-10-01 25:61', '2026-10-01T24:00', '+02026-10-01']
const NANISH = ['NaN', 'Infinity', 'undefined', 'null', '', ' ', '\u3000']
const WRONG_TYPES: unknown[] = [null, true, 0, 1.5, 'abc', [], {}]
const BAD_NUMBERS: unknown[] = [-1, 0, 1.5, -0.5, 2 ** 53, 2 ** 31, 1e308, -1e308, 1e-7, 999_999_999, '1', '1.0', 'NaN', new Raw('1e999'), new Raw('-1e999'), new Raw('9007199254740993')]
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype']

const deepJson = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** Removes the wrappers (optional, nullable, default, transform pipes) to reach the field's own type. */
export function baseType(schema: Schema): Schema {
  let s = schema
  for (;;) {
    const d = defOf(s)
    if (d.innerType) s = d.innerType
    else if (d.type === 'pipe' && d.in) s = d.in
    else return s
  }
}

const accepts = (schema: Schema, v: unknown) => (schema as z.ZodType).safeParse(v).success

const STRING_GUESSES = ['测试内容', '2026-10-09', '2026-10-09 09:30', '09:30', 'ab12', '028-26610001', '2026-10-09T09:30:00+08:00', '第{n}期', 'application/pdf', 'dGVzdA==', 'Admin2026ok']
const NUMBER_GUESSES = [999_999, 2026, 10, 1, 0, -1]

/**
 * A plausible input for the schema: each field the first guess its own schema accepts, optional
 * fields included so they get their hostile variants too. `idGuess` is tried first for numbers:
 * an id that does not exist, or one that does.
 */
export function skeleton(schema: Schema, idGuess: number): unknown {
  const s = baseType(schema)
  const d = defOf(s)
  switch (d.type) {
    case 'object': return Object.fromEntries(Object.entries(d.shape!).map(([k, v]) => [k, skeleton(v, idGuess)]))
    case 'array': return [skeleton(d.element!, idGuess)]
    case 'boolean': return false
    case 'enum': return (s as z.ZodEnum).options[0]
    case 'string': return STRING_GUESSES.find((g) => accepts(s, g)) ?? '测试内容'
    case 'number': return [idGuess, ...NUMBER_GUESSES].find((g) => accepts(s, g)) ?? 1
    default: return null
  }
}

type Path = (string | number)[]

function leaves(schema: Schema, path: Path = []): { path: Path; schema: Schema }[] {
  const s = baseType(schema)
  const d = defOf(s)
  const here = path.length > 0 ? [{ path, schema }] : []
  if (d.type === 'object') return [...here, ...Object.entries(d.shape!).flatMap(([k, v]) => leaves(v, [...path, k]))]
  if (d.type === 'array') return [...here, ...leaves(d.element!, [...path, 0])]
  return here
}

const clone = <T>(v: T): T => structuredClone(v)

function setAt(root: unknown, path: Path, value: unknown): unknown {
  const copy = clone(root) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  node[path.at(-1)!] = value
  return copy
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = clone(root) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  if (Array.isArray(node)) node.splice(Number(path.at(-1)), 1)
  else delete node[path.at(-1)!]
  return copy
}

/** JSON text with every Raw value spliced in as written. */
export function toBody(value: unknown): string {
  const raws: string[] = []
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Raw) { raws.push(v.json); return `\u0000RAW${raws.length - 1}\u0000` }
    return v
  })
  return text.replace(/"\\u0000RAW(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)])
}

type Value = { what: string; value: unknown; text?: string; refuse?: boolean }

/** Text a field may well accept: what matters then is how it is stored. */
function textValues(): Value[] {
  return [
    ...SQL.map((value) => ({ what: 'SQL 片段', value, text: value })),
    ...HTML.map((value) => ({ what: 'HTML 片段', value, text: value })),
    ...CONTROL.map((value) => ({ what: '控制字符', value, refuse: true })),
    ...DATES.map((value) => ({ what: '不存在的日期', value })),
  ]
}

function valuesFor(schema: Schema, opts: CaseOptions): Value[] {
  const type = defOf(baseType(schema)).type
  const isText = type === 'string' || type === 'enum'
  if (opts.textOnly) return isText ? textValues() : []
  const out: Value[] = WRONG_TYPES.map((value) => ({ what: '错误类型', value }))
  out.push({ what: '深层嵌套', value: new Raw(deepJson(2000)) })
  out.push({ what: '原型污染', value: JSON.parse('{"__proto__":{"polluted":"是"},"constructor":{"prototype":{"polluted":"是"}}}') })
  if (isText) {
    out.push(...textValues(), ...NANISH.map((value) => ({ what: '类似 NaN 的文字', value })))
    out.push({ what: '重复键', value: new Raw('"甲","x":"乙"') }, { what: '1 MB 文字', value: 'x'.repeat(MiB) })
  }
  if (type === 'number') out.push(...BAD_NUMBERS.map((value) => ({ what: '错误的数', value })))
  if (type === 'boolean') out.push(...['true', 'false', 1, 'yes'].map((value) => ({ what: '错误的布尔值', value })))
  if (type === 'array') out.push({ what: '过长数组', value: Array.from({ length: 100_000 }, (_, i) => i) }, { what: '空数组', value: [] }, { what: '数组中的 null', value: [null] })
  return out
}

export interface CaseOptions {
  /** Only the text that may be accepted (SQL, HTML, control characters, dates), e.g. around existing ids. */
  textOnly?: boolean
}

/** Every hostile case for one procedure, built around `base` (a skeleton input). */
export function hostileCases(schema: Schema, base: unknown, opts: CaseOptions = {}): HostileCase[] {
  const cases: HostileCase[] = []
  const show = (p: Path) => p.join('.')
  const fields = leaves(schema)
  for (const { path, schema: field } of fields) {
    if (!opts.textOnly) cases.push({ label: `${show(path)} 缺失`, body: toBody(deleteAt(base, path)) })
    // Passwords are kept as hashes, never as the text sent.
    const secret = /password/i.test(String(path.at(-1)))
    valuesFor(field, opts).forEach(({ what, value, text, refuse }, i) => {
      cases.push({ label: `${show(path)} ← ${what} #${i}`, body: toBody(setAt(base, path, value)), storedText: secret ? undefined : text?.trim(), mustRefuse: refuse })
    })
  }
  if (opts.textOnly) return cases
  const firstText = fields.find((f) => ['string', 'enum'].includes(defOf(baseType(f.schema)).type))
  if (firstText) cases.push({ label: `${show(firstText.path)} ← 3 MB 汉字`, body: toBody(setAt(base, firstText.path, '汉'.repeat(MiB))) })
  const baseText = toBody(base)
  for (const key of PROTO_KEYS) {
    cases.push({ label: `多余的键 ${key}`, body: baseText.replace(/^\{/, `{"${key}":{"role":"系统管理员","polluted":"是"},`).replace(/,\}$/, '}') })
  }
  const whole = ['null', '[]', '"文字"', '123', 'true', '{', '{"a":', '{"a":1}}', '\u0000', '{"a":"\\u12"}', deepJson(100_000), deepArray(100_000), "{'a':1}", 'NaN']
  whole.forEach((body, i) => cases.push({ label: `整个请求体 #${i}`, body }))
  return cases
}

/** A body of `bytes` UTF-8 bytes that is otherwise the skeleton, for the request-size limit. */
export function paddedBody(base: unknown, bytes: number): string {
  const head = toBody({ ...(base as object), 填充: '' })
  return head.replace(/"填充":""/, `"填充":"${'x'.repeat(Math.max(0, bytes - head.length))}"`)
}

/** Whether the router's schema would accept this body at all (the server may still refuse by rule). */
export function schemaAccepts(schema: Schema, body: string): boolean {
  let parsed: unknown
  try { parsed = body === '' ? {} : JSON.parse(body) } catch { return false }
  return accepts(schema, parsed ?? {})
}

/** Chinese characters: every refusal the user sees says what went wrong in Chinese. */
export const CHINESE = /[\u4e00-\u9fff]/
/** Programmer's English that must not reach the user (zod's type names, JavaScript's errors). */
/** What a message quotes back from the input (“…”, 「…」) may be anything the sender wrote. */
export const QUOTED = /“[^”]*”|「[^」]*」/g
export const JARGON = /\b(string|number|boolean|object|array|undefined|bigint|Invalid|Expected|received|Error|SQLITE\w*)\b/
