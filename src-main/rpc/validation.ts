import { z } from 'zod'
import { AppError } from './errors'
import { isRealDate } from '../calendar/dates'

// zod's own messages in Simplified Chinese; we add the field's Chinese label in front.
z.config(z.locales.zhCN())

type AnySchema = z.core.$ZodType

function unwrap(schema: AnySchema): AnySchema {
  let s = schema
  for (;;) {
    const def = (s as z.ZodType).def as { type: string; innerType?: AnySchema; in?: AnySchema }
    if (def.innerType) s = def.innerType
    else if (def.type === 'pipe' && def.in) s = def.in
    else return s
  }
}

function childAt(schema: AnySchema, key: PropertyKey): AnySchema | undefined {
  const s = unwrap(schema) as z.ZodType
  if (s instanceof z.ZodObject) return (s.shape as Record<string, AnySchema>)[String(key)]
  if (s instanceof z.ZodArray) return s.element as AnySchema
  return undefined
}

/** The Chinese label of the field at `path`, from `.describe('姓名')` on the schema (or its closest labelled parent). */
export function fieldLabel(schema: AnySchema, path: readonly PropertyKey[]): string | undefined {
  let s: AnySchema | undefined = schema
  let label: string | undefined
  for (const key of path) {
    s = s && childAt(s, key)
    const d = s && ((s as z.ZodType).description ?? (unwrap(s) as z.ZodType).description)
    if (d) label = d
    else if (typeof key === 'number' && label) label = `${label}第${key + 1}项`
  }
  return label
}

/** Parses input or throws a VALIDATION error naming the field in Chinese. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const label = fieldLabel(schema, issue.path)
  const field = issue.path.map(String).join('.')
  const message = label ? `「${label}」${issue.message}` : field ? `字段 ${field}：${issue.message}` : `输入有误：${issue.message}`
  throw new AppError('VALIDATION', message, field ? { field } : {})
}

// Shared field shapes, so every procedure checks dates and names the same way.
export const isoDate = (label: string) =>
  z.string().describe(label).regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式 2026-10-01')
    .refine((s) => isRealDate(s), '不是有效的日期')

export const text = (label: string, max = 200) => z.string().describe(label).trim().min(1, '不能为空').max(max, `不能超过${max}个字`)
export const optionalText = (label: string, max = 500) =>
  z.string().describe(label).trim().max(max, `不能超过${max}个字`).transform((s) => (s === '' ? null : s)).nullable().optional()
export const id = (label: string) => z.number().describe(label).int('应为整数').positive('应为正整数')
export const phone = (label: string) =>
  z.string().describe(label).trim().regex(/^[0-9+\-（）() 转]*$/, '只能包含数字、空格、-、+、括号和“转”').max(40, '不能超过40个字符')
    .transform((s) => (s === '' ? null : s)).nullable().optional()
