/**
 * Clearance applied to business data (issue 6): a 收文, 发文, 议题 or 督办事项 above a reader's clearance is not listed,
 * counted, searched, exported or printed for them, and opening it answers as for one that does not exist. The demo
 * office's 科长 kezhang is cleared for 机密, 文秘 wenmi for 秘密, 查阅 chayue for 内部. Registering is refused above
 * the system's approved level (设置—系统最高密级), above the clerk's own clearance, and always for 绝密.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { count } from 'drizzle-orm'
import { rpcClient, must, type InputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, meetingType, draftTemplate } from '../helpers/demo-office'
import { topicFilesAs, uploadAs } from '../helpers/upload'
import { docxText, unzipPart } from '../helpers/zip'
import { auditLog } from '../../src-main/audit/schema'
import { listMeetingTypes } from '../../src-main/meetings/context'
import { meetings, topics } from '../../src-main/meetings/schema'

type Api = ReturnType<typeof rpcClient>
const demo = demoOffice()
const office = officeServer({ demo, clock: '2026-12-01T09:00:00+08:00' })
const { server, api: kezhang } = office
const wenmi = office.signedIn('wenmi')
const chayue = office.signedIn('chayue')
const { deptId, personId } = demo
/** Uploaded as the 科长, who registers the 收文 and submits the 议题 that carry files. */
const upload = (name: string, text: string, mime?: string) => uploadAs(server.url, kezhang, name, text, mime)
const auditRows = () => server.core.conn.db.select({ n: count() }).from(auditLog).get()!.n

const TITLES = {
  open: '关于做好冬季城市防汛排涝工作的请示',
  plain: '关于报送2026年度统计报表的通知',
  secret: '关于防汛救灾资金安排的请示',
  confidential: '关于全市防汛指挥调度预案的报告',
  draft: '关于开展冬季安全生产大检查的通知',
  secretDraft: '关于做好重要目标防护工作的通知',
  topic: '关于城区老旧小区改造计划的议题',
  confidentialTopic: '关于防汛应急指挥体系建设的议题',
}
const ids: Record<string, number> = {}

/** A 收文 registered by the 科长, 初审 passed and 拟办 with a deadline two days off (so it shows on 首页). */
async function incoming(title: string, sender: string, extra: Partial<InputOf<'incoming.receive'>> = {}, due = true) {
  const doc = await kezhang.ok('incoming.receive', {
    receivedAt: '2026-12-01 09:10', sender, senderDepartmentId: deptId(sender), title, docType: title.endsWith('通知') ? '通知' : title.endsWith('报告') ? '报告' : '请示',
    arrival: '机要交通', files: [], ...extra,
  })
  if (!due) return doc
  await kezhang.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
  return kezhang.ok('incoming.propose', { id: doc.id, proposal: '拟请分管副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01', deadline: '2026-12-03' })
}

async function draft(title: string, extra: Partial<InputOf<'outgoing.draft'>> = {}) {
  const t = await draftTemplate(kezhang, '通知')
  return kezhang.ok('outgoing.draft', {
    docType: t.docType, signKind: t.signKind, series: t.series, title, addressee: t.addressee, body: t.body, publicity: t.publicity, upward: t.upward,
    draftingDepartmentId: deptId('市应急管理局'), drafter: '罗佳怡', ...extra,
  })
}

const topicOf = async (title: string, departmentId: number, extra: Partial<InputOf<'topics.submit'>> = {}) => ({
  meetingId: ids.meeting, title, departmentId, deliveredOn: '2026-12-01', files: await topicFilesAs(server.url, kezhang, title), ...extra,
})

