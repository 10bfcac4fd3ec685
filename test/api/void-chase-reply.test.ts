/**
 * Issue 16, part 2, against the real server: 作废 of 收文 and 发文 (numbers never reused, marked and filterable, gone from
 * the due list, by the designated role only), 催办 with its details and the 催办通知单, 请示 ↔ 批复 both ways, and a
 * paper still waiting for 初审 in 公文到期提醒.
 */
import { mkdirSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { download, must, type InputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, draftTemplate } from '../helpers/demo-office'
import { fillTitle } from '../../src-main/documents/outgoing/templates'
import { docxText, unzipPart } from '../helpers/zip'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { uploadAs } from '../helpers/upload'

const demo = demoOffice()
const office = officeServer({ demo })
const { server, api } = office
const clerk = office.signedIn('wenmi')
const reader = office.signedIn('chayue')
const { deptId, personId } = demo
const OUT = 'test-results/print'

beforeAll(async () => {
  // Tuesday 8 December 2026: papers received on Tuesday the 1st are past their two working days for 初审 and 拟办.
  await api.ok('system.setClock', { at: '2026-12-08T10:00:00+08:00' })
})

const paper = (title: string, extra: Partial<InputOf<'incoming.receive'>> = {}): InputOf<'incoming.receive'> => ({
  receivedAt: '2026-12-01 09:00', sender: '市住房和城乡建设局', senderDepartmentId: deptId('市住房和城乡建设局'), senderNumber: '资住建〔2026〕88号',
  title, docType: '报告', arrival: '专人送达', files: [], ...extra,
})

/** A 收文 taken to 承办中 with the 市住房和城乡建设局 as 主办 for 3 working days from 1 December (due 4 December). */
async function handedOut(title: string) {
  const doc = await api.ok('incoming.receive', paper(title, { docType: '请示' }))
  await api.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
  await api.ok('incoming.propose', { id: doc.id, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
  await api.ok('incoming.send', { id: doc.id, leaderIds: [personId('陈立新')], sentOn: '2026-12-01' })
  await api.ok('incoming.instruct', { id: doc.id, leaderId: personId('陈立新'), kind: '批示', opinion: '请住建局抓紧办理。', instructedOn: '2026-12-01' })
  return api.ok('incoming.assign', { id: doc.id, hostDepartmentId: deptId('市住房和城乡建设局'), assistingDepartmentIds: [], workingDays: 3, assignedOn: '2026-12-01' })
}

/** A 发文 from the template of its kind, 核稿 in three steps and signed by 陈立新 on 7 December. */
async function signed(docType: '通知' | '批复', subject: string) {
  const t = await draftTemplate(api, docType)
  const v = await api.ok('outgoing.draft', {
    docType: t.docType, signKind: t.signKind, series: t.series, title: fillTitle(t.titlePattern, subject), addressee: t.addressee || '市住房和城乡建设局',
    body: t.body, attachmentNames: [], urgency: '无', draftingDepartmentId: deptId('市交通运输局'), drafter: '罗佳怡', publicity: t.publicity, upward: t.upward,
  })
  for (const [step, reviewer, opinion] of [['部门负责人', '局长甲', '同意。'], ['办公室秘书', '许文杰', '文字已核。'], ['办公室负责人', '何振华', '呈签。']] as const) {
    await api.ok('outgoing.review', { id: v.id, step, reviewer, opinion, date: '2026-12-07' })
  }
  return api.ok('outgoing.signOff', { id: v.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-07' })
}

const ids: Record<string, number> = {}

describe('作废 of a 收文 registration', () => {
  it('a paper waiting for 初审 since 1 December is in 公文到期提醒, overdue by working days, chased at the office', async () => {
    ids.first = (await api.ok('incoming.receive', paper('关于2026年城镇老旧小区改造进展情况的报告'))).id
    ids.duplicate = (await api.ok('incoming.receive', paper('关于2026年城镇老旧小区改造进展情况的报告'))).id
    const due = await api.ok('incoming.dueSoon', {})
    const item = must(due.items.find((i) => i.documentId === ids.first), '待初审的收文')
    // 签收 1 December + 2 working days = 3 December; 4, 7 and 8 December are past it.
    expect(item).toMatchObject({ kind: '收文', numberText: '收〔2026〕1号', deadline: '2026-12-03', chaseWhom: '办公室：待初审', timing: { state: '逾期', label: '逾期3个工作日' } })
    expect(due).toMatchObject({ total: 2, overdue: 2 })
  })

  it('查阅 and an undesignated 文秘 cannot void; nothing is written', async () => {
    const byReader = await reader.call('incoming.void', { id: ids.duplicate, reason: '重复登记' })
    expect(byReader.status).toBe(403)
    expect(byReader.body.error?.message).toContain('无权')
    const byClerk = await clerk.call('incoming.void', { id: ids.duplicate, reason: '重复登记' })
    expect(byClerk.body.error).toMatchObject({ code: 'FORBIDDEN', message: '公文作废由科长办理（设置—公文作废人员），当前账户（文秘）不能作废。' })
    expect((await api.ok('incoming.get', { id: ids.duplicate })).status).toBe('已登记')
  })

  it('the 科长 is told what voiding stops, voids with a reason, and the 收文号 is never given again', async () => {
    const check = await api.ok('incoming.voidCheck', { id: ids.duplicate })
    expect(check.voidable).toBe(true)
    expect(check.warnings[0]).toContain('收文号收〔2026〕2号保留不再使用')
    expect(check.warnings.at(-1)).toContain('作废后不可恢复')
    const missingReason = await api.call('incoming.void', { id: ids.duplicate, reason: ' ' })
    expect(missingReason.body.error).toMatchObject({ code: 'VALIDATION', field: 'reason' })
    const voided = await api.ok('incoming.void', { id: ids.duplicate, reason: '与收〔2026〕1号重复登记' })
    expect(voided).toMatchObject({ status: '已作废', numberText: '收〔2026〕2号', voided: { on: '2026-12-08', by: '李科长', reason: '与收〔2026〕1号重复登记' } })
    expect(voided.location.where).toBe('已作废（与收〔2026〕1号重复登记）')
    expect(voided.timeline.at(-1)).toMatchObject({ event: '作废：与收〔2026〕1号重复登记', by: '李科长' })
    const next = await api.ok('incoming.receive', paper('关于城东片区棚户区改造的报告', { receivedAt: '2026-12-08 09:00' }))
    expect(next.numberText).toBe('收〔2026〕3号')
    ids.today = next.id
    const again = await api.call('incoming.review', { id: ids.duplicate, reviewedOn: '2026-12-08' })
    expect(again.body.error).toMatchObject({ code: 'CONFLICT' })
    expect(again.body.error?.message).toContain('已作废')
    expect((await api.call('incoming.void', { id: ids.duplicate, reason: '再次作废' })).body.error?.code).toBe('CONFLICT')
  })

  it('the register still lists it, marked 已作废 and filterable; the due list and 只看逾期 leave it out', async () => {
    const all = await api.ok('registers.incoming', { year: 2026 })
    expect(all.rows.map((r) => [r.number, r.status, r.where])).toEqual([
      ['收〔2026〕3号', '已登记', '办公室（待初审）'], ['收〔2026〕2号', '已作废', '已作废'], ['收〔2026〕1号', '已登记', '办公室（待初审）'],
    ])
    const onlyVoided = await api.ok('registers.incoming', { status: '已作废' })
    expect(onlyVoided).toMatchObject({ total: 1, rows: [{ number: '收〔2026〕2号' }] })
    const searched = await api.ok('registers.incoming', { text: '老旧小区', status: '已作废' })
    expect(searched.rows.map((r) => r.number)).toEqual(['收〔2026〕2号'])
    const overdue = await api.ok('registers.incoming', { overdueOnly: true })
    expect(overdue.rows.map((r) => r.number)).not.toContain('收〔2026〕2号')
    const due = await api.ok('incoming.dueSoon', {})
    expect(due.items.map((i) => i.numberText)).toEqual(['收〔2026〕1号', '收〔2026〕3号'])
    // 收〔2026〕3号 came in today: due on 10 December, within the three working days of 临期.
    expect(due.items[1]).toMatchObject({ deadline: '2026-12-10', timing: { state: '临期', label: '剩余2个工作日' } })
    expect(due).toMatchObject({ total: 2, overdue: 1 })
  })

  it('once the office designates 文秘 too (设置—公文作废人员), the 文秘 may void', async () => {
    await api.ok('settings.update', { voidRoles: ['科长', '文秘'] })
    const v = await clerk.ok('incoming.void', { id: ids.today, reason: '误登记：该件系市住建局内部报告' })
    expect(v).toMatchObject({ status: '已作废', voided: { by: '王文秘' } })
    await api.ok('settings.update', { voidRoles: ['科长'] })
  })
})

describe('作废 of a 发文 before it is issued', () => {
  it('a numbered 通知 voided keeps its 字号 as 作废; the next one of the series takes the following number', async () => {
    const first = await signed('通知', '做好冬季道路交通安全工作')
    const numbered = await api.ok('outgoing.number', { id: first.id })
    expect(numbered.numberText).toBe('资府发〔2026〕1号')
    const check = await api.ok('outgoing.voidCheck', { id: first.id })
    expect(check.warnings[0]).toBe('发文字号资府发〔2026〕1号随本件作废，不再使用：下一件资府发文件仍按顺序编号，登记簿中本号显示为“已作废”。')
    expect(check.warnings.some((w) => w.includes('陈立新于2026年12月7日的签发随之作废'))).toBe(true)
    expect((await reader.call('outgoing.void', { id: first.id, reason: '改为会议部署' })).status).toBe(403)
    const voided = await api.ok('outgoing.void', { id: first.id, reason: '改为在全市会议上部署，不再发文' })
    expect(voided).toMatchObject({ status: '已作废', numberText: '资府发〔2026〕1号', nextStep: null, canEdit: false, voided: { reason: '改为在全市会议上部署，不再发文', by: '李科长' } })
    const second = await signed('通知', '做好冬季森林防火工作')
    expect((await api.ok('outgoing.number', { id: second.id })).numberText).toBe('资府发〔2026〕2号')
    ids.issuedNotice = second.id
    const register = await api.ok('registers.outgoing', { status: '已作废' })
    expect(register.rows.map((r) => [r.numberText, r.status])).toEqual([['资府发〔2026〕1号', '已作废']])
    expect((await api.call('outgoing.check', { id: first.id, checkedBy: '许文杰' })).body.error?.code).toBe('CONFLICT')
  })

  it('an abandoned draft is voided without using a number and can no longer be edited; an issued 通知 cannot be voided', async () => {
    const t = await draftTemplate(api, '通知')
    const draft = await api.ok('outgoing.draft', {
      docType: t.docType, signKind: t.signKind, series: t.series, title: fillTitle(t.titlePattern, '开展安全生产大检查'), addressee: t.addressee,
      body: t.body, attachmentNames: [], urgency: '无', draftingDepartmentId: deptId('市交通运输局'), drafter: '罗佳怡', publicity: t.publicity, upward: t.upward,
    })
    expect((await api.ok('outgoing.voidCheck', { id: draft.id })).warnings[0]).toBe('本稿尚未编号，不占用发文字号；登记簿中本稿显示为“已作废”。')
    const voided = await api.ok('outgoing.void', { id: draft.id, reason: '部门撤回' })
    expect(voided).toMatchObject({ status: '已作废', numberText: null, editBlockedReason: '已作废的公文不能修改' })
    const edit = await api.call('outgoing.updateDraft', { id: draft.id, docType: t.docType, signKind: t.signKind, series: t.series, title: draft.title, body: t.body, attachmentNames: [], urgency: '无', publicity: t.publicity, upward: t.upward })
    expect(edit.body.error).toMatchObject({ code: 'CONFLICT', message: '本件已作废（部门撤回），不能修改' })
    const sign = await api.call('outgoing.signOff', { id: draft.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-08' })
    expect(sign.body.error).toMatchObject({ code: 'CONFLICT', message: '本件已作废（部门撤回），不能签发' })
    const review = await api.call('outgoing.review', { id: draft.id, step: '部门负责人', reviewer: '局长甲', opinion: '同意。', date: '2026-12-08' })
    expect(review.body.error?.message).toBe('公文已作废，不能再核稿')

    await api.ok('outgoing.check', { id: ids.issuedNotice, checkedBy: '许文杰' })
    await api.ok('outgoing.issue', { id: ids.issuedNotice, issuedOn: '2026-12-08', copies: 60, distribution: '各县（区）人民政府' })
    expect(await api.ok('outgoing.voidCheck', { id: ids.issuedNotice })).toMatchObject({ voidable: false, reason: '资府发〔2026〕2号已印发，不能作废：已发出的公文如需废止，应另行发文' })
    expect((await api.call('outgoing.void', { id: ids.issuedNotice, reason: '发错' })).body.error?.code).toBe('CONFLICT')
  })
})

describe('请示 ↔ 批复', () => {
  it('a 批复 names the 请示 it answers, found by 收文号 or title; each page shows the other; 已批复 with the 字号 once issued', async () => {
    const request = await api.ok('incoming.receive', paper('关于申请城东污水处理厂扩建资金的请示', { docType: '请示' }))
    const report = await api.ok('incoming.receive', paper('关于污水处理厂运行情况的报告'))
    expect((await api.ok('outgoing.answerCandidates', { text: request.numberText })).map((c) => c.id)).toEqual([request.id])
    expect((await api.ok('outgoing.answerCandidates', { text: `2026-${request.seq}` })).map((c) => c.id)).toEqual([request.id])
    expect((await api.ok('outgoing.answerCandidates', { text: '污水处理厂' })).map((c) => c.id)).toEqual([request.id])
    const reply = await signed('批复', '城东污水处理厂扩建资金')
    const notAsked = await api.call('outgoing.setReplyTo', { id: reply.id, incomingId: report.id })
    expect(notAsked.body.error).toMatchObject({ code: 'VALIDATION', message: `${report.numberText}是报告，批复只答复请示（复函答复来函）` })
    expect((await reader.call('outgoing.setReplyTo', { id: reply.id, incomingId: request.id })).status).toBe(403)
    const linked = await api.ok('outgoing.setReplyTo', { id: reply.id, incomingId: request.id })
    expect(linked.replyTo).toMatchObject({ id: request.id, numberText: request.numberText, title: '关于申请城东污水处理厂扩建资金的请示' })
    const pending = await api.ok('incoming.get', { id: request.id })
    expect(pending.replies).toEqual([expect.objectContaining({ id: reply.id, status: '已签发', numberText: null })])
    expect(pending.answered).toBeNull()
    const numbered = await api.ok('outgoing.number', { id: reply.id })
    await api.ok('outgoing.check', { id: reply.id, checkedBy: '许文杰' })
    await api.ok('outgoing.issue', { id: reply.id, issuedOn: '2026-12-08', copies: 5, distribution: '市住房和城乡建设局' })
    const answered = await api.ok('incoming.get', { id: request.id })
    expect(answered.answered).toEqual({ outgoingId: reply.id, numberText: numbered.numberText, issuedOn: '2026-12-08' })
  })
})

describe('催办 with details, and the 催办通知单', () => {
  it('records how the office chased, whom it reached, the answer and the promised date, warning of a rest day', async () => {
    const doc = await handedOut('关于加快保障性住房建设的请示')
    ids.chased = doc.id
    ids.assignment = doc.assignments[0].id
    expect(doc.assignments[0].timing).toMatchObject({ state: '逾期', label: '逾期2个工作日' })
    const early = await api.call('incoming.chase', { id: doc.id, assignmentId: ids.assignment, method: '电话', promisedOn: '2026-12-07' })
    expect(early.body.error).toMatchObject({ code: 'VALIDATION', field: 'promisedOn' })
    const chased = await api.ok('incoming.chase', {
      id: doc.id, assignmentId: ids.assignment, method: '电话', contact: '住建局办公室王科长', answer: '正在征求财政局意见', promisedOn: '2026-12-12', note: '电话催办',
    })
    expect(chased.warnings).toEqual(['承诺办结日期2026年12月12日是周末（休息日），请与承办单位核实'])
    expect(chased.chases).toEqual([expect.objectContaining({
      chaser: '李科长', chasedOn: '2026-12-08', method: '电话', contact: '住建局办公室王科长', answer: '正在征求财政局意见', promisedOn: '2026-12-12', departmentName: '市住房和城乡建设局',
    })])
    expect(chased.timeline.map((t) => t.event)).toContain('催办市住房和城乡建设局（电话，接洽人住建局办公室王科长）：电话催办；答复：正在征求财政局意见；承诺2026年12月12日前办结')
    expect((await clerk.call('incoming.chase', { id: doc.id, assignmentId: ids.assignment, method: '短信' })).body.ok).toBe(true)
    expect((await reader.call('incoming.chase', { id: doc.id, assignmentId: ids.assignment, method: '短信' })).status).toBe(403)

    // The 督办 item made from the document's 批示 lists the same chases.
    const item = await api.ok('followups.fromInstruction', { instructionId: doc.instructions[0].id, task: '加快保障性住房建设', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-12-31' })
    ids.followUp = item.id
    const shown = await api.ok('followups.get', { id: item.id })
    expect(shown.document).toMatchObject({ id: doc.id, numberText: doc.numberText })
    expect(shown.document!.chases.map((c) => [c.chaser, c.method, c.contact, c.promisedOn, c.departmentName])).toEqual([
      ['李科长', '电话', '住建局办公室王科长', '2026-12-12', '市住房和城乡建设局'], ['王文秘', '短信', null, null, '市住房和城乡建设局'],
    ])
  })

  it('prints a 催办通知单 in the 信函 form: 收文号, 标题, 承办单位, 时限, working days overdue, the promise and the office contact', async () => {
    const f = await download(api, 'incoming.exportChaseNoticeDocx', { id: ids.chased, assignmentId: ids.assignment })
    expect(f.filename).toMatch(/^催办通知单（收〔2026〕\d+号，市住房和城乡建设局）\.docx$/)
    const text = docxText(f.buf)
    for (const t of ['催办通知单', '市住房和城乡建设局：', '《关于加快保障性住房建设的请示》', '办理时限为2026年12月4日（3个工作日）', '已超过办理时限2个工作日',
      '《关于加快保障性住房建设的请示》（资住建〔2026〕88号，收文号收〔2026〕', '此前已于2026年12月8日催办2次。', '请按你单位承诺，于2026年12月12日前将办理结果书面反馈资阳市人民政府办公室', '联系人：王文秘', '资阳市人民政府办公室', '2026年12月8日']) {
      expect(text, t).toContain(t)
    }
    // The 信函's red head: the office's name in red in the first page's header.
    const header = unzipPart(f.buf, 'word/header*.xml')
    expect(header).toContain('资阳市人民政府办公室')
    expect(header).toMatch(/<w:color w:val="FF0000"\/>/)
    expect(hasLibreOffice()).toBe(true)
    mkdirSync(OUT, { recursive: true })
    const r = renderDocx(f.buf, OUT, 'chase-notice')
    expect(r.pageCount).toBe(1)
    expect(r.text.replace(/\s+/g, '')).toContain('已超过办理时限2个工作日')
  }, 120_000)

  it('refuses a 催办通知单 for a unit that has answered, saying when, and a 收文 voided is no longer chased', async () => {
    // The unit printed for above answers: the paper is still 承办中, so only its answer stops the notice.
    const answered = await api.ok('incoming.feedback', {
      assignmentId: ids.assignment, feedback: '已征求财政局意见，正在修改方案。', feedbackOn: '2026-12-08', file: await uploadAs(server.url, api, '办理情况报告.pdf', '住建局办理情况报告'),
    })
    expect(answered.status).toBe('承办中')
    const toAnswered = await api.call('incoming.exportChaseNoticeDocx', { id: ids.chased, assignmentId: ids.assignment })
    expect(toAnswered.body.error).toEqual({ code: 'CONFLICT', message: '该单位已于2026年12月8日反馈，无需催办' })

    await api.ok('incoming.void', { id: ids.chased, reason: '来文单位撤回请示' })
    const r = await api.call('incoming.exportChaseNoticeDocx', { id: ids.chased, assignmentId: ids.assignment })
    expect(r.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已作废') })
    expect((await api.call('incoming.chase', { id: ids.chased, assignmentId: ids.assignment })).body.error?.code).toBe('CONFLICT')
    const due = await api.ok('incoming.dueSoon', {})
    expect(due.items.map((i) => i.documentId)).not.toContain(ids.chased)
    // Its 督办 item leaves the 督办 list (kept, and still opens), and no new one can be made from its 批示.
    expect((await api.ok('followups.list', {})).map((f) => f.id)).not.toContain(ids.followUp)
    const item = await api.ok('followups.get', { id: ids.followUp })
    expect(item.document?.status).toBe('已作废')
    const again = await api.call('followups.fromInstruction', { instructionId: item.sourceId, task: '再次立项', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-12-31' })
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已作废') })
  })
})

describe('status words: 传阅 in turn (issue 16)', () => {
  it('a leader later in the 传阅 has no 送达 date until the paper reaches them, on the page and on the 收文处理笺', async () => {
    const doc = await api.ok('incoming.receive', paper('关于2026年住房公积金运行情况的报告'))
    await api.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
    await api.ok('incoming.propose', { id: doc.id, proposal: '拟呈李建国常务副市长、张明远市长阅。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
    const sent = await api.ok('incoming.send', { id: doc.id, leaderIds: [personId('李建国'), personId('张明远')], sentOn: '2026-12-01' })
    expect(sent.instructions.map((i) => [i.state, i.arrivedOn])).toEqual([['在此处', '2026-12-01'], ['待送阅', null]])
    const slip = docxText((await download(api, 'incoming.exportRoutingSlipDocx', { id: doc.id })).buf)
    expect(slip).toContain('（2026年12月1日送待批示）')
    expect(slip).toContain('张明远：（待传阅）')
    const first = await api.ok('incoming.instruct', { id: doc.id, leaderId: personId('李建国'), kind: '圈阅', instructedOn: '2026-12-03' })
    expect(first.instructions[1]).toMatchObject({ state: '在此处', arrivedOn: '2026-12-03' })
    expect(first.location.where).toContain('2026年12月3日送达，第2位，共2位')
  })
})
