/**
 * Generating a year of office duty (办公室值班, R-W1) for 40 people through duty.generate, after ten years of
 * published rosters (the fairness history it reads). The 40 staff and each generated roster are rolled back:
 * the bench office is left as it was.
 */
import { openBenchCore } from './in-process'
import { latencyRow, summarise } from './measure'
import type { Part } from './run'
import { performance } from 'node:perf_hooks'

const PEOPLE = 40
const RUNS = 10

export const dutyPart: Part = async (office) => {
  const { core, as, close } = openBenchCore(office)
  const { sqlite } = core.conn
  const call = as('wenmi')
  try {
    sqlite.exec('BEGIN')
    const dept = sqlite.prepare("SELECT id FROM departments WHERE kind = '办公室内设' ORDER BY id LIMIT 1").pluck().get() as number
    const have = sqlite.prepare("SELECT count(*) FROM posts p JOIN departments d ON d.id = p.department_id WHERE p.kind = '工作人员' AND d.kind = '办公室内设'").pluck().get() as number
    const person = sqlite.prepare('INSERT INTO people (name, office_phone, mobile) VALUES (?, ?, ?)')
    const post = sqlite.prepare("INSERT INTO posts (title, kind, department_id, holder_id, sort_order) VALUES ('科员', '工作人员', ?, ?, 900)")
    for (let i = have; i < PEOPLE; i++) post.run(dept, person.run(`值班员${i + 1}`, '028-26610000', `1390000${String(i).padStart(4, '0')}`).lastInsertRowid)
    // The holiday calendar is published a year at a time, so the year measured is this one, cleared of its
    // published rosters first (inside the transaction, like the staff).
    const year = office.today.slice(0, 4)
    const input = { kind: '办公室值班', from: `${year}-01-01`, to: `${year}-12-31` }
    const overlapping = `SELECT id FROM rosters WHERE kind = '办公室值班' AND from_date <= '${input.to}' AND to_date >= '${input.from}'`
    sqlite.exec(`DELETE FROM duty_changes WHERE roster_id IN (${overlapping}); DELETE FROM duty_assignments WHERE roster_id IN (${overlapping}); DELETE FROM rosters WHERE id IN (${overlapping})`)
    const samples: number[] = []
    for (let i = 0; i < RUNS + 2; i++) {
      sqlite.exec('SAVEPOINT run')
      const t = performance.now()
      await call('duty.generate', input)
      if (i >= 2) samples.push(performance.now() - t)
      sqlite.exec('ROLLBACK TO run; RELEASE run')
    }
    return [latencyRow(`值班：生成一年办公室值班表（${PEOPLE} 人，含十年轮值历史）`, summarise(samples), { p95: 200 })]
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
    close()
  }
}
