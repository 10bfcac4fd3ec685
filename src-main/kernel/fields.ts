/**
 * The contract's building blocks: zod speaking the office's Chinese, the field shapes every procedure uses (so
 * dates and names are checked the same way everywhere), and the Chinese label of any field for messages and
 * the audit trail. Below the wire: domain procedures and the router both stand on it.
 */
import { z } from 'zod'
import { isRealDate } from '../common/dates'

// zod's own messages in Simplified Chinese; we add the field's Chinese label in front.
z.config(z.locales.zhCN())

/**
 * zod's zh-CN locale names types and sizes in English ("期望 string <=20 字符", "数值过大" for a text):
 * the user reads what to enter instead. Messages a schema gives itself still win.
 */
const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', int: '整数', boolean: '是或否', array: '列表', object: '一组字段', date: '日期' }

function sizeMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined
  const big = issue.code === 'too_big'
  const limit = Number(big ? issue.maximum : issue.minimum)
  const inclusive = issue.inclusive !== false
  if (issue.origin === 'string') return big ? `不能超过${limit}个字` : limit <= 1 ? '不能为空' : `不能少于${limit}个字`
  if (issue.origin === 'array') return big ? `不能超过${limit}项` : `至少需要${limit}项`
  if (big) return inclusive ? `不能大于${limit}` : `应小于${limit}`
  return inclusive ? `不能小于${limit}` : `应大于${limit}`
}

z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') return issue.input === undefined ? '必须填写' : `应为${TYPE_NAMES[issue.expected] ?? '其他类型的值'}`
    return sizeMessage(issue)
  },
})

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

// Shared field shapes, so every procedure checks dates and names the same way.
export const isoDate = (label: string) =>
  z.string().describe(label).regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，格式 2026-10-01')
    .refine((s) => isRealDate(s), '不是有效的日期')

export const text = (label: string, max = 200) => z.string().describe(label).trim().min(1, '不能为空').max(max, `不能超过${max}个字`)
export const optionalText = (label: string, max = 500) =>
  z.string().describe(label).trim().max(max, `不能超过${max}个字`).transform((s) => (s === '' ? null : s)).nullable().optional()
/** A year of the office's registers (年度). */
export const yearNumber = (label: string) => z.number().describe(label).int('应为整数').min(1990, `${label}有误`).max(2100, `${label}有误`)
export const id = (label: string) => z.number().describe(label).int('应为整数').positive('应为正整数')
export const phone = (label: string) =>
  z.string().describe(label).trim().regex(/^[0-9+\-（）() 转]*$/, '只能包含数字、空格、-、+、括号和“转”').max(40, '不能超过40个字符')
    .transform((s) => (s === '' ? null : s)).nullable().optional()
