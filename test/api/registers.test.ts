import { beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { type InputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { readXlsx } from '../helpers/xlsx'
import { assignments, incomingDocuments, instructions, outgoingDocuments } from '../../src-main/documents/schema'
import { indexForSearch } from '../../src-main/documents/registers/search'

// 收文 are registered through incoming.receive (which numbers and indexes them for search); their later
// states (批示, 承办, deadlines) are written straight into the server's database, so these tests do not depend
// on the handling workflow being built alongside. 发文 with numbers are inserted the same way.

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-11-10T09:00:00+08:00' })
const { deptId, personId } = demo
const db = () => server.core.conn.db

const docs: Record<string, number> = {}
const FILLER_TOPICS = ['安全生产大检查', '优化营商环境', '冬季供气保障', '农村人居环境整治', '义务教育学校布局', '城市生活垃圾分类', '政务服务“一网通办”', '重点项目建设']
const SENDERS = [['四川省人民政府办公厅', '川办发'], ['市财政局', '资财'], ['雁江区人民政府', '雁府'], ['市教育和体育局', '资教体']] as const

type Receive = InputOf<'incoming.receive'>
/** A 收文 registered as a 通知 unless it says otherwise. */
async function register(key: string, f: Omit<Receive, 'docType'> & Partial<Pick<Receive, 'docType'>>) {
  const r = await api.ok('incoming.receive', { docType: '通知', ...f })
  docs[key] = r.id
  return r
}

beforeAll(async () => {

  // 32 ordinary documents over 2025 and 2026, three of them received at the same minute (the id breaks the tie).
  for (let i = 0; i < 32; i++) {
    const [sender, code] = SENDERS[i % SENDERS.length]
    const month = 1 + (i % 10)
    const year = i < 16 ? 2025 : 2026
    const receivedAt = i >= 29 ? '2026-10-20 10:00' : `${year}-${String(month).padStart(2, '0')}-${String(3 + (i % 20)).padStart(2, '0')} 09:${String(10 + i).padStart(2, '0')}`
    await register(`f${i}`, {
      receivedAt, sender, senderNumber: `${code}〔${year}〕${40 + i}号`,
      title: `关于做好${FILLER_TOPICS[i % FILLER_TOPICS.length]}工作的${i % 3 === 0 ? '请示' : '通知'}`, docType: i % 3 === 0 ? '请示' : '通知',
    })
  }
  await register('flood', { receivedAt: '2026-06-01 08:40', sender: '四川省人民政府办公厅', senderNumber: '川办发〔2026〕7号', title: '关于做好2026年防汛抗旱工作的通知', urgency: '特急' })
  await register('land', { receivedAt: '2026-06-03 15:20', sender: '市自然资源和规划局', senderNumber: '资自然资〔2026〕15号', title: '关于调整土地征收补偿标准的请示', docType: '请示', classification: '秘密', secrecyPeriod: '1年' })
  await register('flood25', { receivedAt: '2025-07-10 11:05', sender: '四川省应急管理厅', senderNumber: '川应急〔2025〕33号', title: '关于加强汛期防汛值守工作的通知' })
  await register('farm', { receivedAt: '2025-09-01 10:00', sender: '市自然资源和规划局', senderNumber: '资自然资〔2025〕8号', title: '关于报送耕地保护目标责任考核情况的报告', docType: '报告' })
  await register('late', { receivedAt: '2026-10-08 09:00', sender: '市财政局', senderNumber: '资财〔2026〕90号', title: '关于下达市级财政衔接资金的请示', docType: '请示' })
  await register('deptLate', { receivedAt: '2026-10-12 09:00', sender: '雁江区人民政府', senderNumber: '雁府〔2026〕61号', title: '关于雁江区老旧小区改造资金缺口的请示', docType: '请示' })
  await register('answered', { receivedAt: '2026-10-13 09:00', sender: '市教育和体育局', senderNumber: '资教体〔2026〕12号', title: '关于新建城东学校的请示', docType: '请示' })

  // States, 批示 and 承办 straight into the database.
  const set = (key: string, patch: Partial<typeof incomingDocuments.$inferInsert>) => db().update(incomingDocuments).set(patch).where(eq(incomingDocuments.id, docs[key])).run()
  const assign = (key: string, name: string, role: '主办' | '协办', deadline: string, feedbackOn: string | null = null) => db().insert(assignments).values({
    documentId: docs[key], departmentId: deptId(name), role, assignedOn: '2026-10-14', workingDays: 10, deadline, feedback: feedbackOn ? '已按要求办理。' : null, feedbackOn,
  }).run()
  const instruct = (key: string, turn: number, name: string, title: string, on: string | null) => db().insert(instructions).values({
    documentId: docs[key], turn, leaderId: personId(name), leaderTitle: title, kind: on ? '批示' : null, opinion: on ? '请认真研究办理。' : null, sentOn: '2026-06-02', instructedOn: on,
  }).run()
  for (let i = 0; i < 16; i++) set(`f${i}`, { status: '已办结', deadline: '2025-12-31', closedOn: '2025-12-20' })
  set('flood', { status: '批示中', proposal: '拟请杨帆副市长阅示。', deadline: '2026-12-15' })
  instruct('flood', 1, '杨帆', '副市长', '2026-06-02')
  instruct('flood', 2, '张明远', '市长', null)
  set('land', { status: '承办中', deadline: '2026-12-31' })
  instruct('land', 1, '陈立新', '副市长', '2026-06-05')
  assign('land', '市自然资源和规划局', '主办', '2026-12-20')
  assign('land', '市财政局', '协办', '2026-12-20')
  set('flood25', { status: '已办结', deadline: '2025-07-25', closedOn: '2025-07-20' })
  set('farm', { status: '已退回', returnReason: '不属于市政府办理事项' })
  set('late', { status: '承办中', deadline: '2026-10-30' }) // 11 days overdue on 2026-11-10
  assign('late', '市财政局', '主办', '2026-10-28', '2026-10-27')
  set('deptLate', { status: '承办中', deadline: '2026-12-31' })
  assign('deptLate', '市住房和城乡建设局', '主办', '2026-11-05') // no feedback: 5 days overdue
  set('answered', { status: '承办中', deadline: '2026-11-12' })
  assign('answered', '市教育和体育局', '主办', '2026-11-06', '2026-11-06') // fed back in time: not overdue
}, 60_000)

type IncomingFilter = InputOf<'registers.incoming'>
const incoming = (input: IncomingFilter = {}) => api.ok('registers.incoming', input)
type IncomingRow = Awaited<ReturnType<typeof incoming>>['rows'][number]
const ids = (p: { rows: { id: number }[] }) => p.rows.map((r) => r.id)
async function everything(input: IncomingFilter, limit = 200): Promise<IncomingRow[]> {
  const rows: IncomingRow[] = []
  let after: IncomingFilter['after'] = null
  do {
    const p = await incoming({ ...input, limit, after })
    rows.push(...p.rows)
    after = p.next
  } while (after)
  return rows
}

describe('收文登记簿', () => {
  it('lists the newest first and pages by position: pages neither overlap nor skip, and only the first page counts', async () => {
    const all = db().select({ id: incomingDocuments.id, at: incomingDocuments.receivedAt }).from(incomingDocuments).all()
      .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).map((r) => r.id)
    expect(all).toHaveLength(39)
    const seen: number[] = []
    let after: IncomingFilter['after'] = null
    let pages = 0
    do {
      const p = await incoming({ limit: 7, after })
      if (pages === 0) expect(p.total).toBe(39)
      else expect(p.total).toBeUndefined()
      expect(p.rows.length).toBeLessThanOrEqual(7)
      seen.push(...ids(p))
      after = p.next
      pages++
    } while (after)
    expect(pages).toBe(6)
    expect(seen).toEqual(all)
    expect(new Set(seen).size).toBe(39)
  })

  it('keeps three documents received in the same minute apart by number across a page break', async () => {
    const sameMinute = [docs.f31, docs.f30, docs.f29]
    const first = await incoming({ limit: 2 })
    const second = await incoming({ limit: 2, after: first.next })
    const order = [...ids(first), ...ids(second)].filter((id) => sameMinute.includes(id))
    expect(order).toEqual(sameMinute)
  })

  it('shows on each line what the paper register shows: 收文号, date, sender, 字号, title, leader where it is, 承办单位 and deadline', async () => {
    const p = await incoming({ text: '防汛抗旱' })
    expect(p.rows).toHaveLength(1)
    expect(p.rows[0]).toMatchObject({
      number: expect.stringMatching(/^收〔2026〕\d+号$/), receivedOn: '2026-06-01', sender: '四川省人民政府办公厅', senderNumber: '川办发〔2026〕7号',
      title: '关于做好2026年防汛抗旱工作的通知', docType: '通知', urgency: '特急', status: '批示中',
      currentLeader: { name: '张明远', title: '市长' }, instructedBy: ['杨帆'], deadline: '2026-12-15', where: '市长张明远处',
      timing: { state: '正常', workingDaysLeft: 25, label: '剩余25个工作日' }, lateWork: false,
    })
    const land = (await incoming({ text: '土地' })).rows[0]
    expect(land.assignees.map((a) => `${a.name}${a.role}`)).toEqual(['市自然资源和规划局主办', '市财政局协办'])
    expect(land).toMatchObject({ classification: '秘密', secrecyPeriod: '1年', currentLeader: null })
  })

  it('filters by year, status, 文种, 密级 and 来文机关, alone and together', async () => {
    const y2025 = await everything({ year: 2025 })
    expect(y2025).toHaveLength(18)
    expect(y2025.every((r) => r.year === 2025 && r.receivedOn.startsWith('2025'))).toBe(true)
    expect((await incoming({ year: 2025 })).total).toBe(18)
    const closed2025 = await everything({ year: 2025, status: '已办结' })
    expect(closed2025.map((r) => r.id).sort()).toEqual([...Array.from({ length: 16 }, (_, i) => docs[`f${i}`]), docs.flood25].sort())
    expect((await everything({ status: '已退回' })).map((r) => r.id)).toEqual([docs.farm])
    const requests = await everything({ docType: '请示' })
    expect(requests.every((r) => r.docType === '请示')).toBe(true)
    expect(requests.map((r) => r.id)).toEqual(expect.arrayContaining([docs.land, docs.late, docs.deptLate, docs.answered, docs.f0, docs.f3]))
    expect((await everything({ classification: '秘密' })).map((r) => r.id)).toEqual([docs.land])
    const fromLand = await everything({ sender: '市自然资源和规划局' })
    expect(fromLand.map((r) => r.id)).toEqual([docs.land, docs.farm])
    expect((await everything({ sender: '市自然资源和规划局', year: 2026 })).map((r) => r.id)).toEqual([docs.land])
  })

  it('filters by a leader who instructed or has it now, and by a 承办 department (主办 or 协办)', async () => {
    expect((await everything({ leaderId: personId('张明远') })).map((r) => r.id)).toEqual([docs.flood])
    expect((await everything({ leaderId: personId('陈立新') })).map((r) => r.id)).toEqual([docs.land])
    expect(await everything({ leaderId: personId('刘芳') })).toEqual([])
    expect((await everything({ departmentId: deptId('市财政局') })).map((r) => r.id)).toEqual([docs.late, docs.land])
    expect((await incoming({ departmentId: deptId('市财政局') })).total).toBe(2)
  })

  it('R-D7 overdue only: open past its deadline, or a department past its time limit without feedback — in working days, as the page says', async () => {
    const p = await incoming({ overdueOnly: true })
    expect(p.total).toBe(2)
    // deptLate is due 31 December but its 主办 owed feedback by 5 November; late was due Friday 30 October.
    expect(p.rows.map((r) => [r.id, r.timing?.label, r.lateWork])).toEqual([[docs.deptLate, '剩余37个工作日', true], [docs.late, '逾期7个工作日', false]])
    // Closed ones past their old deadline, and a department that fed back in time, are not overdue.
    const answered = (await incoming({ text: '城东学校' })).rows[0]
    expect(answered).toMatchObject({ timing: { state: '临期', workingDaysLeft: 2 }, lateWork: false })
    expect((await incoming({ overdueOnly: true, departmentId: deptId('市住房和城乡建设局') })).rows.map((r) => r.id)).toEqual([docs.deptLate])
  })

  it('finds two-character words (防汛, 土地) and a 字号 fragment, and combines the search with the other filters', async () => {
    expect((await everything({ text: '防汛' })).map((r) => r.id)).toEqual([docs.flood, docs.flood25])
    expect((await everything({ text: '土地' })).map((r) => r.id)).toEqual([docs.land]) // not 耕地
    expect((await everything({ text: '自然资〔2026〕15' })).map((r) => r.id)).toEqual([docs.land])
    expect((await everything({ text: '资自然资' })).map((r) => r.id)).toEqual([docs.land, docs.farm])
    expect((await everything({ text: '应急管理厅' })).map((r) => r.id)).toEqual([docs.flood25])
    expect((await everything({ text: '防汛', year: 2025 })).map((r) => r.id)).toEqual([docs.flood25])
    expect((await everything({ text: '防汛 土地' }))).toEqual([])
    const number = (await incoming({ text: '防汛抗旱' })).rows[0].number
    expect((await everything({ text: number })).map((r) => r.id)).toEqual([docs.flood])
  })

  it('refuses a page longer than 200 lines, in Chinese', async () => {
    const r = await api.call('registers.incoming', { limit: 500 })
    expect(r.body.error).toMatchObject({ code: 'VALIDATION', field: 'limit' })
    expect(r.body.error?.message).toContain('每页行数')
  })

  it('lists the senders already registered, most frequent first, for the sender filter', async () => {
    const senders = await api.ok('registers.incomingSenders', { year: 2026 })
    expect(senders[0]).toMatchObject({ sender: expect.any(String), count: expect.any(Number) })
    expect(senders.map((s) => s.sender)).toContain('市自然资源和规划局')
    expect(senders.map((s) => s.sender)).not.toContain('四川省应急管理厅')
  })
})

const sheetRows = (base64: string) => readXlsx(base64).rows

describe('登记簿导出 Excel', () => {
  it('exports the 2026 收文登记簿 with a title row, the office columns and every document of the year', async () => {
    const file = await api.ok('registers.exportIncomingXlsx', { year: 2026 })
    expect(file.filename).toBe('资阳市人民政府办公室收文登记簿（2026年）.xlsx')
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const rows = sheetRows(file.base64)
    expect(rows[0][0]).toBe('资阳市人民政府办公室收文登记簿（2026年）')
    expect(rows[1][0]).toContain('2026年')
    expect(rows[1][0]).toContain('共21件')
    expect(rows[2]).toEqual(['收文号', '收文日期', '来文机关', '来文字号', '标题', '文种', '密级', '紧急程度', '份数', '拟办意见', '批示领导', '承办单位', '办理时限', '状态', '当前位置', '时限情况', '逾期工作日', '办结日期'])
    const body = rows.slice(3)
    expect(body).toHaveLength(21)
    const land = body.find((r) => r[4] === '关于调整土地征收补偿标准的请示')!
    expect(land.slice(1, 8)).toEqual(['2026-06-03', '市自然资源和规划局', '资自然资〔2026〕15号', '关于调整土地征收补偿标准的请示', '请示', '秘密★1年', ''])
    expect(land[11]).toBe('市自然资源和规划局（主办）、市财政局')
    const flood = body.find((r) => r[4].includes('防汛抗旱'))!
    expect(flood[0]).toMatch(/^收〔2026〕\d+号$/)
    expect([flood[7], flood[9], flood[10], flood[14], flood[15]]).toEqual(['特急', '拟请杨帆副市长阅示。', '杨帆', '市长张明远处', '剩余25个工作日'])
  })

  it('writes dates as date cells an office can sort and filter, with filter buttons on the header, repeated on every printed page', async () => {
    const sheet = readXlsx((await api.ok('registers.exportIncomingXlsx', { year: 2026 })).base64)
    const land = sheet.rows.findIndex((r) => r[4] === '关于调整土地征收补偿标准的请示')
    expect(sheet.kinds[land][1]).toBe('date')
    expect(sheet.rows[land][1]).toBe('2026-06-03')
    expect(sheet.kinds[land][2]).toBe('text')
    expect(sheet.autoFilter).toBe(`A3:R${sheet.rows.length}`)
    expect(sheet.printTitles).toBe("'收文登记簿'!$3:$3")
  })

  it('exports with the same filters as the screen (overdue only) and says so under the title', async () => {
    const rows = sheetRows((await api.ok('registers.exportIncomingXlsx', { overdueOnly: true })).base64)
    expect(rows[1][0]).toContain('只看逾期')
    expect(rows.slice(3).map((r) => [r[4], r[14], r[15], r[16]])).toEqual([
      ['关于雁江区老旧小区改造资金缺口的请示', '市住房和城乡建设局（主办）', '剩余37个工作日，承办逾期', ''],
      ['关于下达市级财政衔接资金的请示', '办公室（待办结）', '逾期7个工作日', '7'],
    ])
  })
})

describe('发文登记簿', () => {
  const out: Record<string, number> = {}
  beforeAll(async () => {
    const financeId = deptId('市财政局')
    out.draft = (await api.ok('outgoing.draft', {
      docType: '通知', signKind: '一般', series: '资府办发', title: '关于印发资阳市防汛应急预案的通知', addressee: '各县（区）人民政府，市级有关部门',
      draftingDepartmentId: deptId('市应急管理局'), drafter: '何静',
    })).id
    // Numbered ones as the sign-off and numbering steps leave them.
    const numbered = [
      { key: 'land', series: '资府函', year: 2025, seq: 3, title: '关于商请支持土地综合整治项目的函', docType: '函' as const, created: '2025-03-02T01:00:00.000Z', signer: '陈立新', deptId: deptId('市自然资源和规划局') },
      { key: 'budget', series: '资府发', year: 2025, seq: 11, title: '关于2025年市级财政预算执行情况的报告', docType: '报告' as const, created: '2025-06-10T02:00:00.000Z', signer: '李建国', deptId: financeId },
      { key: 'notice', series: '资府发', year: 2026, seq: 2, title: '关于进一步优化营商环境的通知', docType: '通知' as const, created: '2026-02-01T03:00:00.000Z', signer: '张明远', deptId: financeId },
    ]
    for (const n of numbered) {
      const row = db().insert(outgoingDocuments).values({
        docType: n.docType, signKind: '一般', series: n.series, title: n.title, status: '已印发', signerId: personId(n.signer), signerName: n.signer,
        signedOn: n.created.slice(0, 10), numberYear: n.year, numberSeq: n.seq, numberText: `${n.series}〔${n.year}〕${n.seq}号`, issuedOn: n.created.slice(0, 10),
        copies: 60, draftingDepartmentId: n.deptId, createdAt: n.created,
      }).returning().get()
      indexForSearch(db(), { kind: '发文', docId: row.id, at: row.createdAt, classification: row.classification }, [row.title, row.numberText])
      out[n.key] = row.id
    }
  })
  const outgoing = (input: InputOf<'registers.outgoing'> = {}) => api.ok('registers.outgoing', input)

  it('lists the newest drafted first with 字号, 发文机关 and 签发人, and pages by position', async () => {
    const first = await outgoing({ limit: 2 })
    expect(first.total).toBe(4)
    expect(ids(first)).toEqual([out.draft, out.notice])
    expect(first.rows[1]).toMatchObject({ numberText: '资府发〔2026〕2号', issuer: '资阳市人民政府', signerName: '张明远', date: '2026-02-01', status: '已印发' })
    expect(first.rows[0]).toMatchObject({ numberText: null, status: '拟稿', department: '市应急管理局', drafter: '何静' })
    const second = await outgoing({ limit: 2, after: first.next })
    expect(ids(second)).toEqual([out.budget, out.land])
    expect(second.next).toBeNull()
  })

  it('filters by 字号 year, 代字, 签发人 and 拟稿单位, and finds 防汛, 土地 and a 字号 fragment', async () => {
    expect(ids(await outgoing({ year: 2025 }))).toEqual([out.budget, out.land])
    expect(ids(await outgoing({ year: 2026 }))).toEqual([out.draft, out.notice])
    expect(ids(await outgoing({ series: '资府发' }))).toEqual([out.notice, out.budget])
    expect(ids(await outgoing({ signerId: personId('陈立新') }))).toEqual([out.land])
    expect(ids(await outgoing({ departmentId: deptId('市财政局') }))).toEqual([out.notice, out.budget])
    expect(ids(await outgoing({ text: '防汛' }))).toEqual([out.draft])
    expect(ids(await outgoing({ text: '土地' }))).toEqual([out.land])
    expect(ids(await outgoing({ text: '〔2025〕11' }))).toEqual([out.budget])
  })

  it('exports the 发文登记簿 in 字号 order (代字, year, number) with the issuing body; drafts without a number after', async () => {
    const file = await api.ok('registers.exportOutgoingXlsx', { series: '资府发' })
    const rows = sheetRows(file.base64)
    expect(rows[0][0]).toBe('资阳市人民政府办公室发文登记簿')
    expect(rows[1][0]).toContain('代字：资府发')
    expect(rows[2].slice(0, 4)).toEqual(['发文字号', '成文日期', '发文机关', '标题'])
    expect(rows.slice(3).map((r) => r.slice(0, 4))).toEqual([
      ['资府发〔2025〕11号', '2025-06-10', '资阳市人民政府', '关于2025年市级财政预算执行情况的报告'],
      ['资府发〔2026〕2号', '2026-02-01', '资阳市人民政府', '关于进一步优化营商环境的通知'],
    ])
    const all = readXlsx((await api.ok('registers.exportOutgoingXlsx', {})).base64)
    expect(all.rows.slice(3).map((r) => r[0] || r[3])).toEqual(['关于印发资阳市防汛应急预案的通知', '资府发〔2025〕11号', '资府发〔2026〕2号', '资府函〔2025〕3号'])
    expect(all.kinds[4][1]).toBe('date')
  })
})
