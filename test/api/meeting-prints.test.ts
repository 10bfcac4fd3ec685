import { beforeAll, describe, expect, it } from 'vitest'
import { download, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, meetingType } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { docxText } from '../helpers/zip'
import { hasLibreOffice, renderDocx } from '../helpers/render'

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-11-16T09:00:00+08:00' })
let meetingId: number
const file = (name: string) => uploadAs(server.url, api, name, `%PDF-1.4 ${name}`)
const holderOf = (kind: string) => demo.org.people.find((p) => p.id === demo.org.posts.find((x) => x.kind === kind)?.holderId)

beforeAll(async () => {
  const standing = await meetingType(api, '常务会议')
  meetingId = (await api.ok('meetings.schedule', { typeId: standing.id, session: 12, date: '2026-12-03', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
  const dept = must(demo.org.departments.find((d) => d.kind === '市政府部门' && d.supervisorPostId), '有分管领导的市政府部门')
  const county = must(demo.org.departments.find((d) => d.kind === '县区'), '一个县区')
  await api.ok('topics.submit', {
    meetingId, title: '关于资阳市城市更新实施办法（送审稿）的议题', departmentId: dept.id, reporter: '李建国', deliveredOn: '2026-11-16',
    unitIds: [county.id], files: [{ kind: '议题材料', file: await file('议题材料.pdf') }, { kind: '议题审批表', file: await file('议题审批表.pdf') }],
  })
})

const exported = (name: 'meetings.exportAgendaDocx' | 'meetings.exportNoticeDocx') => download(api, name, { id: meetingId })

describe('the agenda and the notice of a meeting, as Word files', () => {
  it('prints the agenda (会议议程) with time, place, the chair and each topic with its department, reporter and 列席 units', async () => {
    const r = await exported('meetings.exportAgendaDocx')
    expect(r.filename).toBe('市政府第12次常务会议议程.docx')
    expect(r.buf.subarray(0, 2).toString()).toBe('PK')
    const text = docxText(r.buf)
    expect(text).toContain('2026年12月3日（星期四）上午09:00')
    expect(text).toContain('市政府第一会议室')
    expect(text).toContain(`${holderOf('市长')?.name}市长`)
    expect(text).toContain('一、关于资阳市城市更新实施办法（送审稿）的议题')
    expect(text).toContain('李建国')
    expect(text).toContain(demo.org.departments.find((d) => d.kind === '县区')?.name)
  })

  it('prints the notice (会议通知) addressed to those expected, with the topics and whom to ask for leave (R-M4)', async () => {
    const r = await exported('meetings.exportNoticeDocx')
    expect(r.filename).toBe('关于召开市政府第12次常务会议的通知.docx')
    const text = docxText(r.buf)
    expect(text).toContain('常务副市长')
    expect(text).toContain('（一）关于资阳市城市更新实施办法（送审稿）的议题')
    expect(text).toContain('请按第三十九条向会议主持人请假')
    expect(text).toContain('资阳市人民政府办公室')
    expect(text).toContain('2026年11月16日')
  })

  const rendered = hasLibreOffice() ? it : it.skip
  rendered('renders the agenda and the notice of the scheduled meeting as pages a reader can use (LibreOffice → PNG)', async () => {
    for (const [name, file] of [['exportAgendaDocx', 'meetings-api-agenda'], ['exportNoticeDocx', 'meetings-api-notice']] as const) {
      const r = renderDocx((await exported(`meetings.${name}`)).buf, 'test-results/print', file)
      expect(r.pageCount).toBeGreaterThanOrEqual(1)
      expect(r.text.replace(/\s+/g, '')).toContain('市政府第12次常务会议')
    }
  }, 120_000)
})
