import { beforeAll, describe, expect, it } from 'vitest'
import { must, type InputOf, type OutputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'

// 办会 without dead ends (issue 15): a held meeting corrected by the 科长 with a reason until its minutes are signed,
// and the rules checked where they are decided (R-M3 分管 and 改期, R-M4, R-M5 consent, R-M7), against the real server.

const demo = demoOffice()
const office = officeServer({ demo })
const { server, api: kezhang } = office
const wenmi = office.signedIn('wenmi')
const { personId, postId, deptId } = demo
type MeetingType = OutputOf<'meetingTypes.list'>[number]
let types: MeetingType[]
const typeOf = (kind: MeetingType['kind']) => must(types.find((t) => t.kind === kind), `会议类别“${kind}”`)

async function schedule(kind: MeetingType['kind'], date: string, extra: Partial<InputOf<'meetings.schedule'>> = {}) {
  return wenmi.ok('meetings.schedule', { typeId: typeOf(kind).id, date, halfDay: '上午', startTime: '09:00', place: '市政府第三会议室', ...extra })
}
const bothFiles = (title: string) => Promise.all((['议题材料', '议题审批表'] as const).map(async (kind) =>
  ({ kind, file: await uploadAs(server.url, wenmi, `${title}${kind}.pdf`, `${title}：${kind}`, 'application/pdf') })))
/** Saves the proposed draft with every decision filled in. */
async function saveDraft(meetingId: number) {
  const m = await wenmi.ok('minutes.get', { meetingId })
  return wenmi.ok('minutes.save', {
    meetingId, opening: m.opening, attendance: m.attendance, distribution: '市自然资源和规划局。',
    decisions: m.decisions.length ? m.decisions.map((d) => ({ ...d, text: '会议同意。' })) : [{ heading: '关于城东片区土地收储', text: '会议同意收储方案。' }],
  })
}

beforeAll(async () => {
  types = await kezhang.ok('meetingTypes.list')
  await kezhang.ok('system.setClock', { at: '2026-12-10T09:00:00+08:00' })
})

describe('the 土地 专题会议 held without prior agreement is recovered and signed (R-M5, issue 15)', () => {
  let id: number
  it('R-M5 before 已召开 the missing prior agreement is shown, and marking held needs it acknowledged', async () => {
    const r = await schedule('专题会议', '2026-12-10', { subject: '研究城东片区土地收储', chairPostId: postId('副市长', '陈立新'), reservedMatters: ['土地'] })
    id = r.meeting.id
    const check = await wenmi.ok('meetings.heldCheck', { id })
    expect(check).toEqual([{ rule: 'R-M5', message: '本会议涉及土地，尚未登记会前与相关领导协商一致（第四十二条）：纪要将不能签发。' }])
    const refused = await wenmi.call('meetings.markHeld', { id })
    expect(refused.body.error?.message).toContain('标记为已召开之前请先确认以下问题')
    expect((await wenmi.ok('meetings.markHeld', { id, acknowledged: true })).status).toBe('已召开')
  })

  it('R-M5 the minutes cannot be signed, and 修改 is refused pointing to 重新打开', async () => {
    await saveDraft(id)
    const sign = await wenmi.call('minutes.sign', { meetingId: id, signerPersonId: personId('陈立新'), opinion: '同意印发。', date: '2026-12-10' })
    expect(sign.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5' })
    expect(sign.body.error?.message).toContain('尚缺：会前与相关领导协商一致')
    const edit = await wenmi.call('meetings.schedule', { id, typeId: typeOf('专题会议').id, date: '2026-12-10', halfDay: '上午', reservedMatters: ['土地'], priorAgreementOn: '2026-12-08' })
    expect(edit.body.error?.message).toBe('会议已召开，不能再修改；如需更正，请由设定的更正人员“重新打开”会议')
  })

  it('the 文秘 is refused the correction, the 科长 corrects the prior agreement with a reason', async () => {
    const input = { id, priorAgreementOn: '2026-12-08', priorAgreementNote: '与陈立新副市长、市自然资源和规划局协商一致', reason: '会前已协商，登记时漏填' }
    const byClerk = await wenmi.call('meetings.correctAgreement', input)
    expect(byClerk.body.error).toMatchObject({ code: 'FORBIDDEN', message: '会议召开后的更正由科长办理（设置—会议更正人员），当前账户（文秘）不能更正。' })
    const late = await kezhang.call('meetings.correctAgreement', { ...input, priorAgreementOn: '2026-12-11' })
    expect(late.body.error?.message).toContain('会后才协商的，不属于会前协商一致')
    await kezhang.ok('meetings.correctAgreement', input)
    const page = await wenmi.ok('meetings.get', { id })
    expect(page.priorAgreementOn).toBe('2026-12-08')
    expect(page.corrections).toMatchObject([{ act: '更正会前协商', reason: '会前已协商，登记时漏填', by: expect.any(String), detail: '会前协商一致：未登记 → 2026年12月8日（与陈立新副市长、市自然资源和规划局协商一致）' }])
  })

  it('R-M5 with the 市长\'s consent the chair signs; after that the meeting can no longer be reopened', async () => {
    await wenmi.ok('minutes.recordConsent', { meetingId: id, personId: personId('张明远'), date: '2026-12-10' })
    const signed = await wenmi.ok('minutes.sign', { meetingId: id, signerPersonId: personId('陈立新'), opinion: '同意印发。', date: '2026-12-10' })
    expect(signed).toMatchObject({ status: '已签发', numberText: expect.stringMatching(/^第\d+期$/) })
    const reopen = await kezhang.call('meetings.reopen', { id, reason: '补登记' })
    expect(reopen.body.error?.message).toContain('纪要已于2026年12月10日签发')
  })

  it('a held meeting is reopened by the 科长 with a reason, edited, held again and its minutes signed', async () => {
    const r = await schedule('专题会议', '2026-12-10', { subject: '研究高新区资金安排', chairPostId: postId('常务副市长', '李建国'), reservedMatters: ['资金'] })
    await wenmi.ok('meetings.markHeld', { id: r.meeting.id, acknowledged: true })
    expect((await kezhang.call('meetings.reopen', { id: r.meeting.id, reason: '' })).body.error?.code).toBe('VALIDATION')
    expect((await kezhang.ok('meetings.reopen', { id: r.meeting.id, reason: '会前协商情况须补登记' })).status).toBe('筹备')
    await schedule('专题会议', '2026-12-10', { id: r.meeting.id, subject: '研究高新区资金安排', chairPostId: postId('常务副市长', '李建国'), reservedMatters: ['资金'], priorAgreementOn: '2026-12-09' })
    expect(await wenmi.ok('meetings.heldCheck', { id: r.meeting.id })).toEqual([])
    await wenmi.ok('meetings.markHeld', { id: r.meeting.id })
    await saveDraft(r.meeting.id)
    await wenmi.ok('minutes.recordConsent', { meetingId: r.meeting.id, personId: personId('张明远'), date: '2026-12-10' })
    expect((await wenmi.ok('minutes.sign', { meetingId: r.meeting.id, signerPersonId: personId('李建国'), opinion: '同意。', date: '2026-12-10' })).status).toBe('已签发')
    expect((await wenmi.ok('meetings.get', { id: r.meeting.id })).corrections.map((c) => c.act)).toEqual(['重新打开'])
  })
})

describe('R-M5 the 市长 on a trip: refused as signer and as consenting alike', () => {
  it('R-M5 the 市长 away is refused as consenting to a 专题会议\'s minutes, as he is as a signer; the acting 常务副市长 is accepted', async () => {
    const r = await schedule('专题会议', '2026-12-09', { subject: '研究国有资产划转', chairPostId: postId('副市长', '王志强'), reservedMatters: ['国有资产'], priorAgreementOn: '2026-12-08' })
    await kezhang.ok('system.setClock', { at: '2026-12-09T09:00:00+08:00' })
    await wenmi.ok('meetings.markHeld', { id: r.meeting.id })
    await kezhang.ok('system.setClock', { at: '2026-12-10T09:00:00+08:00' })
    await saveDraft(r.meeting.id)
    await kezhang.ok('absences.save', { personId: personId('张明远'), kind: '出差', startDate: '2026-12-09', endDate: '2026-12-09', destination: '北京', reportedTo: [], actingPersonId: personId('李建国') })
    const away = await wenmi.call('minutes.recordConsent', { meetingId: r.meeting.id, personId: personId('张明远'), date: '2026-12-09' })
    expect(away.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5' })
    expect(away.body.error?.message).toContain('2026年12月9日的同意应由李建国表示')
    await wenmi.ok('minutes.recordConsent', { meetingId: r.meeting.id, personId: personId('李建国'), date: '2026-12-09' })
    const who = await wenmi.ok('minutes.signer', { meetingId: r.meeting.id, date: '2026-12-10' })
    expect(who.ok).toBe(true)
  })
})

describe('R-M4 the wrong askee is warned and corrected', () => {
  let id: number
  it('R-M4 leave from a 常务会议 asked of the 秘书长 is refused unless an exception is recorded', async () => {
    id = (await schedule('常务会议', '2026-12-10', { session: 30 })).meeting.id
    const leave = { meetingId: id, personId: personId('王志强'), role: '组成人员' as const, status: '请假' as const, leaveReason: '赴省参加招商活动', askedPersonId: personId('周文斌'), answer: '同意' as const }
    const refused = await wenmi.call('attendance.record', leave)
    expect(refused.body.error).toMatchObject({ code: 'RULE', rule: 'R-M4' })
    expect(refused.body.error?.message).toContain('按第三十九条，不能参加常务会议的向会议主持人请假（张明远），周文斌不是应请假的人')
    await wenmi.ok('attendance.record', { ...leave, askeeException: '市长出差途中，委托秘书长转达' })
    const row = must((await wenmi.ok('attendance.get', { meetingId: id })).members.find((m) => m.name === '王志强'), '王志强')
    expect(row).toMatchObject({ askeeWrong: true, askeeException: '市长出差途中，委托秘书长转达', askedName: '周文斌' })
  })

  it('R-M4 after holding, the 科长 corrects the askee with a reason; the 文秘 and a correction without reason are refused', async () => {
    await wenmi.ok('attendance.markRestPresent', { meetingId: id })
    await wenmi.ok('meetings.markHeld', { id })
    const fix = { meetingId: id, personId: personId('王志强'), role: '组成人员' as const, status: '请假' as const, leaveReason: '赴省参加招商活动', askedPersonId: personId('张明远'), answer: '同意' as const }
    expect((await wenmi.call('attendance.record', { ...fix, correctionReason: '核实后更正' })).body.error?.code).toBe('FORBIDDEN')
    expect((await kezhang.call('attendance.record', fix)).body.error?.message).toBe('「更正理由」会议已召开，更正出席或请假情况须写明理由')
    await kezhang.ok('attendance.record', { ...fix, correctionReason: '经核实系向市长本人请假' })
    const row = must((await wenmi.ok('attendance.get', { meetingId: id })).members.find((m) => m.name === '王志强'), '王志强')
    expect(row).toMatchObject({ askeeWrong: false, askeeException: null, askedName: '张明远' })
    const page = await wenmi.ok('meetings.get', { id })
    expect(page.corrections).toMatchObject([{ act: '更正出席情况', reason: '经核实系向市长本人请假', detail: '王志强：请假（赴省参加招商活动） → 请假（赴省参加招商活动），向张明远请假' }])
  })
})

describe('R-M7 a 副秘书长 chairs a 专题会议 only when entrusted', () => {
  const base = () => ({ subject: '研究工业园区配套', chairPostId: postId('副秘书长', '吴海涛') })
  it('R-M7 refused without an entrusting leader, and with a department head as "entrusting"', async () => {
    const none = await wenmi.call('meetings.schedule', { typeId: typeOf('专题会议').id, date: '2026-12-11', halfDay: '下午', ...base() })
    expect(none.body.error).toMatchObject({ code: 'RULE', rule: 'R-M7', message: '按第四十二条，副秘书长须受市长、副市长、秘书长委托方可召集、主持专题会议。请选择委托召开会议的领导。' })
    const head = demo.headOf('市财政局')
    const byHead = await wenmi.call('meetings.schedule', { typeId: typeOf('专题会议').id, date: '2026-12-11', halfDay: '下午', ...base(), entrustingPostId: head.id })
    expect(byHead.body.error).toMatchObject({ code: 'RULE', rule: 'R-M7' })
    expect(byHead.body.error?.message).toContain(`${head.title}不能委托`)
  })
  it('R-M7 entrusted by a 副市长: accepted, and the minutes name the entrusting leader first', async () => {
    const r = await schedule('专题会议', '2026-12-10', { ...base(), entrustingPostId: postId('副市长', '王志强') })
    expect((await wenmi.ok('meetings.get', { id: r.meeting.id })).entrustingTitle).toBe('副市长 王志强')
    await wenmi.ok('meetings.markHeld', { id: r.meeting.id })
    const who = await wenmi.ok('minutes.signer', { meetingId: r.meeting.id, date: '2026-12-10' })
    expect(who.ok && who.signers.map((s) => s.name)).toEqual(['王志强', '吴海涛'])
  })
})

describe('R-M3 topics: the 分管 leader, and moving a meeting earlier', () => {
  let id: number
  it('R-M3 a topic routed through a 副市长 who is not the department\'s 分管 leader is refused without a reason', async () => {
    id = (await schedule('常务会议', '2026-12-31', { session: 31 })).meeting.id
    const topic = { meetingId: id, title: '关于城东污水处理厂建设的议题', departmentId: deptId('市水利局'), supervisorPostId: postId('副市长', '王志强'), deliveredOn: '2026-12-10', files: await bothFiles('污水处理厂') }
    const refused = await wenmi.call('topics.submit', topic)
    expect(refused.body.error).toMatchObject({ code: 'RULE', rule: 'R-M3' })
    expect(refused.body.error?.message).toContain('市水利局的分管领导是副市长杨帆')
    const ok = await wenmi.ok('topics.submit', { ...topic, files: await bothFiles('污水处理厂'), supervisorReason: '杨帆副市长出国，经王志强副市长审核' })
    expect(ok.topic.supervisorReason).toBe('杨帆副市长出国，经王志强副市长审核')
  })

  it('R-M3 moving the meeting earlier warns which topics turn late; consent recorded for them; the deadline follows', async () => {
    const before = await wenmi.ok('topics.list', { meetingId: id })
    expect(before.deadline).toBe('2026-12-17')
    const moved = await schedule('常务会议', '2026-12-22', { id, session: 31 })
    expect(moved.lateTopicIds).toHaveLength(1)
    expect(moved.warnings.find((w) => w.code === '议题逾期')?.message).toContain('会议提前到2026年12月22日后，“关于城东污水处理厂建设的议题”（2026年12月10日送达）已晚于会前10个工作日的报送时限')
    expect((await wenmi.ok('topics.list', { meetingId: id })).deadline).toBe('2026-12-08')
    expect((await wenmi.ok('meetings.get', { id })).warnings.map((w) => w.code)).toContain('议题逾期')

    // The 市长 away on the 10th: his consent that day is refused, the acting 常务副市长's accepted (R-P2, as at sign-off).
    await kezhang.ok('absences.save', { personId: personId('张明远'), kind: '出差', startDate: '2026-12-10', endDate: '2026-12-10', destination: '成都', reportedTo: [], actingPersonId: personId('李建国') })
    const away = await wenmi.call('topics.recordConsent', { topicId: moved.lateTopicIds[0], personId: personId('张明远'), on: '2026-12-10' })
    expect(away.body.error).toMatchObject({ code: 'RULE', rule: 'R-M3' })
    expect(away.body.error?.message).toContain('请记录李建国的同意')
    const consented = await wenmi.ok('topics.recordConsent', { topicId: moved.lateTopicIds[0], personId: personId('李建国'), on: '2026-12-10' })
    expect(consented.consentBy).toContain('李建国（代行市长职责')
    expect((await wenmi.ok('meetings.get', { id })).warnings.map((w) => w.code)).not.toContain('议题逾期')
  })

  it('withdrawing a topic asks a reason', async () => {
    const t = (await wenmi.ok('topics.list', { meetingId: id })).topics[0]
    expect((await wenmi.call('topics.withdraw', { topicId: t.id, reason: ' ' })).body.error?.code).toBe('VALIDATION')
    expect((await wenmi.ok('topics.withdraw', { topicId: t.id, reason: '部门申请暂缓上会' })).withdrawReason).toBe('部门申请暂缓上会')
  })
})
