import { describe, expect, it } from 'vitest'
import { rpcClient, startTestServer } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { meetingType } from '../helpers/demo-office'

const { server, api } = officeServer({ clock: '2026-11-20T09:00:00+08:00' })

const standing = async () => await meetingType(api, '常务会议')

describe('meeting types are settings, not code', () => {
  it('comes with the five types of 第三十七—四十三条 and the 常务会议 rules (R-M2, R-M3, R-M4, R-M5)', async () => {
    const types = await api.ok('meetingTypes.list')
    expect(types.map((t) => t.name)).toEqual(['全体会议', '常务会议', '市长办公会', '专题会议', '全市性视频会议'])
    expect(await standing()).toMatchObject({
      quorum: '过半数', cadenceDays: 14, topicDeadlineWorkingDays: 10, leaveAskee: '主持人', minutesSigner: '市长',
      minutesTitle: '{政府}常务会议纪要', numbering: '〔{年}〕{n}号', members: { postKinds: ['市长', '副市长', '秘书长'] },
    })
  })

  it('lets an office of another city shorten the 常务会议 topic deadline to 7 working days, and the deadline follows (R-M3)', async () => {
    const t = await standing()
    const { id, sortOrder: _s, ...config } = t
    await api.ok('meetingTypes.save', { id, config: { ...config, name: '市政府常务会议', topicDeadlineWorkingDays: 7, numbering: '第{n}期' } })
    const { meeting } = await api.ok('meetings.schedule', { typeId: id, session: 30, date: '2026-12-10', halfDay: '上午' })
    // 12月10日 (Thu) less 7 working days: 9, 8, 7, 4, 3, 2, 1 → 12月1日.
    expect((await api.ok('topics.list', { meetingId: meeting.id })).deadline).toBe('2026-12-01')
    const types = await api.ok('meetingTypes.list')
    expect(types.find((x) => x.id === id)).toMatchObject({ name: '市政府常务会议', topicDeadlineWorkingDays: 7, numbering: '第{n}期' })
    const auditor = rpcClient(server.url)
    await auditor.login('auditor')
    const audit = await auditor.ok('audit.list', { entity: '会议类别' })
    expect(JSON.stringify(audit)).toContain('市政府常务会议')
  })

  it('refuses to turn a type into another kind, and a numbering without {n}, in Chinese', async () => {
    const { id, sortOrder: _s, ...config } = await standing()
    const kind = await api.call('meetingTypes.save', { id, config: { ...config, kind: '专题会议' } })
    expect(kind.body.error?.message).toContain('「会议类别」不能修改')
    const numbering = await api.call('meetingTypes.save', { id, config: { ...config, numbering: '〔{年}〕号' } })
    expect(numbering.status).toBe(400)
    expect(numbering.body.error?.message).toMatch(/「纪要编号格式（\{年\}、\{n\}）」须包含\{n\}/)
  })

  it('lets only a 科长 change meeting types, not a 文秘', async () => {
    const clerk = rpcClient(server.url)
    await clerk.login('wenmi')
    const { id, sortOrder: _s, ...config } = await standing()
    const r = await clerk.call('meetingTypes.save', { id, config })
    expect(r.body.error?.code).toBe('FORBIDDEN')
  })
})

describe('a fresh office', () => {
  it('schedules a 常务会议 straight away, its types seeded when the server opened and recorded in the audit trail (R-M2)', async () => {
    const fresh = await startTestServer()
    try {
      const clerk = rpcClient(fresh.url)
      await clerk.login()
      // Nothing has listed the types: the id comes from the database itself.
      const typeId = fresh.core.conn.sqlite.prepare("SELECT id FROM meeting_types WHERE kind = '常务会议'").pluck().get() as number
      const r = await clerk.call('meetings.schedule', { typeId, date: '2026-12-10', halfDay: '上午' })
      expect(r.status).toBe(200)
      const auditor = rpcClient(fresh.url)
      await auditor.login('auditor')
      const seeded = JSON.stringify(await auditor.ok('audit.list', { entity: '会议类别' }))
      for (const name of ['全体会议', '常务会议', '市长办公会', '专题会议', '全市性视频会议']) expect(seeded).toContain(name)
      expect(seeded).toContain('按工作规则预设')
      expect(seeded).toContain('三办（打开数据库时）')
    } finally { await fresh.stop() }
  })
})
