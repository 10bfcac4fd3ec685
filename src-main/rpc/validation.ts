import { z } from 'zod'
import { AppError } from '../kernel/errors'
import { fieldLabel } from '../kernel/fields'
import { MAX_JSON_DEPTH } from './body'

/**
 * Control characters (tab, line and page breaks aside), bidi overrides that make "报告\u202Efdp.exe"
 * read as "报告exe.pdf", and lone surrogates (which SQLite cannot store as sent) have no place in
 * any office text: they are refused in every field of every procedure, before the schema.
 */
const UNSAFE_TEXT = /[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * The path of the first string with unsafe text, depth first in the input's order. Nothing is allocated per
 * value (one path array pushed and popped; for…in needs no array of entries), so a long list costs a loop,
 * not a node each (issue 21). Recursion is safe: deeper than MAX_JSON_DEPTH is refused on the way down (the
 * transports have already refused such bodies from the raw text; this covers in-process callers).
 */
function unsafeTextAt(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? path : null
  if (value === null || typeof value !== 'object') return null
  if (path.length >= MAX_JSON_DEPTH) throw new AppError('VALIDATION', `输入嵌套过深（超过${MAX_JSON_DEPTH}层），已拒绝`)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (unsafeChildAt(path, i, value[i])) return path
    return null
  }
  const record = value as Record<string, unknown>
  for (const key in record) if (Object.hasOwn(record, key) && unsafeChildAt(path, key, record[key])) return path
  return null
}

/** Whether the child holds unsafe text; if so `path` is left pointing at it (found on the way back up). */
function unsafeChildAt(path: PropertyKey[], key: PropertyKey, child: unknown): boolean {
  path.push(key)
  if (unsafeTextAt(child, path)) return true
  path.pop()
  return false
}

/** Parses input or throws a VALIDATION error naming the field in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const unsafe = unsafeTextAt(input)
  if (unsafe) throw invalid(schema, unsafe, '含有控制字符或不可见的排版字符，请删除后重试')
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw invalid(schema, issue.path, issue.message)
}

function invalid(schema: z.ZodType, path: readonly PropertyKey[], problem: string): AppError {
  const label = fieldLabel(schema, path)
  const field = path.map(String).join('.')
  const message = label ? `「${label}」${problem}` : field ? `字段 ${field}：${problem}` : `输入有误：${problem}`
  return new AppError('VALIDATION', message, field ? { field } : {})
}
