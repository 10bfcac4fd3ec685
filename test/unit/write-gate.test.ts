/**
 * The write gate (db/write-gate.ts, issue 18): while a worker writes (an import), the request thread's writes and a
 * restore's file swap wait for it off the thread; holders run one after another, and a failed write frees the gate.
 * Ordering only: each step records when it ran.
 */
import { describe, expect, it } from 'vitest'
import { WriteGate, writeGateOf } from '../../src-main/db/write-gate'

/** A write that ends when told to. */
function pending() {
  let end!: (v: string) => void
  let fail!: (e: Error) => void
  const promise = new Promise<string>((resolve, reject) => { end = resolve; fail = reject })
  return { promise, end, fail }
}

describe('WriteGate', () => {
  it('a write waiting on the gate runs only after the worker\'s write has ended', async () => {
    const gate = new WriteGate()
    const log: string[] = []
    const importing = pending()
    const held = gate.hold(() => { log.push('import starts'); return importing.promise })
    expect(gate.busy).toBe(true)
    const waiting = gate.whenFree().then(() => log.push('other write'))
    await Promise.resolve()
    log.push('import ends')
    importing.end('done')
    expect(await held).toBe('done')
    await waiting
    expect(log).toEqual(['import starts', 'import ends', 'other write'])
    expect(gate.busy).toBe(false)
  })

  it('a second holder (a restore\'s swap) starts only when the first has ended, and a failure frees the gate', async () => {
    const gate = new WriteGate()
    const log: string[] = []
    const first = pending()
    const a = gate.hold(() => { log.push('import'); return first.promise })
    const b = gate.hold(async () => { log.push('restore swap'); return 'swapped' })
    await Promise.resolve()
    expect(log).toEqual(['import'])
    first.fail(new Error('写入失败'))
    await expect(a).rejects.toThrow('写入失败')
    expect(await b).toBe('swapped')
    expect(log).toEqual(['import', 'restore swap'])
    expect(gate.busy).toBe(false)
  })

  it('one gate per open database: the router and the restore of the same connection share it', () => {
    const conn = {}
    expect(writeGateOf(conn)).toBe(writeGateOf(conn))
    expect(writeGateOf({})).not.toBe(writeGateOf(conn))
  })
})
