import { describe, expect, it } from 'vitest'
import { count } from 'drizzle-orm'
import { must, type InputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { incomingDocuments } from '../../src-main/documents/schema'
import { storedFiles } from '../../src-main/files/schema'
import { auditLog } from '../../src-main/audit/schema'
import { searchIds } from '../../src-main/documents/registers/search'
import { incomingStatusText } from '../../src-main/common/documents'

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-12-01T09:00:00+08:00' })
const { deptId, personId } = demo
const setClock = (at: string) => api.ok('system.setClock', { at })
const upload = (name: string, content: string) => uploadAs(server.url, api, name, content)

/** Rows that a refused action must not have written. */
function counts() {
  const db = server.core.conn.db
  return {
    docs: db.select({ n: count() }).from(incomingDocuments).get()!.n,
    files: db.select({ n: count() }).from(storedFiles).get()!.n,
    audit: db.select({ n: count() }).from(auditLog).get()!.n,
  }
}

const 请示 = async (): Promise<InputOf<'incoming.receive'>> => ({
  receivedAt: '2026-12-01 09:10', sender: '市住房和城乡建设局', senderDepartmentId: deptId('市住房和城乡建设局'), senderNumber: '资住建〔2026〕88号',
  title: '关于申请城区老旧小区改造补助资金的请示', docType: '请示', urgency: '加急', copies: 2, pages: 6, arrival: '专人送达',
  files: [{ kind: '正文', file: await upload('请示正文.pdf', '关于申请城区老旧小区改造补助资金的请示……') }],
})

const ids: Record<string, number> = {}

describe('收文 签收登记 and 初审 (X-2, R-D1)', () => {
  it('X-2 registers a 请示 from a department as 收〔2026〕1号, then the next as 2号, with its files stored and checksummed', async () => {
    const doc = await api.ok('incoming.receive', await 请示())
    expect(doc).toMatchObject({
      year: 2026, seq: 1, numberText: '收〔2026〕1号', status: '已登记', sender: '市住房和城乡建设局', senderDepartmentName: '市住房和城乡建设局',
      docType: '请示', urgency: '加急', classification: '无', secrecyMark: null, receivedAt: '2026-12-01 09:10',
      location: { step: '初审', where: '在办公室：待初审' },
    })
    expect(doc.files).toEqual([expect.objectContaining({ kind: '正文', name: '请示正文.pdf', size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })])
    ids.qingshi = doc.id
    const second = await api.ok('incoming.receive', {
      receivedAt: '2026-12-01T10:30', sender: '市财政局', senderDepartmentId: deptId('市财政局'), senderNumber: '资财〔2026〕40号',
      title: '关于2026年1—11月财政收支情况的报告', docType: '报告', classification: '秘密', secrecyPeriod: '1年', arrival: '机要交通', files: [],
    })
    expect(second).toMatchObject({ seq: 2, numberText: '收〔2026〕2号', secrecyMark: '秘密★1年', receivedAt: '2026-12-01 10:30' })
    ids.report = second.id
  })

  it('X-2 corrects the registration while 已登记, keeping the 收文号 and its year, and the search finds the new title', async () => {
    const doc = await api.ok('incoming.get', { id: ids.report })
    const fields = { receivedAt: doc.receivedAt, sender: doc.sender, senderDepartmentId: doc.senderDepartmentId, senderNumber: doc.senderNumber, docType: doc.docType, classification: doc.classification, secrecyPeriod: doc.secrecyPeriod, urgency: doc.urgency, copies: doc.copies, arrival: doc.arrival }
    const fixed = await api.ok('incoming.update', { id: ids.report, ...fields, title: '关于2026年1—11月财政收支和防汛资金情况的报告', pages: 12 })
    expect(fixed).toMatchObject({ numberText: '收〔2026〕2号', pages: 12, title: '关于2026年1—11月财政收支和防汛资金情况的报告' })
    expect(searchIds(server.core.conn.db, '收文', '防汛')).toEqual([ids.report])
    expect(searchIds(server.core.conn.db, '收文', '收〔2026〕2号')).toEqual([ids.report])
    const otherYear = await api.call('incoming.update', { id: ids.report, ...fields, title: fixed.title, receivedAt: '2025-12-31 10:00' })
    expect(otherYear.body.error).toMatchObject({ code: 'VALIDATION', field: 'receivedAt' })
    expect((await api.call('incoming.get', { id: 9999 })).body.error).toMatchObject({ code: 'NOT_FOUND', message: '收文不存在或无权查看' })
  })

  it.each([
    ['a classification without its period', { classification: '机密' }, 'VALIDATION', '保密期限', undefined],
    ['R-D1 an exception without the leader it went to', { directException: '紧急重大事项' }, 'RULE', '第四十五条：直送领导的文件须写明送给哪位领导', 'R-D1'],
    ['no title', { title: ' ' }, 'VALIDATION', '「标题」不能为空', undefined],
    ['a receipt time in the future', { receivedAt: '2026-12-05 09:00' }, 'VALIDATION', '「签收时间」不能晚于今天', undefined],
    ['a receipt time that is not one', { receivedAt: '2026-12-01' }, 'VALIDATION', '「签收时间」应为日期和时间', undefined],
    ['an unknown type', { docType: '便函' }, 'VALIDATION', '「文种」', undefined],
  ])('refuses %s in Chinese and writes nothing', async (_what, patch, code, message, rule) => {
    const before = counts()
    const r = await api.call('incoming.receive', { ...(await 请示()), ...patch })
    expect(r.body.ok).toBe(false)
    expect(r.body.error?.code).toBe(code)
    expect(r.body.error?.message).toContain(message)
    if (rule) expect(r.body.error?.rule).toBe(rule)
    expect(counts()).toEqual(before)
  })

  it('R-D1 records a document sent straight to a leader with its exception', async () => {
    const doc = await api.ok('incoming.receive', { ...(await 请示()), title: '关于暴雨致城区内涝的紧急报告', docType: '报告', directException: '突发事件', directLeaderId: personId('张明远') })
    expect(doc).toMatchObject({ seq: 3, directException: '突发事件', directLeaderName: '张明远' })
    const returned = await api.ok('incoming.return', { id: doc.id, reason: '缺少附件清单，请补齐后重新报送', returnedOn: '2026-12-01' })
    expect(returned).toMatchObject({ status: '已退回', returnReason: '缺少附件清单，请补齐后重新报送', location: { step: '已退回' } })
    const again = await api.call('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
    expect(again.body.error?.code).toBe('CONFLICT')
  })

  it('X-2 a 拟办意见 waits for the 初审', async () => {
    const r = await api.call('incoming.propose', { id: ids.qingshi, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'X-2' })
    const reviewed = await api.ok('incoming.review', { id: ids.qingshi, reviewedOn: '2026-12-01', note: '格式规范，附件齐全' })
    expect(reviewed).toMatchObject({ review: { on: '2026-12-01', note: '格式规范，附件齐全' }, location: { step: '拟办' } })
    await api.ok('incoming.review', { id: ids.report, reviewedOn: '2026-12-01' })
  })
})

describe('拟办 (R-D3, R-D7) and 批示 (R-D4)', () => {
  it('R-D3 proposes the 分管副市长 of the sending department, the 市长 for a major matter, the 秘书长 for one department\'s remit', async () => {
    expect(await api.ok('incoming.proposeRoute', { id: ids.qingshi })).toMatchObject({ route: '分管副市长', holderName: '陈立新', actorName: '陈立新', acting: false, rules: ['R-D3'] })
    expect(await api.ok('incoming.proposeRoute', { id: ids.qingshi, major: true })).toMatchObject({ route: '市长', holderName: '张明远' })
    expect(await api.ok('incoming.proposeRoute', { id: ids.qingshi, withinOneDepartment: true })).toMatchObject({ route: '秘书长', holderName: '周文斌' })
  })

  it('R-D7 saves the 拟办意见 with the route and a deadline of 5 working days for a 加急 document', async () => {
    const doc = await api.ok('incoming.propose', { id: ids.qingshi, proposal: '拟请陈立新副市长阅示，交市住房和城乡建设局会同市财政局办理。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
    expect(doc).toMatchObject({
      status: '已拟办', route: '分管副市长', deadline: '2026-12-08', workingDays: 5,
      proposalInfo: { proposedBy: '许文杰', routePostTitle: '副市长', routeHolderName: '陈立新' },
      location: { step: '送批' },
    })
  })

  it('R-D2 a disagreeing department holds the 请示 back until the coordination is recorded', async () => {
    const partial = await api.ok('incoming.consult', { id: ids.qingshi, departmentId: deptId('市财政局'), agrees: false, opinion: '补助资金未列入2026年预算' })
    expect(partial.missing).toEqual(['协调情况', '各方理由', '拟处理意见'])
    expect(partial.consultations).toMatchObject({ unresolved: 1, allResolved: false })
    const refused = await api.call('incoming.send', { id: ids.qingshi, leaderIds: [personId('陈立新')], sentOn: '2026-12-01' })
    expect(refused.body.error).toMatchObject({ code: 'RULE', rule: 'R-D2' })
    const done = await api.ok('incoming.consult', {
      id: ids.qingshi, departmentId: deptId('市财政局'), agrees: false, opinion: '补助资金未列入2026年预算',
      coordination: '12月1日由孙国华副秘书长召集两局协调', reasons: '财政局：年度预算已无余额；住建局：改造须在供暖季前开工', proposedDecision: '2026年先拨付30%，余款列入2027年预算',
    })
    expect(done.consultations).toMatchObject({ unresolved: 0, allResolved: true })
    expect(done.consultations.rows).toHaveLength(1)
  })

  it('R-D4 refuses a 批示 by a leader whose turn it is not, and records the right one with opinion, name and date', async () => {
    const sent = await api.ok('incoming.send', { id: ids.qingshi, leaderIds: [personId('陈立新')], sentOn: '2026-12-01' })
    expect(sent).toMatchObject({ status: '批示中', warnings: [], location: { step: '批示', leaderId: personId('陈立新'), turn: 1 } })
    expect(sent.location.where).toContain('在副市长陈立新处')
    const wrong = await api.call('incoming.instruct', { id: ids.qingshi, leaderId: personId('刘芳'), kind: '批示', opinion: '同意。', instructedOn: '2026-12-01' })
    expect(wrong.body.error?.code).toBe('RULE')
    expect(wrong.body.error?.message).toContain('应由陈立新')
    const noOpinion = await api.call('incoming.instruct', { id: ids.qingshi, leaderId: personId('陈立新'), kind: '批示', instructedOn: '2026-12-01' })
    expect(noOpinion.body.error?.message).toContain('「批示意见」不能为空')
    const doc = await api.ok('incoming.instruct', { id: ids.qingshi, leaderId: personId('陈立新'), kind: '批示', opinion: '同意拟办意见，请住建局抓紧办理。', instructedOn: '2026-12-01' })
    expect(doc.instructions).toEqual([expect.objectContaining({
      turn: 1, leaderName: '陈立新', leaderTitle: '副市长', kind: '批示', opinion: '同意拟办意见，请住建局抓紧办理。', instructedOn: '2026-12-01', actingFor: null, state: '已批示',
    })])
    expect(doc.location).toMatchObject({ step: '交办', where: '在办公室：领导批示已完成，待交办承办单位' })
    ids.instruction = doc.instructions[0].id
  })

  it('X-2 传阅 to two leaders in turn keeps both opinions and always shows where the document is (圈阅 on a 报告 = 已阅)', async () => {
    await api.ok('incoming.propose', { id: ids.report, proposal: '拟呈李建国常务副市长、张明远市长阅。', proposedBy: '高雪', proposedOn: '2026-12-01' })
    const sent = await api.ok('incoming.send', { id: ids.report, leaderIds: [personId('李建国'), personId('张明远')], sentOn: '2026-12-01' })
    expect(sent.location).toMatchObject({ step: '批示', leaderId: personId('李建国'), turn: 1 })
    expect(sent.instructions.map((i) => i.state)).toEqual(['在此处', '待送阅'])
    const early = await api.call('incoming.instruct', { id: ids.report, leaderId: personId('张明远'), kind: '圈阅', instructedOn: '2026-12-01' })
    expect(early.body.error?.message).toContain('李建国')
    const first = await api.ok('incoming.instruct', { id: ids.report, leaderId: personId('李建国'), kind: '圈阅', instructedOn: '2026-12-01' })
    expect(first.instructions[0]).toMatchObject({ kind: '圈阅', meaning: '已阅', state: '已圈阅' })
    expect(first.location).toMatchObject({ leaderId: personId('张明远'), turn: 2 })
    expect(first.location.where).toContain('在市长张明远处')
    const both = await api.ok('incoming.instruct', { id: ids.report, leaderId: personId('张明远'), kind: '批示', opinion: '阅。请财政局做好年终收支平衡。', instructedOn: '2026-12-01' })
    expect(both.instructions.map((i) => [i.leaderName, i.kind, i.meaning, i.opinion, i.state])).toEqual([
      ['李建国', '圈阅', '已阅', null, '已圈阅'], ['张明远', '批示', null, '阅。请财政局做好年终收支平衡。', '已批示'],
    ])
    // Every 批示 is in: the state word says what comes next, though the stored state stays 批示中 until 交办.
    expect(both.status).toBe('批示中')
    expect(incomingStatusText(both.status, both.location.step === '批示')).toBe('待交办')
    const closed = await api.ok('incoming.close', { id: ids.report, closedOn: '2026-12-01', closingNote: '领导已阅，归档。' })
    expect(closed).toMatchObject({ status: '已办结', location: { step: '已办结' } })
  })

  it('R-P3 a 批示 by the AB partner while the 分管副市长 is away is recorded as acting for him', async () => {
    await api.ok('absences.save', { personId: personId('陈立新'), kind: '出差', startDate: '2026-12-01', endDate: '2026-12-01', destination: '成都', actingPersonId: null, reportedTo: [personId('张明远')] })
    const reg = await api.ok('incoming.receive', { ...(await 请示()), title: '关于成渝中线高铁资阳段征地拆迁的请示', senderDepartmentId: deptId('市交通运输局'), sender: '市交通运输局', files: [] })
    await api.ok('incoming.review', { id: reg.id, reviewedOn: '2026-12-01' })
    const route = await api.ok('incoming.proposeRoute', { id: reg.id })
    expect(route).toMatchObject({ holderName: '陈立新', actorName: '王志强', acting: true, rules: ['R-D3', 'R-P3'] })
    await api.ok('incoming.propose', { id: reg.id, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
    await api.ok('incoming.send', { id: reg.id, leaderIds: [personId('陈立新')], sentOn: '2026-12-01' })
    const doc = await api.ok('incoming.instruct', { id: reg.id, leaderId: personId('王志强'), kind: '圈阅', instructedOn: '2026-12-01' })
    expect(doc.instructions[0]).toMatchObject({ leaderName: '王志强', meaning: '同意' })
    expect(doc.instructions[0].actingFor).toContain('陈立新')
    expect(doc.instructions[0].actingFor).toContain('按第五十七条由AB角王志强代行')
  })

  it('R-S1 a recorded 批示 becomes a 督办 item titled with the leader, the document and the date', async () => {
    const item = await api.ok('followups.fromInstruction', { instructionId: ids.instruction, task: '供暖季前开工老旧小区改造', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-12-31' })
    expect(item).toMatchObject({ source: '领导批示', sourceId: ids.instruction, sourceTitle: '陈立新副市长在《关于申请城区老旧小区改造补助资金的请示》上的批示（2026年12月1日）' })
  })
})

describe('承办, 催办 and 办结 (R-D7, X-3)', () => {
  it('R-D7 refuses a longer limit for a 加急 document and hands it to one 主办 and a 协办 with a deadline in working days', async () => {
    const long = await api.call('incoming.assign', { id: ids.qingshi, hostDepartmentId: deptId('市住房和城乡建设局'), assistingDepartmentIds: [deptId('市财政局')], workingDays: 8, assignedOn: '2026-12-01' })
    expect(long.body.error).toMatchObject({ code: 'RULE', rule: 'R-D7' })
    const doc = await api.ok('incoming.assign', { id: ids.qingshi, hostDepartmentId: deptId('市住房和城乡建设局'), assistingDepartmentIds: [deptId('市财政局')], assignedOn: '2026-12-01' })
    expect(doc.status).toBe('承办中')
    expect(doc.assignments.map((a) => [a.departmentName, a.role, a.workingDays, a.deadline])).toEqual([
      ['市住房和城乡建设局', '主办', 5, '2026-12-08'], ['市财政局', '协办', 5, '2026-12-08'],
    ])
    expect(doc.assignments[0].timing).toMatchObject({ state: '正常', workingDaysLeft: 5, label: '剩余5个工作日' })
    ids.host = doc.assignments[0].id
    ids.helper = doc.assignments[1].id
  })

  it('R-D7 shows on 首页 when due within three working days, then overdue once the clock passes the deadline', async () => {
    expect((await api.ok('incoming.dueSoon')).items.filter((i) => i.documentId === ids.qingshi)).toEqual([])
    await setClock('2026-12-04T09:00:00+08:00')
    const soon = (await api.ok('incoming.dueSoon')).items.filter((i) => i.documentId === ids.qingshi)
    expect(soon.map((i) => [i.kind, i.chaseWhom, i.timing.state, i.timing.label])).toEqual([
      ['承办', '市住房和城乡建设局（主办）', '临期', '剩余2个工作日'], ['承办', '市财政局（协办）', '临期', '剩余2个工作日'],
    ])
    await setClock('2026-12-10T09:00:00+08:00')
    const overdue = (await api.ok('incoming.dueSoon')).items.filter((i) => i.documentId === ids.qingshi)
    expect(overdue[0]).toMatchObject({ kind: '承办', assignmentId: ids.host, numberText: '收〔2026〕1号', deadline: '2026-12-08', timing: { state: '逾期', workingDaysOverdue: 2, label: '逾期2个工作日' } })
  })

  it('R-D7 records every 催办 with the person, the date and the note', async () => {
    await api.ok('incoming.chase', { id: ids.qingshi, assignmentId: ids.host, chaser: '邓宇航', note: '电话催办，住建局称本周内报送' })
    const doc = await api.ok('incoming.chase', { id: ids.qingshi, assignmentId: ids.host, note: '再次催办' })
    expect(doc.chases.map((c) => [c.chaser, c.chasedOn, c.note, c.departmentName])).toEqual([
      ['邓宇航', '2026-12-10', '电话催办，住建局称本周内报送', '市住房和城乡建设局'],
      [expect.any(String), '2026-12-10', '再次催办', '市住房和城乡建设局'],
    ])
    expect(doc.assignments[0].chases).toBe(2)
    const item = (await api.ok('incoming.dueSoon')).items.find((i) => i.assignmentId === ids.host)
    expect(item?.lastChase).toMatchObject({ chasedOn: '2026-12-10', note: '再次催办' })
  })

  it('X-3 refuses to close before the 主办 feedback, and refuses feedback without evidence, writing nothing', async () => {
    const early = await api.call('incoming.close', { id: ids.qingshi, closedOn: '2026-12-10', closingNote: '办结' })
    expect(early.body.error).toMatchObject({ code: 'RULE', rule: 'X-3' })
    const before = counts()
    const bare = await api.call('incoming.feedback', { assignmentId: ids.host, feedback: '已完成改造方案，12月15日开工。', feedbackOn: '2026-12-10' })
    expect(bare.body.error).toMatchObject({ code: 'RULE', rule: 'X-3' })
    expect(bare.body.error?.message).toContain('须附佐证材料')
    expect(counts()).toEqual(before)
  })

  it('X-3 accepts the feedback with its evidence, then 办结 with a note; the document leaves 首页', async () => {
    const fed = await api.ok('incoming.feedback', { assignmentId: ids.host, feedback: '已完成改造方案，12月15日开工。', feedbackOn: '2026-12-10', file: await upload('办理情况报告.pdf', '住建局办理情况报告') })
    expect(fed.assignments[0]).toMatchObject({ feedbackOn: '2026-12-10', feedbackFile: { name: '办理情况报告.pdf' }, timing: { state: '已完成', label: '超期2个工作日完成' } })
    const file = await api.ok('incoming.downloadFile', { fileId: must(fed.assignments[0].feedbackFileId, '反馈材料') })
    expect(Buffer.from(file.base64, 'base64').toString()).toBe('住建局办理情况报告')
    const closed = await api.ok('incoming.close', { id: ids.qingshi, closedOn: '2026-12-10', closingNote: '住建局已反馈，供暖季前开工。' })
    expect(closed).toMatchObject({ status: '已办结', closedOn: '2026-12-10', closingNote: '住建局已反馈，供暖季前开工。' })
    expect(closed.timeline.map((t) => t.event)).toEqual(expect.arrayContaining([
      '签收登记，收文号收〔2026〕1号', expect.stringMatching(/^拟办：/), '送副市长陈立新批示（第1位）', expect.stringMatching(/^批示：同意拟办意见/),
      expect.stringMatching(/^交市住房和城乡建设局主办/), expect.stringMatching(/^市住房和城乡建设局反馈/), '办结：住建局已反馈，供暖季前开工。',
    ]))
    expect((await api.ok('incoming.dueSoon')).items.filter((i) => i.documentId === ids.qingshi)).toEqual([])
    const chase = await api.call('incoming.chase', { id: ids.qingshi, note: '已办结后催办' })
    expect(chase.body.error?.code).toBe('CONFLICT')
  })
})