/** A held 常务会议 written straight into the database, with one open and one 机密 topic, for its minutes and 督办. */
function heldMeeting(): number {
  const db = server.core.conn.db
  const typeId = listMeetingTypes(db).find((t) => t.kind === '常务会议')!.id
  const mayorPost = demo.postId('市长')
  const id = db.insert(meetings).values({ typeId, session: 30, date: '2026-11-26', halfDay: '上午', status: '已召开', chairPostId: mayorPost, createdAt: new Date().toISOString() }).returning().get().id
  db.insert(topics).values({ meetingId: id, title: '关于农贸市场升级改造的议题', sortOrder: 1, departmentId: deptId('市商务局'), deliveredOn: '2026-11-10', createdAt: new Date().toISOString() }).run()
  db.insert(topics).values({ meetingId: id, title: '关于重点防汛设施安全评估的议题', sortOrder: 2, departmentId: deptId('市应急管理局'), deliveredOn: '2026-11-10', classification: '机密', createdAt: new Date().toISOString() }).run()
  return id
}

beforeAll(async () => {

  ids.open = (await incoming(TITLES.open, '市住房和城乡建设局')).id
  ids.plain = (await incoming(TITLES.plain, '市住房和城乡建设局', {}, false)).id
  ids.secret = (await incoming(TITLES.secret, '市财政局', { classification: '秘密', secrecyPeriod: '1年' })).id
  const confidential = await incoming(TITLES.confidential, '市应急管理局', {
    classification: '机密', secrecyPeriod: '10年', files: [{ kind: '正文', file: await upload('调度预案.pdf', '全市防汛指挥调度预案（机密）') }],
  })
  ids.confidential = confidential.id
  ids.confidentialFile = (await kezhang.ok('incoming.get', { id: ids.confidential })).files[0].fileId
  await kezhang.ok('incoming.send', { id: ids.confidential, leaderIds: [personId('杨帆')], sentOn: '2026-12-01' })
  const instructed = await kezhang.ok('incoming.instruct', { id: ids.confidential, leaderId: personId('杨帆'), kind: '批示', opinion: '请市应急管理局抓紧完善预案。', instructedOn: '2026-12-01' })
  ids.instruction = instructed.instructions[0].id
  await kezhang.ok('followups.fromInstruction', { instructionId: ids.instruction, task: '完善全市防汛指挥调度预案', departmentId: deptId('市应急管理局'), deadline: '2026-12-31' })

  ids.draft = (await draft(TITLES.draft)).id
  ids.secretDraft = (await draft(TITLES.secretDraft, { classification: '秘密', secrecyPeriod: '1年' })).id

  const type = await meetingType(kezhang, '常务会议')
  ids.meeting = (await kezhang.ok('meetings.schedule', { typeId: type.id, date: '2026-12-22', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
  await kezhang.ok('topics.submit', await topicOf(TITLES.topic, deptId('市住房和城乡建设局')))
  await kezhang.ok('topics.submit', await topicOf(TITLES.confidentialTopic, deptId('市应急管理局'), { classification: '机密' }))

  ids.held = heldMeeting()
  const proposed = await kezhang.ok('minutes.get', { meetingId: ids.held })
  const saved = await kezhang.ok('minutes.save', {
    meetingId: ids.held, opening: proposed.opening, attendance: proposed.attendance,
    decisions: proposed.decisions.map((d) => ({ ...d, text: '会议原则同意，请责任单位抓好落实。' })),
  })
  await kezhang.ok('minutes.sign', { meetingId: ids.held, signerPersonId: personId('张明远'), opinion: '同意印发。', date: '2026-11-30' })
  for (const d of saved.decisions) {
    await kezhang.ok('followups.create', { decisionId: d.id, task: `落实${d.heading}`, departmentId: deptId('市商务局'), deadline: '2026-12-31' })
  }
})

const titles = (rows: { title: string }[]) => rows.map((r) => r.title).sort()
const sorted = (xs: string[]) => [...xs].sort()

describe('the registers, the search and 首页 count only what the reader is cleared for', () => {
  it('the 收文登记簿 lists and counts four documents for the 科长 (机密), three for the 文秘 (秘密) and two for 查阅 (内部)', async () => {
    const all = [TITLES.open, TITLES.plain, TITLES.secret, TITLES.confidential]
    for (const [api, seen] of [[kezhang, all], [wenmi, all.slice(0, 3)], [chayue, all.slice(0, 2)]] as const) {
      const page = await api.ok('registers.incoming', {})
      expect(titles(page.rows)).toEqual(sorted(seen))
      expect(page.total).toBe(seen.length)
    }
  })

  it('a search for 防汛 finds three 收文 for the 科长, two for the 文秘 and one for 查阅, and asking for 机密 by name gives the 文秘 nothing', async () => {
    expect((await kezhang.ok('registers.incoming', { text: '防汛' })).total).toBe(3)
    expect(titles((await wenmi.ok('registers.incoming', { text: '防汛' })).rows)).toEqual(sorted([TITLES.open, TITLES.secret]))
    expect(titles((await chayue.ok('registers.incoming', { text: '防汛' })).rows)).toEqual([TITLES.open])
    expect(await wenmi.ok('registers.incoming', { classification: '机密' })).toMatchObject({ rows: [], total: 0 })
  })

  it('the 来文机关 filter does not name or count a sender whose only document is above the reader\'s clearance', async () => {
    const senders = async (api: Api) => Object.fromEntries((await api.ok('registers.incomingSenders', {})).map((s) => [s.sender, s.count]))
    expect(await senders(kezhang)).toEqual({ 市住房和城乡建设局: 2, 市财政局: 1, 市应急管理局: 1 })
    expect(await senders(wenmi)).toEqual({ 市住房和城乡建设局: 2, 市财政局: 1 })
    expect(await senders(chayue)).toEqual({ 市住房和城乡建设局: 2 })
  })

  it('the 发文登记簿 lists the 秘密 draft for the 文秘 and the 科长 but neither lists nor counts it for 查阅', async () => {
    for (const api of [kezhang, wenmi]) {
      const page = await api.ok('registers.outgoing', {})
      expect(titles(page.rows)).toEqual(sorted([TITLES.draft, TITLES.secretDraft]))
      expect(page.total).toBe(2)
    }
    expect(await chayue.ok('registers.outgoing', {})).toMatchObject({ rows: [expect.objectContaining({ title: TITLES.draft })], total: 1 })
    expect(await chayue.ok('registers.outgoing', { text: '防护' })).toMatchObject({ rows: [], total: 0 })
  })

  // The 非涉密 通知 still waiting for 初审 since 1 December is due as well (issue 16: 初审/拟办 waiting counts).
  it('首页 shows four 收文 falling due to the 科长, three to the 文秘 and two to 查阅', async () => {
    const due = async (api: Api) => titles((await api.ok('incoming.dueSoon', {})).items)
    expect(await due(kezhang)).toEqual(sorted([TITLES.open, TITLES.plain, TITLES.secret, TITLES.confidential]))
    expect(await due(wenmi)).toEqual(sorted([TITLES.open, TITLES.plain, TITLES.secret]))
    expect(await due(chayue)).toEqual(sorted([TITLES.open, TITLES.plain]))
  })

  it('the exported 收文登记簿 has one line a visible document, says how many, and never carries the 机密 title', async () => {
    const exported = async (api: Api) => {
      const file = await api.ok('registers.exportIncomingXlsx', {})
      const buf = Buffer.from(file.base64, 'base64')
      const rows = unzipPart(buf, 'xl/worksheets/sheet1.xml').match(/<row /g)!.length - 3
      return { rows, strings: unzipPart(buf, 'xl/sharedStrings.xml') }
    }
    const kz = await exported(kezhang)
    expect(kz.rows).toBe(4)
    expect(kz.strings).toContain(TITLES.confidential)
    const wm = await exported(wenmi)
    expect(wm.rows).toBe(3)
    expect(wm.strings).toContain('共3件')
    expect(wm.strings).not.toContain(TITLES.confidential)
    const cy = await exported(chayue)
    expect(cy.rows).toBe(2)
    expect(cy.strings).not.toContain(TITLES.secret)
    const out = await chayue.ok('registers.exportOutgoingXlsx', {})
    expect(unzipPart(Buffer.from(out.base64, 'base64'), 'xl/sharedStrings.xml')).not.toContain(TITLES.secretDraft)
  })
})

describe('a document above the reader\'s clearance answers as one that does not exist', () => {
  it('for the 文秘 the 机密 收文\'s detail, file and 收文处理笺 are "不存在或无权查看", word for word as for a missing document; the 科长 gets all three', async () => {
    const missing = (await wenmi.call('incoming.get', { id: 999_999 })).body.error
    expect(missing).toEqual({ code: 'NOT_FOUND', message: '收文不存在或无权查看' })
    expect((await wenmi.call('incoming.get', { id: ids.confidential })).body.error).toEqual(missing)
    expect((await wenmi.call('incoming.exportRoutingSlipDocx', { id: ids.confidential })).body.error).toEqual(missing)
    expect((await wenmi.call('incoming.downloadFile', { fileId: ids.confidentialFile })).body.error).toEqual({ code: 'NOT_FOUND', message: '收文文件不存在或无权查看' })
    expect((await wenmi.call('incoming.downloadFile', { fileId: 999_999 })).body.error).toEqual({ code: 'NOT_FOUND', message: '收文文件不存在或无权查看' })

    expect(await kezhang.ok('incoming.get', { id: ids.confidential })).toMatchObject({ title: TITLES.confidential, secrecyMark: '机密★10年' })
    expect(Buffer.from((await kezhang.ok('incoming.downloadFile', { fileId: ids.confidentialFile })).base64, 'base64').toString()).toBe('全市防汛指挥调度预案（机密）')
    expect(docxText(Buffer.from((await kezhang.ok('incoming.exportRoutingSlipDocx', { id: ids.confidential })).base64, 'base64'))).toContain(TITLES.confidential)
  })

  it('查阅 can neither open nor print the 秘密 发文 (detail, 公文, 发文稿纸), which the 文秘 opens and prints', async () => {
    const missing = (await chayue.call('outgoing.get', { id: 999_999 })).body.error
    expect(missing).toEqual({ code: 'NOT_FOUND', message: '发文不存在或无权查看' })
    for (const name of ['outgoing.get', 'outgoing.exportDocumentDocx', 'outgoing.exportSignOffSheetDocx', 'outgoing.requiredSigner']) {
      expect((await chayue.call(name, { id: ids.secretDraft, date: '2026-12-01' })).body.error).toEqual(missing)
    }
    expect(await wenmi.ok('outgoing.get', { id: ids.secretDraft })).toMatchObject({ title: TITLES.secretDraft, classificationText: '秘密★1年' })
    expect(docxText(Buffer.from((await wenmi.ok('outgoing.exportDocumentDocx', { id: ids.secretDraft })).base64, 'base64'))).toContain('秘密')
  })

  it('the 文秘 cannot act on the 机密 收文 either: a 催办, a 办结 or a 批示 to 督办 is refused as for a missing one and writes nothing', async () => {
    const before = auditRows()
    expect((await wenmi.call('incoming.chase', { id: ids.confidential, chaser: '高雪', note: '请抓紧' })).body.error).toEqual({ code: 'NOT_FOUND', message: '收文不存在或无权查看' })
    const viaInstruction = await wenmi.call('followups.fromInstruction', { instructionId: ids.instruction, task: '再次督办', departmentId: deptId('市应急管理局'), deadline: '2026-12-31' })
    expect(viaInstruction.body.error).toEqual({ code: 'NOT_FOUND', message: '批示不存在或无权查看' })
    expect((await wenmi.call('followups.fromInstruction', { instructionId: 999_999, task: '再次督办', departmentId: deptId('市应急管理局'), deadline: '2026-12-31' })).body.error)
      .toEqual(viaInstruction.body.error)
    expect((await wenmi.call('incoming.close', { id: ids.confidential, closedOn: '2026-12-01', closingNote: '已阅' })).body.error).toEqual({ code: 'NOT_FOUND', message: '收文不存在或无权查看' })
    expect(auditRows()).toBe(before)
  })
})

describe('meetings: a topic above the reader\'s clearance is neither listed nor counted, and a partial agenda is never printed', () => {
  it('the agenda lists and counts both topics for the 科长 but only the open one for the 文秘 and 查阅, in the list, the meeting and the calendar', async () => {
    expect(titles((await kezhang.ok('topics.list', { meetingId: ids.meeting })).topics)).toEqual(sorted([TITLES.topic, TITLES.confidentialTopic]))
    expect((await kezhang.ok('meetings.get', { id: ids.meeting })).topicCount).toBe(2)
    for (const api of [wenmi, chayue]) {
      expect(titles((await api.ok('topics.list', { meetingId: ids.meeting })).topics)).toEqual([TITLES.topic])
      expect((await api.ok('meetings.get', { id: ids.meeting })).topicCount).toBe(1)
      const cal = await api.ok('meetings.calendar', { from: '2026-12-01', to: '2026-12-31' })
      expect(cal.meetings.find((m) => m.id === ids.meeting)?.topicCount).toBe(1)
    }
  })

  it('the 文秘 is refused the agenda and the notice of that meeting with the reason in Chinese; the 科长\'s agenda carries both topics', async () => {
    for (const name of ['meetings.exportAgendaDocx', 'meetings.exportNoticeDocx']) {
      const r = await wenmi.call(name, { id: ids.meeting })
      expect(r.body.error?.code).toBe('FORBIDDEN')
      expect(r.body.error?.message).toContain('密级高于您的涉密等级（秘密）')
      expect(r.body.error?.message).toContain('会误导')
      expect(r.body.error?.message).not.toContain(TITLES.confidentialTopic)
    }
    const text = docxText(Buffer.from((await kezhang.ok('meetings.exportAgendaDocx', { id: ids.meeting })).base64, 'base64'))
    expect(text).toContain(TITLES.topic)
    expect(text).toContain(TITLES.confidentialTopic)
  })

  it('the 机密 topic\'s files download for the 科长 only; for the 文秘 the topic cannot be moved or withdrawn, as if it did not exist', async () => {
    const confidential = must((await kezhang.ok('topics.list', { meetingId: ids.meeting })).topics.find((t) => t.title === TITLES.confidentialTopic), '机密议题')
    const fileId = confidential.files[0].id
    expect((await kezhang.ok('topics.downloadFile', { fileId })).filename).toContain(TITLES.confidentialTopic)
    expect((await wenmi.call('topics.downloadFile', { fileId })).body.error).toEqual({ code: 'NOT_FOUND', message: '议题附件不存在或无权查看' })
    expect((await wenmi.call('topics.withdraw', { topicId: confidential.id, reason: '部门要求撤回' })).body.error).toEqual({ code: 'NOT_FOUND', message: '议题不存在或无权查看' })
    // A 收文 file is not a topic file: it cannot be fetched through the meetings download either.
    expect((await kezhang.call('topics.downloadFile', { fileId: ids.confidentialFile })).body.error?.code).toBe('NOT_FOUND')
  })

  it('the minutes of a meeting with a 机密 topic are refused to the 文秘; the 督办 items from its 机密 decision and from the 批示 on the 机密 收文 are not listed for her', async () => {
    const minutes = await wenmi.call('minutes.get', { meetingId: ids.held })
    expect(minutes.body.error?.code).toBe('FORBIDDEN')
    expect((await wenmi.call('minutes.exportDocx', { meetingId: ids.held })).body.error?.code).toBe('FORBIDDEN')

    const all = await kezhang.ok('followups.list', {})
    expect(all).toHaveLength(3)
    const seen = await wenmi.ok('followups.list', {})
    expect(seen.map((f) => f.task)).toEqual(['落实关于农贸市场升级改造的议题'])
    expect(await chayue.ok('followups.list', {})).toHaveLength(1)
    for (const hidden of all.filter((f) => f.id !== seen[0].id)) {
      expect((await wenmi.call('followups.get', { id: hidden.id })).body.error).toEqual({ code: 'NOT_FOUND', message: '督办事项不存在或无权查看' })
      expect((await wenmi.call('followups.report', { id: hidden.id, reportedOn: '2026-12-01', content: '正在办理' })).body.error?.code).toBe('NOT_FOUND')
    }
  })
})

describe('registering: never 绝密, never above the approved level, never above one\'s own clearance', () => {
  // Generic in the 密级: the refusals send 绝密, which no schema accepts, through the loose `call`.
  const incomingInput = <C extends string>(classification: C, secrecyPeriod: string | null = '1年') => ({
    receivedAt: '2026-12-01 11:00', sender: '市应急管理局', title: '关于某专项工作的报告', docType: '报告' as const, classification, secrecyPeriod, files: [],
  })
  const draftInput = <C extends string>(classification: C) => ({ docType: '通知', signKind: '一般', series: '资府发', title: '关于某专项工作的通知', classification, secrecyPeriod: '1年' })
  const topicInput = async <C extends string>(classification: C) => ({ ...await topicOf('关于某专项工作的议题', deptId('市应急管理局')), classification })

  it('a 绝密 收文, 发文 or 议题 is refused with its own message and nothing is written', async () => {
    const before = auditRows()
    for (const [name, input] of [['incoming.receive', incomingInput('绝密')], ['outgoing.draft', draftInput('绝密')], ['topics.submit', await topicInput('绝密')]] as const) {
      const r = await kezhang.call(name, input)
      expect(r.body.error).toMatchObject({ code: 'VALIDATION', field: 'classification' })
      expect(r.body.error?.message).toContain('绝密文件不得录入本系统')
    }
    expect(auditRows()).toBe(before)
  })

  it('the 文秘 (秘密) may not register a 机密 收文 or draft a 机密 发文, and is told her clearance', async () => {
    for (const [name, input] of [['incoming.receive', incomingInput('机密')], ['outgoing.draft', draftInput('机密')]] as const) {
      const r = await wenmi.call(name, input)
      expect(r.body.error).toEqual({ code: 'FORBIDDEN', field: 'classification', message: '您的涉密等级为秘密，不能登记机密文件' })
    }
  })

  it('with the system approved for 秘密 only, the 科长 cannot register a 机密 收文, 发文 or 议题, and the refusal names the setting', async () => {
    const secadmin = rpcClient(server.url)
    await secadmin.login('secadmin')
    await secadmin.ok('settings.update', { approvedClassification: '秘密' })
    try {
      const before = auditRows()
      for (const [name, input, what] of [
        ['incoming.receive', incomingInput('机密'), '文件'], ['outgoing.draft', draftInput('机密'), '文件'], ['topics.submit', await topicInput('机密'), '议题'],
      ] as const) {
        const r = await kezhang.call(name, input)
        expect(r.body.error).toEqual({ code: 'VALIDATION', field: 'classification', message: `本系统批准的最高密级为秘密（设置—系统最高密级），不能登记机密${what}` })
      }
      expect(auditRows()).toBe(before)
      // Opening the 机密 收文 still works (and, being 机密, is itself recorded: issue 14).
      const existing = await kezhang.ok('incoming.get', { id: ids.confidential })
      expect(existing.title).toBe(TITLES.confidential)
      expect(await kezhang.ok('incoming.receive', incomingInput('秘密'))).toMatchObject({ secrecyMark: '秘密★1年' })
    } finally {
      await secadmin.ok('settings.update', { approvedClassification: '机密' })
    }
  })
})
