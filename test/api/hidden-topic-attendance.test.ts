/**
 * A topic above a reader's clearance shows nothing on the attendance sheet (issue 14 §6): not its submitting or
 * 列席 units, not their heads (derived or recorded), not its title — neither on the page (attendance.get) nor in
 * the Word file (attendance.exportDocx). The 科长 kezhang (机密) sees them; 查阅 chayue (内部) does not.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { rpcClient, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, meetingType } from '../helpers/demo-office'
import { topicFilesAs } from '../helpers/upload'
import { docxText } from '../helpers/zip'
import { renderDocx } from '../helpers/render'
import { resolve } from 'node:path'

const PRINT_DIR = resolve(__dirname, '../../test-results/print')

type Api = ReturnType<typeof rpcClient>
const demo = demoOffice()
const office = officeServer({ demo, clock: '2026-12-01T09:00:00+08:00' })
const { server, api: kezhang } = office
const chayue = office.signedIn('chayue')
const { deptId } = demo
let meetingId: number
/** The person heading a department (its 部门主要负责人), who attends for it. */
const headOf = (name: string) => {
  const personId = must(demo.headOf(name).holderId, `${name}的主要负责人`)
  return { personId, name: demo.nameOf(personId) }
}
const HIDDEN = { title: '关于重点防汛设施安全评估的议题', unit: '市统计局', submitter: '市水利局' }
const OPEN = { title: '关于农贸市场升级改造的议题', unit: '市市场监督管理局', submitter: '市商务局' }

async function topic(t: typeof HIDDEN, classification: '无' | '机密') {
  await kezhang.ok('topics.submit', {
    meetingId, title: t.title, departmentId: deptId(t.submitter), unitIds: [deptId(t.unit)], deliveredOn: '2026-12-01', classification,
    files: await topicFilesAs(server.url, kezhang, t.title),
  })
}

/** Everything a reader's attendance sheet and its Word file say, as one text. */
async function whatTheySee(api: Api): Promise<string> {
  const sheet = JSON.stringify(await api.ok('attendance.get', { meetingId }))
  const word = await api.ok('attendance.exportDocx', { id: meetingId })
  return `${sheet}\n${docxText(Buffer.from(word.base64, 'base64'))}`
}

beforeAll(async () => {
  const type = await meetingType(kezhang, '常务会议')
  meetingId = (await kezhang.ok('meetings.schedule', { typeId: type.id, date: '2026-12-22', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
  await topic(OPEN, '无')
  await topic(HIDDEN, '机密')
  // The 机密 topic's 列席 unit head is recorded present: a recorded row must not give the unit away either.
  await kezhang.ok('attendance.record', { meetingId, personId: headOf(HIDDEN.unit).personId, role: '列席', status: '出席' })
})

describe('attendance sheet of a meeting with a hidden (机密) topic (issue 14 §6)', () => {
  it('the 科长 (机密) sees both topics\' units and heads on the sheet and in the Word file', async () => {
    const seen = await whatTheySee(kezhang)
    for (const t of [OPEN, HIDDEN]) {
      for (const unit of [t.unit, t.submitter]) expect(seen).toContain(headOf(unit).name)
    }
    expect(seen).toContain(`议题单位：${HIDDEN.unit}`)
  })

  it('the Word file lays out as a page a reader can use (LibreOffice → PNG in test-results/print/)', async () => {
    const word = await kezhang.ok('attendance.exportDocx', { id: meetingId })
    const page = renderDocx(Buffer.from(word.base64, 'base64'), PRINT_DIR, 'meeting-attendance')
    expect(page.pageCount).toBeGreaterThanOrEqual(1)
    expect(page.text).toContain('市政府常务会议出席情况')
    expect(page.text).toContain(headOf(OPEN.unit).name)
    // No one is recorded yet: the 法定人数 line says so by the article, never by the rule id (R-M2).
    expect(page.text.replace(/\s+/g, '')).toContain('应到组成人员8人，已到0人，不足第三十八条规定的半数以上（至少需5人）')
    expect(page.text).not.toContain('R-M2')
  }, 60_000)

  it('a 内部 reader sees the open topic\'s 列席 but nothing of the hidden one: no unit, no head, no title — on the page or in Word', async () => {
    const seen = await whatTheySee(chayue)
    expect(seen).toContain(headOf(OPEN.unit).name)
    expect(seen).toContain(`议题单位：${OPEN.unit}`)
    for (const leak of [HIDDEN.unit, HIDDEN.submitter, headOf(HIDDEN.unit).name, headOf(HIDDEN.submitter).name, HIDDEN.title]) {
      expect(seen).not.toContain(leak)
    }
  })
})
