/**
 * The most a schema-valid input can be, read from its zod schema (issue 21): the UTF-8 bytes of its JSON
 * (every text at its maximum length in 3-byte characters), how deep it nests and how many values it has
 * (as rpc/body.ts counts them: objects, arrays and commas). The transports' limits must fit these.
 */
type Schema = { _zod: { def: Def } }
interface Check { _zod: { def: { check: string; maximum?: number; length?: number; pattern?: RegExp } } }
interface Def {
  type: string; checks?: Check[]; innerType?: Schema; in?: Schema; shape?: Record<string, Schema>; element?: Schema
  options?: Schema[]; entries?: Record<string, unknown>; values?: unknown[]; items?: Schema[]; keyType?: Schema; valueType?: Schema
}

export interface Bounds { bytes: number; depth: number; items: number }

/** Texts whose schema sets no maximum length: only the body limit bounds them (counted here as empty). */
export const unboundedTexts: string[] = []

/**
 * A list without a maximum in its schema: an enum's values each at most once, anything else at most this
 * many (lists the office edits by hand: 发文字号序列, 列席单位, 涉及事项).
 */
export const UNBOUNDED_LIST = 100

const checksOf = (s: Schema) => (s._zod.def.checks ?? []).map((c) => c._zod.def)

/** A text's longest valid length: its max or exact length, or what its pattern allows (0, noted, if nothing bounds it). */
function textLength(s: Schema, where: string): number {
  const checks = checksOf(s)
  const sized = checks.find((c) => c.check === 'max_length' || c.check === 'length_equals')
  if (sized) return sized.maximum ?? sized.length!
  const pattern = checks.find((c) => c.pattern)?.pattern?.source
  if (pattern && !/[+*]/.test(pattern.replace(/\\[+*]/g, ''))) {
    const repeats = [...pattern.matchAll(/\{(\d+)(?:,(\d+))?\}/g)].map((m) => Number(m[2] ?? m[1]))
    return Math.max(pattern.length, ...repeats)
  }
  if (!unboundedTexts.includes(where)) unboundedTexts.push(where)
  return 0
}

const leaf = (bytes: number): Bounds => ({ bytes, depth: 0, items: 0 })
const json = (v: unknown) => Buffer.byteLength(JSON.stringify(v))
const widest = (all: Bounds[]): Bounds => ({ bytes: Math.max(...all.map((b) => b.bytes)), depth: Math.max(...all.map((b) => b.depth)), items: Math.max(...all.map((b) => b.items)) })

export function inputBounds(s: Schema, where = '输入'): Bounds {
  const d = s._zod.def
  switch (d.type) {
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional': return inputBounds(d.innerType!, where)
    case 'pipe': return inputBounds(d.in!, where)
    case 'string': return leaf(2 + 3 * textLength(s, where))
    case 'number': case 'int': return leaf(24)
    case 'boolean': return leaf(5)
    case 'null': return leaf(4)
    case 'literal': return leaf(Math.max(...d.values!.map(json)))
    case 'enum': return leaf(Math.max(...Object.values(d.entries!).map(json)))
    case 'union': return widest(d.options!.map((o) => inputBounds(o, where)))
    case 'object': {
      const fields = Object.entries(d.shape!).map(([k, v]) => ({ key: json(k), ...inputBounds(v, `${where}.${k}`) }))
      return {
        bytes: 2 + fields.reduce((n, f) => n + f.key + 2 + f.bytes, 0),
        depth: 1 + Math.max(0, ...fields.map((f) => f.depth)),
        items: 1 + fields.length + fields.reduce((n, f) => n + f.items, 0),
      }
    }
    case 'array': {
      const element = inputBounds(d.element!, `${where}[]`)
      const max = checksOf(s).find((c) => c.check === 'max_length')?.maximum
        ?? (d.element!._zod.def.type === 'enum' ? Object.keys(d.element!._zod.def.entries!).length : UNBOUNDED_LIST)
      return { bytes: 2 + max * (element.bytes + 1), depth: 1 + element.depth, items: 1 + max * (element.items + 1) }
    }
    case 'record': {
      // Only a record keyed by an enum is bounded: at most one value per key.
      const keys = d.keyType!._zod.def
      if (keys.type !== 'enum') throw new Error(`${where}: 记录的键没有上限`)
      const names = Object.keys(keys.entries!)
      const value = inputBounds(d.valueType!, `${where}{}`)
      return { bytes: 2 + names.reduce((n, k) => n + json(k) + 2 + value.bytes, 0), depth: 1 + value.depth, items: 1 + names.length * (value.items + 1) }
    }
    default: throw new Error(`${where}: 未知的类型 ${d.type}`)
  }
}
