import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { RULE_IDS, RULES } from '../../src-main/common/rules'
import { query } from '../../src-main/kernel/procedure'
import { settings } from '../../src-main/settings/schema'

/*
 * Issue 13: the office's vocabulary and the rule catalogue are defined once, in src-main/common/, and both
 * sides import them from there. The pages take nothing else of the main process but types, and common/
 * stands on nothing (no package, no other folder), so either side can load it.
 */
const ROOT = resolve(__dirname, '../..')
const COMMON = join(ROOT, 'src-main/common')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

interface Import { file: string; from: string; typeOnly: boolean }

/** Every `import … from '…'` and `export … from '…'`, with whether it brings types only. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8')
  const found: Import[] = []
  for (const m of text.matchAll(/^(?:import|export)(\s+type)?\s+([\s\S]*?)\s+from\s+'([^']+)'/gm)) {
    const names = m[2]
    const allTyped = /^\{([^}]*)\}$/.test(names.trim()) && names.replace(/[{}]/g, '').split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))
    found.push({ file, from: m[3], typeOnly: !!m[1] || allTyped })
  }
  for (const m of text.matchAll(/^import\s+'([^']+)'/gm)) found.push({ file, from: m[1], typeOnly: false })
  return found
}

const where = (i: Import) => `${relative(ROOT, i.file)} → ${i.from}`

describe('one house: the shared vocabulary layer (issue 13)', () => {
  it('the pages import values from the main process only out of src-main/common/', () => {
    const outside = sources(join(ROOT, 'src-renderer')).flatMap(importsOf)
      .filter((i) => !i.typeOnly && i.from.startsWith('.'))
      .filter((i) => {
        const target = resolve(dirname(i.file), i.from)
        return target.startsWith(join(ROOT, 'src-main')) && !target.startsWith(COMMON + '/')
      })
    expect(outside.map(where)).toEqual([])
  })

  it('src-main/common/ imports nothing outside itself', () => {
    const leaving = sources(COMMON).flatMap(importsOf)
      .filter((i) => !i.from.startsWith('.') || !resolve(dirname(i.file), i.from).startsWith(COMMON + '/'))
    expect(leaving.map(where)).toEqual([])
  })

  it('the check above sees a value import and tells a type-only one apart (it can fail)', () => {
    const probe = join(ROOT, 'src-renderer/App.tsx')
    const imports = importsOf(probe)
    expect(imports.some((i) => !i.typeOnly && i.from.includes('src-main/common/roles'))).toBe(true)
    expect(importsOf(join(ROOT, 'src-renderer/api/client.ts')).find((i) => i.from.includes('src-main/rpc/procedures'))?.typeOnly).toBe(true)
  })
})

/** Folder → the folders its files import (types included: a cycle of types is still a cycle a reader must follow). */
function folderGraph(): Map<string, Set<string>> {
  const folderOf = (file: string) => relative(join(ROOT, 'src-main'), file).split('/').slice(0, -1)[0] ?? '(根)'
  const graph = new Map<string, Set<string>>()
  for (const i of sources(join(ROOT, 'src-main')).flatMap(importsOf)) {
    if (!i.from.startsWith('.')) continue
    const from = folderOf(i.file)
    const to = folderOf(`${resolve(dirname(i.file), i.from)}.ts`)
    if (from !== to) graph.set(from, (graph.get(from) ?? new Set()).add(to))
  }
  return graph
}

/** The folders that lie on a cycle (Tarjan's strongly connected components of more than one folder). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], found: string[][] = []
  const visit = (v: string) => {
    index.set(v, index.size); low.set(v, index.get(v)!); stack.push(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)) } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const component: string[] = []
    for (let w = stack.pop()!; ; w = stack.pop()!) { component.push(w); if (w === v) break }
    if (component.length > 1) found.push(component.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('no folder of src-main imports another in a circle (issue 13)', () => {
  it('the folders form no cycle, types included', () => {
    expect(cycles(folderGraph())).toEqual([])
  })

  it('the cycle check finds a cycle when there is one (it can fail)', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]])
    expect(cycles(graph)).toEqual([['a', 'b', 'c']])
    expect(folderGraph().get('documents')?.has('kernel')).toBe(true)
  })
})

describe('the rule catalogue', () => {
  it('has every rule of the rulebook, each with the article users see and its gist in Chinese', () => {
    // The rulebook's ids (../shared/rules/RULES.md), written out here independently of the catalogue.
    const rulebook = [
      'R-P1', 'R-P2', 'R-P3', 'R-P4', 'R-P5', 'R-M1', 'R-M2', 'R-M3', 'R-M4', 'R-M5', 'R-M6', 'R-M7', 'R-M8',
      'R-D1', 'R-D2', 'R-D3', 'R-D4', 'R-D5', 'R-D6', 'R-D7', 'R-D8', 'R-S1', 'R-W1', 'R-W2',
      'X-1', 'X-2', 'X-3', 'X-4', 'X-5', 'X-6', 'X-7',
    ]
    expect([...RULE_IDS].sort()).toEqual([...rulebook].sort())
    for (const id of RULE_IDS) {
      expect(RULES[id].article, id).toMatch(/[\u4e00-\u9fa5]|GB\/T/)
      expect(RULES[id].gist.match(/[\u4e00-\u9fa5]/g)?.length ?? 0, id).toBeGreaterThanOrEqual(6)
    }
    expect(RULES['R-M2'].article).toBe('第三十八条')
    expect(RULES['R-D4'].article).toBe('第四十八条')
  })

  it('every rule id the code cites is in the catalogue', () => {
    const cited = new Set<string>()
    for (const file of [...sources(join(ROOT, 'src-main')), ...sources(join(ROOT, 'src-renderer'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'((?:R-[PMDSW]|X-)\d+)'/g)) cited.add(m[1])
    }
    expect(cited.size).toBeGreaterThan(20)
    expect([...cited].filter((id) => !(RULE_IDS as string[]).includes(id))).toEqual([])
  })
})

describe('one word, one place', () => {
  it.each([
    ['the 15 kinds of 公文', /'决议', '决定', '命令（令）'/],
    ['the leader posts', /\['市长', '副市长', '秘书长', '副秘书长'\]/],
    ['the 密级 mark 机密★1年', /`\$\{\w+\}★\$\{\w+\}`/],
    ['the incoming states', /'已登记', '已退回', '已拟办'/],
    ['the duty roles', /'带班领导', '带班', '主班', '副班'\]/],
  ])('%s is written once, in src-main/common/', (_what, pattern) => {
    const files = [...sources(join(ROOT, 'src-main')), ...sources(join(ROOT, 'src-renderer'))]
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^src-main\/common\//)
  })
})

describe('queries read, mutations write (issue 13)', () => {
  it('a query handler\'s database has no insert, update or delete: writing in a query fails the type check (test-all runs tsc)', () => {
    const reading = query({
      summary: '只读的查询',
      access: 'public',
      input: z.object({}),
      // @ts-expect-error a query's database (ReadDb) cannot insert: writes belong in a mutation's audited transaction
      handler: (ctx) => ctx.db.insert(settings).values({ key: 'x', value: '1' }).run(),
    })
    expect(reading.kind).toBe('query')
  })
})
