import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { allowed } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, draftTemplate } from '../helpers/demo-office'
import { searchIds } from '../../src-main/documents/registers/search'
import { fillTitle } from '../../src-main/documents/outgoing/templates'

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-12-20T10:00:00+08:00' })
const { deptId, personId } = demo
const db = () => server.core.conn.db
const count = (table: string) => db().get<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`))!.n

/** A draft from the 通知 template, drafted by the 市交通运输局 (分管副市长 陈立新, AB角 王志强). */
async function draftNotice(subject: string, extra: Record<string, unknown> = {}) {
  const t = await draftTemplate(api, '通知')
  return api.ok('outgoing.draft', {
    docType: t.docType, signKind: t.signKind, series: t.series, title: fillTitle(t.titlePattern, subject),
    addressee: t.addressee, cc: '市委办公室，市人大常委会办公室，市政协办公室。', body: t.body, attachmentNames: ['工作安排表'],
    urgency: '无', draftingDepartmentId: deptId('市交通运输局'), drafter: '罗佳怡', publicity: t.publicity, upward: t.upward,
    ...extra,
  })
}
const REVIEWS = [['部门负责人', '局长甲', '同意，请办公室审核。', '2026-12-01'], ['办公室秘书', '许文杰', '文字已核。', '2026-12-02'], ['办公室负责人', '何振华', '呈陈副市长签发。', '2026-12-02']] as const
async function reviewAll(id: number) {
  let v
  for (const [step, reviewer, opinion, date] of REVIEWS) v = await api.ok('outgoing.review', { id, step, reviewer, opinion, date })
  return v
}

let notice: number
let second: number

describe('发文 拟稿 and 核稿', () => {
  it('drafts a 通知 from its template, without a number (X-1)', async () => {
    const v = await draftNotice('做好2027年元旦春节期间道路交通安全工作')
    notice = v.id
    expect(v).toMatchObject({
      status: '拟稿', docType: '通知', series: '资府发', issuer: '资阳市人民政府', mark: '资阳市人民政府文件', signKind: '一般',
      title: '资阳市人民政府关于做好2027年元旦春节期间道路交通安全工作的通知', numberText: null, signed: null,
      attachmentNames: ['工作安排表'], draftingDepartmentName: '市交通运输局', nextReviewStep: '部门负责人',
      nextStep: { step: '核稿（部门负责人）', procedure: 'outgoing.review' }, canEdit: true,
    })
    expect(v.addressee).toMatch(/^各县（区）人民政府，.*市政府各部门（单位）$/)
    expect(v.body).toMatch(/一、[\s\S]*（一）[\s\S]*特此通知。$/)
    expect(v.requiredSignerText).toBe('应由分管副市长陈立新签发')
    expect(searchIds(db(), '发文', '交通')).toContain(notice)
  })

  it('X-1 numbering before sign-off is refused, and nothing is written', async () => {
    const r = await api.call('outgoing.number', { id: notice })
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'X-1' })
    expect(r.body.error!.message).toContain('尚未签发')
    expect((await api.ok('outgoing.get', { id: notice })).numberText).toBeNull()
  })

  it('核稿 out of order is refused; in order each step records opinion, name and date, then it waits for sign-off', async () => {
    const early = await api.call('outgoing.review', { id: notice, step: '办公室负责人', reviewer: '何振华', opinion: '同意。', date: '2026-12-01' })
    expect(early.body.error).toMatchObject({ code: 'CONFLICT' })
    expect(early.body.error!.message).toContain('部门负责人尚未核稿')
    const first = await api.ok('outgoing.review', { id: notice, step: '部门负责人', reviewer: '局长甲', opinion: '同意。', date: '2026-12-01' })
    expect(first).toMatchObject({ status: '核稿中', nextReviewStep: '办公室秘书' })
    const again = await api.call('outgoing.review', { id: notice, step: '部门负责人', reviewer: '局长甲', opinion: '同意。', date: '2026-12-01' })
    expect(again.body.error!.message).toContain('下一步应由办公室秘书核稿')
    const back = await api.call('outgoing.review', { id: notice, step: '办公室秘书', reviewer: '许文杰', opinion: '已核。', date: '2026-11-30' })
    expect(back.body.error).toMatchObject({ code: 'VALIDATION', field: 'date' })
    await api.ok('outgoing.review', { id: notice, step: '办公室秘书', reviewer: '许文杰', opinion: '文字已核。', date: '2026-12-02' })
    const last = await api.ok('outgoing.review', { id: notice, step: '办公室负责人', reviewer: '何振华', opinion: '呈陈副市长签发。', date: '2026-12-02' })
    expect(last.status).toBe('待签发')
    expect(last.reviews.map((r) => [r.step, r.reviewer, r.opinion, r.reviewedOn])).toEqual([
      ['部门负责人', '局长甲', '同意。', '2026-12-01'], ['办公室秘书', '许文杰', '文字已核。', '2026-12-02'], ['办公室负责人', '何振华', '呈陈副市长签发。', '2026-12-02'],
    ])
    expect(last.nextStep).toEqual({ step: '签发', procedure: 'outgoing.signOff' })
  })
})

describe('签发 (R-D4, R-P3, R-D5)', () => {
  it('R-D4 a sign-off by anyone but the 分管副市长 is refused with the rule\'s words, and nothing is written', async () => {
    const r = await api.call('outgoing.signOff', { id: notice, signerId: personId('周文斌'), opinion: '同意。', date: '2026-12-03' })
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({
      code: 'RULE', rule: 'R-D4',
      message: '按第四十八条，其他以市政府名义（含市政府授权市政府办公室）发文，由分管副市长签发。秘书长周文斌不能签发，应由分管副市长陈立新签发。',
    })
    expect((await api.ok('outgoing.get', { id: notice })).status).toBe('待签发')
  })

  it('R-P3 with the 分管副市长 away the AB partner signs; 圈阅 is recorded as 同意 with the name and full date', async () => {
    await api.ok('absences.save', { personId: personId('陈立新'), kind: '出差', startDate: '2026-12-03', endDate: '2026-12-05', destination: '北京', reportedTo: [personId('张明远')] })
    const who = await api.ok('outgoing.requiredSigner', { id: notice, date: '2026-12-04' })
    expect(who).toMatchObject({ ok: true, rule: 'R-D4', signers: [{ name: '王志强', actingFor: '陈立新', actingRule: 'R-P3' }] })
    expect(who.text).toBe('应由王志强（代陈立新，第五十七条）签发')
    const absent = await api.call('outgoing.signOff', { id: notice, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-04' })
    expect(absent.body.error).toMatchObject({ code: 'RULE', rule: 'R-D4' })
    expect(absent.body.error!.message).toContain('应由王志强（代陈立新，第五十七条）签发')
    const future = await api.call('outgoing.signOff', { id: notice, signerId: personId('王志强'), opinion: '同意。', date: '2026-12-21' })
    expect(future.body.error).toMatchObject({ code: 'VALIDATION', field: 'date' })
    const v = await api.ok('outgoing.signOff', { id: notice, signerId: personId('王志强'), opinion: '圈阅', date: '2026-12-04' })
    expect(v).toMatchObject({ status: '已签发', signed: { name: '王志强', actingFor: '陈立新', opinion: '同意', on: '2026-12-04' }, numberText: null, canEdit: false })
    expect(v.nextStep).toEqual({ step: '编号', procedure: 'outgoing.number' })
    const edit = await api.call('outgoing.updateDraft', { id: notice, docType: '通知', signKind: '一般', series: '资府发', title: '改标题', body: '' })
    expect(edit.body.error).toMatchObject({ code: 'CONFLICT' })
    const twice = await api.call('outgoing.signOff', { id: notice, signerId: personId('王志强'), opinion: '同意。', date: '2026-12-04' })
    expect(twice.body.error!.message).toContain('不能重复签发')
  })

  it('R-D4 a 规范性文件 is the 市长\'s: a 副市长 is refused quoting 第四十八条; R-P2 the 常务副市长 signs while the 市长 is away', async () => {
    const v = await draftNotice('印发资阳市城市道路停车管理办法', { signKind: '规范性文件' })
    await reviewAll(v.id)
    const r = await api.call('outgoing.signOff', { id: v.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-07' })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-D4', message: '按第四十八条，规范性文件由市长签署或签发。副市长陈立新不能签发，应由市长张明远签发。' })
    await api.ok('absences.save', { personId: personId('张明远'), kind: '出国', startDate: '2026-12-08', endDate: '2026-12-10', destination: '新加坡', reportedTo: [], actingPersonId: personId('李建国') })
    const who = allowed(await api.ok('outgoing.requiredSigner', { id: v.id, date: '2026-12-09' }))
    expect(who.signers).toMatchObject([{ name: '李建国', actingFor: '张明远', actingRule: 'R-P2' }])
    const mayorAway = await api.call('outgoing.signOff', { id: v.id, signerId: personId('张明远'), opinion: '同意。', date: '2026-12-09' })
    expect(mayorAway.body.error).toMatchObject({ code: 'RULE', rule: 'R-D4' })
    const signed = await api.ok('outgoing.signOff', { id: v.id, signerId: personId('李建国'), opinion: '同意印发。', date: '2026-12-09' })
    expect(signed.signed).toMatchObject({ name: '李建国', actingFor: '张明远', opinion: '同意印发。' })
    second = v.id
  })

  it('R-D5 a directive to counties without “经市政府同意” is refused at sign-off, quoting 第四十九条; with it, it is signed', async () => {
    // issued under the department's own name and series (issue 16): 资交发, configured in 公文设置
    const { documentSeries } = await api.ok('settings.get', {})
    await api.ok('settings.update', { documentSeries: [...documentSeries, { code: '资交发', issuer: '资阳市交通运输局', mark: '资阳市交通运输局文件', letter: false, department: '市交通运输局' }] })
    const v = await draftNotice('进一步做好农村公路养护工作', {
      countyDirective: true, series: '资交发', title: '资阳市交通运输局关于进一步做好农村公路养护工作的通知', body: '请各县（区）政府做好农村公路养护工作。',
    })
    expect(v.countyDirectiveProblem).toContain('第四十九条')
    await reviewAll(v.id)
    const r = await api.call('outgoing.signOff', { id: v.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-07' })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-D5' })
    expect(r.body.error!.message).toContain('按第四十九条')
    expect(r.body.error!.message).toContain('经市政府同意')
    const fixed = await api.ok('outgoing.updateDraft', { ...v, id: v.id, body: '经市政府同意，现就做好农村公路养护工作通知如下。', secrecyPeriod: null })
    expect(fixed.countyDirectiveProblem).toBeNull()
    expect((await api.ok('outgoing.signOff', { id: v.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-07' })).status).toBe('已签发')
  })
})

describe('编号 (X-1, R-D6), 复核, 印发, 核发', () => {
  it('R-D6 two documents in one series are numbered 1 and 2 in the sign-off year; another series starts at 1', async () => {
    const a = await api.ok('outgoing.number', { id: notice })
    expect(a).toMatchObject({ status: '已编号', numberText: '资府发〔2026〕1号', numberYear: 2026, numberSeq: 1 })
    const b = await api.ok('outgoing.number', { id: second })
    expect(b.numberText).toBe('资府发〔2026〕2号')
    const again = await api.call('outgoing.number', { id: notice })
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', message: '本文已编号：资府发〔2026〕1号' })
    const letter = await draftNotice('商请支持交通项目', { docType: '函', series: '资府函', title: '资阳市人民政府关于商请支持交通项目的函' })
    await reviewAll(letter.id)
    await api.ok('outgoing.signOff', { id: letter.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-07' })
    expect((await api.ok('outgoing.number', { id: letter.id })).numberText).toBe('资府函〔2026〕1号')
    expect(searchIds(db(), '发文', '资府发〔2026〕1号')).toEqual([notice])
  })

  it('X-2 复核 before 印发; 印发 records date, copies and distribution; 核发 closes it', async () => {
    const early = await api.call('outgoing.issue', { id: notice, issuedOn: '2026-12-05', copies: 80, distribution: '各县（区）人民政府' })
    expect(early.body.error!.message).toContain('印发前须复核')
    expect((await api.ok('outgoing.check', { id: notice, checkedBy: '许文杰' })).nextStep?.step).toBe('印发')
    const before = await api.call('outgoing.issue', { id: notice, issuedOn: '2026-12-03', copies: 80, distribution: '各县（区）人民政府' })
    expect(before.body.error).toMatchObject({ code: 'VALIDATION', field: 'issuedOn' })
    const issued = await api.ok('outgoing.issue', { id: notice, issuedOn: '2026-12-05', copies: 80, distribution: '各县（区）人民政府，市政府各部门' })
    expect(issued).toMatchObject({ status: '已印发', issued: { on: '2026-12-05', copies: 80, firstCopyNumber: null, copyNumbers: null }, nextStep: { step: '核发' } })
    const dispatched = await api.ok('outgoing.dispatch', { id: notice, dispatchedOn: '2026-12-05' })
    expect(dispatched).toMatchObject({ dispatchedOn: '2026-12-05', nextStep: null })
    expect((await api.call('outgoing.dispatch', { id: notice, dispatchedOn: '2026-12-06' })).body.error).toMatchObject({ code: 'CONFLICT' })
  })

  it('a classified document gets 份号 from its first copy number (1 unless given)', async () => {
    const v = await draftNotice('加强重要目标安全防范工作', { classification: '机密', secrecyPeriod: '1年', urgency: '特急', publicity: '不予公开' })
    expect(v.classificationText).toBe('机密★1年')
    await reviewAll(v.id)
    await api.ok('outgoing.signOff', { id: v.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-07' })
    await api.ok('outgoing.number', { id: v.id })
    await api.ok('outgoing.check', { id: v.id, checkedBy: '许文杰' })
    const issued = await api.ok('outgoing.issue', { id: v.id, issuedOn: '2026-12-08', copies: 30, distribution: '各县（区）人民政府', firstCopyNumber: 21 })
    expect(issued.issued).toMatchObject({ firstCopyNumber: 21, copyNumbers: { from: '000021', to: '000050' } })
  })
})

describe('bad input: Chinese errors, nothing written', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['an empty title', { title: '  ' }, 'title', '「标题」不能为空'],
    ['an unknown 文种', { docType: '便函' }, 'docType', '「文种」'],
    ['an unknown sign kind', { signKind: '随便' }, 'signKind', '「签发类别」'],
    ['a series not configured', { series: '资府令' }, 'series', '「发文字号序列」应为已设置的机关代字之一：资府发、资府函、资府办发、资府办函'],
    ['a secrecy period without a 密级', { secrecyPeriod: '1年' }, 'secrecyPeriod', '「保密期限」只有涉密公文才填写'],
    ['a department that does not exist', { draftingDepartmentId: 99999 }, 'draftingDepartmentId', '「起草单位」不存在'],
  ])('refuses %s', async (_, patch, field, message) => {
    const before = [count('outgoing_documents'), count('audit_log')]
    const r = await api.call('outgoing.draft', { docType: '通知', signKind: '一般', series: '资府发', title: '关于测试的通知', body: '', ...patch })
    expect(r.body.error).toMatchObject({ code: 'VALIDATION', field })
    expect(r.body.error!.message).toContain(message)
    expect([count('outgoing_documents'), count('audit_log')]).toEqual(before)
  })
  it('refuses a bad review and an unknown document in Chinese', async () => {
    const r = await api.call('outgoing.review', { id: notice, step: '主任', reviewer: '', opinion: '同意', date: '2026-13-01' })
    expect(r.body.error!.code).toBe('VALIDATION')
    expect(r.body.error!.message).toMatch(/「核稿环节」/)
    const missing = await api.call('outgoing.get', { id: 99999 })
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: '发文不存在或无权查看' })
  })
})
