import { describe, expect, it } from 'vitest'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { docxText } from '../helpers/zip'

const demo = demoOffice()
const { api } = officeServer({ demo })

const holdersOf = (kinds: string[]) => demo.org.posts.filter((p) => kinds.includes(p.kind)).map((p) => p.holderId)

describe('duty rosters follow the office\'s settings (R-W1, X-4)', () => {
  it('lets the office choose who leads on holidays, how much a holiday duty counts and the printed duty phone', async () => {
    await api.ok('settings.update', { dutyLeaderPostKinds: ['市长', '副市长'], dutyHolidayWeight: 3, dutyPhone: '028-26610000' })
    const made = await api.ok('duty.generate', { kind: '领导带班', from: '2026-10-01', to: '2026-10-07' })
    const roster = await api.ok('duty.get', { id: made.id })
    const people = roster.days.flatMap((d) => d.duties.map((x) => x.personId))
    expect(people).toHaveLength(7)
    expect(people.every((id: number) => holdersOf(['市长', '副市长']).includes(id))).toBe(true)
    expect(people.some((id: number) => holdersOf(['秘书长']).includes(id))).toBe(false)
    expect(roster.fairness.every((r) => r.weighted === 3 * r.holiday + r.ordinary)).toBe(true)
    const word = await api.ok('duty.exportRosterDocx', { id: made.id })
    expect(docxText(Buffer.from(word.base64, 'base64'))).toContain('028-26610000')
  })

  it('refuses an empty list of posts and a weight out of range, in Chinese', async () => {
    const empty = await api.call('settings.update', { dutyLeadPostKinds: [] })
    expect(empty.body.error?.message).toBe('「办公室值班带班的岗位类别」至少选择一类岗位')
    const weight = await api.call('settings.update', { dutyHolidayWeight: 9 })
    expect(weight.body.error?.message).toBe('「节假日值班折算天数」不能超过5')
  })
})
