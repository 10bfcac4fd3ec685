import { describe, expect, it } from 'vitest'
import { must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { docxText } from '../helpers/zip'
import { listMeetingTypes } from '../../src-main/meetings/context'
import { attendance, meetings, topics } from '../../src-main/meetings/schema'
import type { MeetingKind } from '../../src-main/common/meetings'

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-12-20T10:00:00+08:00' })
const { department, personId, post } = demo

// The meetings service is written alongside this one: the tests put meetings, topics and attendance
// straight into the server's database, the way the meetings pages will have left them.
const db = () => server.core.conn.db
const typeId = (kind: MeetingKind) => listMeetingTypes(db()).find((t) => t.kind === kind)!.id
function meeting(kind: MeetingKind, values: Partial<typeof meetings.$inferInsert> = {}): number {
  return db().insert(meetings).values({
    typeId: typeId(kind), date: '2026-12-03', halfDay: '上午', status: '已召开', createdAt: new Date().toISOString(), ...values,
  }).returning().get().id
}
function topic(meetingId: number, title: string, sortOrder: number, withdrawn = false): number {
  return db().insert(topics).values({
    meetingId, title, sortOrder, withdrawn, departmentId: department('市财政局').id, deliveredOn: '2026-11-10', createdAt: new Date().toISOString(),
  }).returning().get().id
}
function attend(meetingId: number, name: string, role: '组成人员' | '邀请' | '列席', status: '出席' | '请假' | '缺席' | '代会', extra: { leaveReason?: string; substitute?: string } = {}) {
  db().insert(attendance).values({ meetingId, personId: personId(name), role, status, ...extra }).run()
}
/** Saves the proposed draft with every decision's text filled in. */
async function saveDraft(meetingId: number, fill = '会议同意。') {
  const m = await api.ok('minutes.get', { meetingId })
  return api.ok('minutes.save', {
    meetingId, opening: m.opening, attendance: m.attendance, distribution: '市委办公室，市人大常委会办公室，市政协办公室。',
    decisions: m.decisions.map((d) => ({ id: d.id, topicId: d.topicId, heading: d.heading, text: fill })),
  })
}

let first: number
let second: number

describe('常务会议纪要 (R-M5, X-1)', () => {
  it('R-M5 proposes a draft from the meeting: the opening, one section per topic, and 出席/请假/列席 from the attendance', async () => {
    first = meeting('常务会议', { session: 12, place: '市政府第一会议室', chairPostId: post('市长').id })
    topic(first, '关于2027年财政预算编制工作的议题', 2)
    topic(first, '关于城区老旧小区改造的议题', 1)
    topic(first, '关于已撤回事项的议题', 0, true)
    attend(first, '李建国', '组成人员', '出席')
    attend(first, '张明远', '组成人员', '出席')
    attend(first, '王志强', '组成人员', '请假', { leaveReason: '出差' })
    attend(first, '周文斌', '组成人员', '出席')
    const audit = must(post('市审计局局长').holderName, '市审计局局长')
    const bureau = must(post('市政府研究室主任').holderName, '市政府研究室主任')
    attend(first, audit, '列席', '出席')
    attend(first, bureau, '列席', '代会', { substitute: '王五' })

    const m = await api.ok('minutes.get', { meetingId: first })
    expect(m).toMatchObject({ id: null, saved: false, status: '草稿', numberText: null, title: '资阳市人民政府常务会议纪要', meetingTitle: '市政府第12次常务会议', canEdit: true })
    expect(m.opening).toBe('2026年12月3日上午，市长张明远在市政府第一会议室主持召开市政府第12次常务会议，研究了关于城区老旧小区改造的议题、关于2027年财政预算编制工作的议题等事项。现纪要如下：')
    expect(m.decisions.map((d) => [d.heading, d.text])).toEqual([['关于城区老旧小区改造的议题', ''], ['关于2027年财政预算编制工作的议题', '']])
    expect(m.attendance).toEqual({ present: ['张明远', '李建国', '周文斌'], onLeave: ['王志强（出差）'], attending: [audit, `王五（代${bureau}）`] })
    expect(m.requiredSigner).toMatchObject({ ok: true, rule: 'R-M5', signers: [{ name: '张明远', actingFor: null }] })
    expect(m.requiredSignerText).toBe('应由张明远签发')
  })

  it('R-M5 refuses minutes for a meeting not yet marked held, and for a 全体会议, which prints none', async () => {
    const planned = meeting('常务会议', { session: 13, date: '2026-12-17', status: '筹备', chairPostId: post('市长').id })
    const r = await api.call('minutes.save', { meetingId: planned, opening: '开头', decisions: [], attendance: { present: [], onLeave: [], attending: [] } })
    expect(r.body.error).toMatchObject({ code: 'CONFLICT' })
    expect(r.body.error?.message).toContain('请先将会议标记为“已召开”')
    expect((await api.ok('minutes.get', { meetingId: planned })).editBlockedReason).toContain('尚未标记为已召开')
    const plenary = meeting('全体会议', { chairPostId: post('市长').id })
    const p = await api.call('minutes.save', { meetingId: plenary, opening: '开头', decisions: [], attendance: { present: [], onLeave: [], attending: [] } })
    expect(p.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5', message: '第四十、四十二条：全体会议不印发纪要，无须起草和签发。' })
  })

  it('X-1 saves the draft without a number; decisions are kept by id, edited, added and removed', async () => {
    const saved = await saveDraft(first)
    expect(saved).toMatchObject({ saved: true, status: '草稿', numberText: null, signed: null })
    expect(saved.decisions.every((d) => typeof d.id === 'number' && d.text === '会议同意。')).toBe(true)
    const [a, b] = saved.decisions
    const edited = await api.ok('minutes.save', {
      meetingId: first, opening: saved.opening, attendance: saved.attendance, distribution: saved.distribution,
      decisions: [{ ...b, text: '会议原则同意，由市财政局按程序办理。' }, { heading: '其他事项', text: '会议要求做好岁末年初安全生产工作。' }],
    })
    expect(edited.decisions.map((d) => d.heading)).toEqual(['关于2027年财政预算编制工作的议题', '其他事项'])
    expect(edited.decisions[0].id).toBe(b.id)
    expect(edited.decisions.some((d) => d.id === a.id)).toBe(false)
    expect(edited.numberText).toBeNull()
    await api.ok('minutes.save', {
      meetingId: first, opening: saved.opening, attendance: saved.attendance, distribution: saved.distribution,
      decisions: [{ ...a, id: null }, ...edited.decisions],
    })
  })

  it('R-M5 常务会议纪要 is signed by the 常务副市长 when the 市长 is away (R-P2), and anyone else is refused', async () => {
    await api.ok('absences.save', { personId: personId('张明远'), kind: '出国', startDate: '2026-12-14', endDate: '2026-12-22', destination: '新加坡', reportedTo: [], actingPersonId: personId('李建国') })
    const who = await api.ok('minutes.signer', { meetingId: first, date: '2026-12-15' })
    expect(who).toMatchObject({ ok: true, rule: 'R-M5', signers: [{ name: '李建国', actingFor: '张明远', actingRule: 'R-P2' }] })
    expect(who.text).toBe('应由李建国（代张明远，第八条）签发')

    for (const name of ['王志强', '张明远']) {
      const r = await api.call('minutes.sign', { meetingId: first, signerPersonId: personId(name), opinion: '同意印发。', date: '2026-12-15' })
      expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5' })
      expect(r.body.error?.message).toBe(`按第四十条，常务会议纪要由市长签发。${name}不能签发，应由李建国（代张明远）签发。`)
    }
    expect((await api.ok('minutes.get', { meetingId: first })).numberText).toBeNull()

    const signed = await api.ok('minutes.sign', { meetingId: first, signerPersonId: personId('李建国'), opinion: '同意印发。', date: '2026-12-15' })
    expect(signed).toMatchObject({
      status: '已签发', numberText: '〔2026〕1号', canEdit: false,
      signed: { name: '李建国', actingFor: '张明远', opinion: '同意印发。', on: '2026-12-15' },
    })
  })

  it('X-1 the number is assigned only at sign-off: 〔2026〕1号 then 〔2026〕2号', async () => {
    second = meeting('常务会议', { session: 13, date: '2026-12-08', place: '市政府第一会议室', chairPostId: post('市长').id })
    topic(second, '关于冬季森林防火工作的议题', 0)
    const draft = await saveDraft(second)
    expect(draft.numberText).toBeNull()
    const signed = await api.ok('minutes.sign', { meetingId: second, signerPersonId: personId('张明远'), opinion: '同意。', date: '2026-12-10' })
    expect(signed).toMatchObject({ numberText: '〔2026〕2号', signed: { name: '张明远', actingFor: null, on: '2026-12-10' } })
    expect((await api.ok('minutes.get', { meetingId: first })).numberText).toBe('〔2026〕1号')
  })

  it('R-M5 signed minutes cannot be changed or signed again (已签发纪要不能修改)', async () => {
    const m = await api.ok('minutes.get', { meetingId: first })
    const save = await api.call('minutes.save', { meetingId: first, opening: '改动', decisions: [], attendance: m.attendance })
    expect(save.body.error?.code).toBe('CONFLICT')
    expect(save.body.error?.message).toContain('已签发纪要不能修改')
    const again = await api.call('minutes.sign', { meetingId: first, signerPersonId: personId('李建国'), opinion: '同意。', date: '2026-12-16' })
    expect(again.body.error?.message).toContain('已签发纪要不能修改')
    expect((await api.ok('minutes.get', { meetingId: first })).numberText).toBe('〔2026〕1号')
  })

  it('X-1 exports the signed minutes as Word with their number; a draft prints unnumbered, an unsaved one not at all', async () => {
    const file = await api.ok('minutes.exportDocx', { meetingId: first })
    expect(file).toMatchObject({ filename: '资阳市人民政府常务会议纪要〔2026〕1号.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
    const text = docxText(Buffer.from(file.base64, 'base64'))
    expect(text).toContain('〔2026〕1号')
    expect(text).toContain('市长张明远在市政府第一会议室主持召开市政府第12次常务会议')
    expect(text).toContain('王志强（出差）')
    const none = meeting('常务会议', { session: 20, chairPostId: post('市长').id })
    const r = await api.call('minutes.exportDocx', { meetingId: none })
    expect(r.body.error?.message).toContain('纪要尚未起草')
    await saveDraft(none)
    expect((await api.ok('minutes.exportDocx', { meetingId: none })).filename).toBe('资阳市人民政府常务会议纪要（草稿）.docx')
  })

  it('R-M5 (R-D4 spirit) a sign-off needs a clear opinion, the real date, and every decision written', async () => {
    const third = meeting('常务会议', { session: 14, date: '2026-12-09', chairPostId: post('市长').id })
    topic(third, '关于农村公路建设的议题', 0)
    const blank = await saveDraft(third, '')
    expect(blank.decisions[0].text).toBe('')
    const unwritten = await api.call('minutes.sign', { meetingId: third, signerPersonId: personId('张明远'), opinion: '同意。', date: '2026-12-10' })
    expect(unwritten.body.error?.message).toBe('议定事项“关于农村公路建设的议题”尚未填写内容，不能签发')
    await saveDraft(third)
    const noOpinion = await api.call('minutes.sign', { meetingId: third, signerPersonId: personId('张明远'), opinion: '  ', date: '2026-12-10' })
    expect(noOpinion.body.error).toMatchObject({ code: 'VALIDATION', field: 'opinion', message: '「签发意见」不能为空' })
    const future = await api.call('minutes.sign', { meetingId: third, signerPersonId: personId('张明远'), opinion: '同意。', date: '2026-12-28' })
    expect(future.body.error?.message).toContain('「签发日期」不能晚于今天（2026年12月20日）')
    const early = await api.call('minutes.sign', { meetingId: third, signerPersonId: personId('张明远'), opinion: '同意。', date: '2026-12-08' })
    expect(early.body.error?.message).toContain('不能早于会议日期')
    expect((await api.ok('minutes.get', { meetingId: third })).numberText).toBeNull()
  })
})

describe('专题会议纪要 (R-M5 第四十二条)', () => {
  let land: number

  it('R-M5 a 专题会议 on 土地 cannot be signed before the 市长\'s consent', async () => {
    land = meeting('专题会议', {
      subject: '高铁站片区土地收储', date: '2026-12-04', halfDay: '下午', place: '市政府第三会议室', chairPostId: post('副市长', '陈立新').id,
      reservedMatters: JSON.stringify(['土地']), priorAgreementOn: '2026-12-01', priorAgreementNote: '已与常务副市长李建国协商一致',
    })
    topic(land, '关于高铁站片区土地收储的议题', 0)
    const draft = await saveDraft(land)
    expect(draft).toMatchObject({ title: '资阳市人民政府专题会议纪要', needsMayorConsent: true, reservedMatters: ['土地'], mayorConsent: null })
    expect(draft.opening).toBe('2026年12月4日下午，副市长陈立新在市政府第三会议室主持召开市政府专题会议（高铁站片区土地收储），研究了关于高铁站片区土地收储的议题。现纪要如下：')
    expect(draft.requiredSigner).toMatchObject({ ok: false, rule: 'R-M5' })

    const r = await api.call('minutes.sign', { meetingId: land, signerPersonId: personId('陈立新'), opinion: '同意印发。', date: '2026-12-11' })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5' })
    expect(r.body.error?.message).toBe('本专题会议涉及土地，按第四十二条须会前与相关领导协商一致，纪要须报市长同意后再签发。尚缺：市长同意。')
  })

  it('R-M5 the consent is recorded only from the 市长, or the leader acting for the 市长 that day (R-P2)', async () => {
    const wrong = await api.call('minutes.recordConsent', { meetingId: land, personId: personId('王志强'), date: '2026-12-10' })
    expect(wrong.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5' })
    expect(wrong.body.error?.message).toContain('王志强不是市长，不能记为市长同意')
    const consented = await api.ok('minutes.recordConsent', { meetingId: land, personId: personId('张明远'), date: '2026-12-10' })
    expect(consented.mayorConsent).toEqual({ personId: personId('张明远'), name: '张明远', on: '2026-12-10' })
    expect(consented.requiredSigner).toMatchObject({ ok: true })
  })

  it('R-M5 专题会议纪要 are signed by the chair, not another 副市长, numbered in their own series 第1期 (X-1)', async () => {
    const other = await api.call('minutes.sign', { meetingId: land, signerPersonId: personId('王志强'), opinion: '同意。', date: '2026-12-11' })
    expect(other.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5' })
    expect(other.body.error?.message).toBe('按第四十二条，专题会议纪要由会议主持人签发，或由委托召开会议的市政府领导签发。王志强不能签发，应由陈立新签发。')
    const signed = await api.ok('minutes.sign', { meetingId: land, signerPersonId: personId('陈立新'), opinion: '同意印发。', date: '2026-12-11' })
    expect(signed).toMatchObject({ status: '已签发', numberText: '第1期', signed: { name: '陈立新', actingFor: null } })
  })

  it('R-M5 without the prior agreement of the leaders concerned, even the 市长\'s consent is not enough', async () => {
    const staffing = meeting('专题会议', { subject: '事业单位编制调整', chairPostId: post('秘书长').id, reservedMatters: JSON.stringify(['人事编制']) })
    topic(staffing, '关于事业单位编制调整的议题', 0)
    await saveDraft(staffing)
    await api.ok('minutes.recordConsent', { meetingId: staffing, personId: personId('张明远'), date: '2026-12-10' })
    const r = await api.call('minutes.sign', { meetingId: staffing, signerPersonId: personId('周文斌'), opinion: '同意。', date: '2026-12-11' })
    expect(r.body.error?.message).toContain('尚缺：会前与相关领导协商一致')
  })

  it('R-M5 a consent for a meeting without reserved matters is refused as not needed', async () => {
    const r = await api.call('minutes.recordConsent', { meetingId: second, personId: personId('张明远'), date: '2026-12-10' })
    expect(r.body.error?.code).toBe('CONFLICT')
  })
})

describe('a new year (X-1)', () => {
  it('X-1 each series restarts every year: signed in January 2027 the minutes are 〔2027〕1号', async () => {
    await api.ok('system.setClock', { at: '2027-01-06T10:00:00+08:00' })
    const m = meeting('常务会议', { session: 15, date: '2026-12-30', chairPostId: post('市长').id })
    topic(m, '关于春节前后市场保供的议题', 0)
    await saveDraft(m)
    const signed = await api.ok('minutes.sign', { meetingId: m, signerPersonId: personId('张明远'), opinion: '同意。', date: '2027-01-05' })
    expect(signed.numberText).toBe('〔2027〕1号')
  })
})
