/**
 * Issue 21: the transports' limits (rpc/body.ts) are worked out from the schemas. Recomputed here from every
 * procedure's zod input, so a new field that outgrows them fails this test instead of a user's save.
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { buildProcedures } from '../../src-main/rpc/procedures'
import { adjustableClock } from '../../src-main/system/clock'
import { MAX_JSON_DEPTH, MAX_JSON_ITEMS, PUBLIC_BODY_BYTES, readJsonBody, SIGNED_IN_BODY_BYTES } from '../../src-main/rpc/body'
import { parseInput } from '../../src-main/rpc/validation'
import { text } from '../../src-main/kernel/fields'
import { AppError } from '../../src-main/kernel/errors'
import { inputBounds, unboundedTexts } from '../helpers/schema-bounds'

// A test clock: system.setClock, callable before sign-in, is among the procedures too.
const bounds = Object.entries(buildProcedures(adjustableClock())).map(([name, proc]) => ({ name, access: proc.access, ...inputBounds(proc.input as never, name) }))
const largest = (key: 'bytes' | 'depth' | 'items', rows = bounds) => rows.reduce((a, b) => (b[key] > a[key] ? b : a))

describe('the body limits fit the largest input each schema allows', () => {
  it('before sign-in: the largest public input (a login) fits 8 KB many times over', () => {
    const pub = bounds.filter((b) => b.access === 'public')
    expect(pub.map((b) => b.name).sort()).toEqual(['auth.login', 'auth.logout', 'auth.me', 'system.setClock'])
    expect(largest('bytes', pub)).toMatchObject({ name: 'auth.login' })
    expect(largest('bytes', pub).bytes).toBeLessThan(PUBLIC_BODY_BYTES / 8)
  })

  it('signed in: the largest input is a meeting\'s minutes (about 6 MB), and it fits 8 MB', () => {
    const top = largest('bytes')
    expect(top.name).toBe('minutes.save')
    expect(top.bytes).toBeGreaterThan(6_000_000)
    expect(top.bytes).toBeLessThanOrEqual(SIGNED_IN_BODY_BYTES)
    // The next largest is far below: no file travels inside a call any more.
    expect(bounds.filter((b) => b.name !== top.name).every((b) => b.bytes < 1024 * 1024)).toBe(true)
  })

  it('no input nests deeper than the depth limit, nor has more values than the item limit', () => {
    expect(largest('depth').depth).toBeLessThanOrEqual(MAX_JSON_DEPTH / 4)
    expect(largest('items')).toMatchObject({ name: 'minutes.save' })
    expect(largest('items').items).toBeLessThanOrEqual(MAX_JSON_ITEMS / 10)
  })

  it('names the texts whose schemas set no maximum length, bounded by the body limit alone', () => {
    // A new text without .max() fails here: give it one, or add it with a reason.
    expect(unboundedTexts.sort()).toEqual([])
  })
})

describe('readJsonBody reads the shape from the raw text, strings excepted', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

  it('accepts brackets, commas and escaped quotes inside strings, however many', () => {
    const text = JSON.stringify({ a: '['.repeat(100) + ','.repeat(30_000), b: 'say "[[[[" \\', c: [1, 2] })
    expect(readJsonBody(text)).toEqual({ ok: true, input: JSON.parse(text) })
  })

  it('is not fooled by a backslash that ends a string (the quote after it closes the string)', () => {
    expect(readJsonBody(`{"a":"\\\\","b":${nested(MAX_JSON_DEPTH)}}`)).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容嵌套过深（超过16层），已拒绝' } })
  })

  it('accepts the deepest and the longest input allowed, refuses one level or one item more', () => {
    expect(readJsonBody(nested(MAX_JSON_DEPTH)).ok).toBe(true)
    expect(readJsonBody(nested(MAX_JSON_DEPTH + 1)).ok).toBe(false)
    const list = (n: number) => `[${Array(n).fill(0).join(',')}]`
    expect(readJsonBody(list(MAX_JSON_ITEMS)).ok).toBe(true)
    expect(readJsonBody(list(MAX_JSON_ITEMS + 1))).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容的项数过多（超过20000项），已拒绝' } })
  })

  it('reads an empty body as {} and refuses text that is not JSON', () => {
    expect(readJsonBody('')).toEqual({ ok: true, input: {} })
    expect(readJsonBody('{"a":')).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON' } })
  })
})

describe('parseInput still names the field with unsafe text, and refuses over-deep input from in-process callers', () => {
  const schema = z.object({ title: text('标题'), files: z.array(z.object({ name: text('文件名') })).describe('附件') })
  const refusal = (input: unknown) => {
    try { parseInput(schema, input) } catch (e) { return e instanceof AppError ? e.toWire() : e }
    return null
  }

  it('names the field, however far down the list it is', () => {
    const files = [...Array(5000).fill({ name: '正文.pdf' }), { name: '报告\u202Efdp.exe' }]
    expect(refusal({ title: '请示', files })).toEqual({ code: 'VALIDATION', field: 'files.5000.name', message: '「文件名」含有控制字符或不可见的排版字符，请删除后重试' })
    expect(refusal({ title: '标题\u0000', files: [] })).toMatchObject({ field: 'title', message: '「标题」含有控制字符或不可见的排版字符，请删除后重试' })
  })

  it('refuses 10,000-deep input in Chinese instead of walking it', () => {
    let deep: unknown = '末端'
    for (let i = 0; i < 10_000; i++) deep = { a: deep }
    expect(refusal({ title: '请示', files: [], deep })).toEqual({ code: 'VALIDATION', message: '输入嵌套过深（超过16层），已拒绝' })
  })
})
