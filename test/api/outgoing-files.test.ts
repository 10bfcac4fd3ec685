/**
 * 套红 and real files (issue 16): a drafter's .docx body laid into the GB/T 9704 frame in the standard's fonts with its
 * table kept, .docx 附件 printed after it under their labels, a non-.docx body refused with the reason, R-D5 printed under
 * the department's own name and series, and a 收文 getting a forgotten scan after registration.
 */
import { describe, expect, it } from 'vitest'
import { rpcClient, allowed, download, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, draftTemplate } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { docxText, unzipPart } from '../helpers/zip'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { OUTLINE_BODY, wordBody } from '../helpers/word-body'

const OUT = 'test-results/print'
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const demo = demoOffice()
const office = officeServer({ demo, clock: '2026-12-20T10:00:00+08:00' })
const { server, api } = office
const auditor = office.signedIn('auditor')
const { deptId } = demo
const upload = (name: string, content: string | Buffer, mime = DOCX_MIME) => uploadAs(server.url, api, name, content, mime)
const TITLE = '资阳市人民政府关于做好2027年度全市农村公路养护工作的通知'

async function draft(extra: Record<string, unknown> = {}) {
  const t = await draftTemplate(api, '通知')
  return api.ok('outgoing.draft', {
    docType: '通知', signKind: t.signKind, series: '资府发', title: TITLE, addressee: '各县（区）人民政府，市政府有关部门',
    cc: '市委办公室。', body: '', urgency: '无', draftingDepartmentId: deptId('市交通运输局'), drafter: '罗佳怡', publicity: t.publicity, ...extra,
  })
}

/** The runs of document.xml as [font, size, text], in order: what each piece of text is set in. */
function runsOf(xml: string): { font: string; size: string; text: string }[] {
  return (xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).map((r) => ({
    font: r.match(/w:eastAsia="([^"]+)"/)?.[1] ?? '',
    size: r.match(/<w:sz w:val="(\d+)"/)?.[1] ?? '',
    text: (r.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''),
  })).filter((r) => r.text)
}
const runOf = (xml: string, text: string) => must(runsOf(xml).find((r) => r.text.startsWith(text)), `“${text}”的文字`)

const ids: Record<string, number> = {}

/** 核稿 in three steps (14 and 15 December) and 签发 on 16 December by the leader the rules name. */
async function signedOff(id: number, head = '局长甲') {
  for (const [step, reviewer, opinion, date] of [['部门负责人', head, '同意。', '2026-12-14'], ['办公室秘书', '许文杰', '文字已核。', '2026-12-15'], ['办公室负责人', '何振华', '呈签。', '2026-12-15']] as const) {
    await api.ok('outgoing.review', { id, step, reviewer, opinion, date })
  }
  const signer = must(allowed(await api.ok('outgoing.requiredSigner', { id, date: '2026-12-16' })).signers[0], '应签发的市政府领导')
  return api.ok('outgoing.signOff', { id, signerId: signer.personId, opinion: '同意。', date: '2026-12-16' })
}

/**
 * renderDocx blocks this process (LibreOffice runs synchronously) and so the in-process server's timers: afterwards the
 * server closes the connections that went idle meanwhile. One turn of the event loop lets that happen before the next
 * call, which would otherwise go out on a closing connection (ECONNRESET).
 */
async function render(buf: Buffer, name: string) {
  const r = renderDocx(buf, OUT, name)
  await new Promise((resolve) => setTimeout(resolve, 100))
  return r
}

describe('套红: the drafter’s .docx body in the red header', () => {
  it('lays a body with a three-level outline and a table into the frame in the standard’s fonts, the table kept', async () => {
    const v = await draft()
    ids.notice = v.id
    const withBody = await api.ok('outgoing.attachFiles', { id: v.id, body: await upload('养护通知正文.docx', await wordBody([...OUTLINE_BODY, '资阳市人民政府', '2026年12月20日'], TITLE)), attachments: [] })
    expect(withBody.bodyFromFile).toBe(true)
    expect(withBody.files).toEqual([expect.objectContaining({ kind: '正文', name: '养护通知正文.docx', printed: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })])
    // the page shows the text of the file, the table a row a line
    expect(withBody.body).toMatch(/^经市政府同意，/) // the title the drafter typed is not part of the text
    expect(withBody.body).toContain('一、总体要求')
    expect(withBody.body).toContain('雁江区\t320\t2027年3月底')

    const f = await download(api, 'outgoing.exportDocumentDocx', { id: v.id })
    const xml = unzipPart(f.buf, 'word/document.xml')
    const text = docxText(f.buf)
    // the frame's parts in order, the body between 主送 and 署名, the table inside the body
    const order = ['资阳市人民政府文件', '（编号）', '资阳市人民政府关于做好2027年度', '各县（区）人民政府，市政府有关部门：', '经市政府同意', '一、总体要求',
      '（一）工作目标', '1.完善养护机制', '养护任务分解表', '雁江区', '二、保障措施', '资阳市人民政府2026年12月20日', '抄送：市委办公室。']
    const at = order.map((t) => text.indexOf(t))
    expect(at.every((i) => i >= 0), JSON.stringify(order.filter((_, i) => at[i] < 0))).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    // the title the drafter typed at the top of the file, and the 署名 and date at its end, are printed once, by the frame
    expect(text.split('全市农村公路养护工作的通知').length - 1).toBe(1)
    expect(text.split('资阳市人民政府2026年12月20日').length - 1).toBe(1)
    // fonts: 黑体 level 1, 楷体 level 2, 仿宋 level 3 and body, all 3号; none of the drafter's 宋体 or Calibri
    expect(runOf(xml, '一、总体要求')).toMatchObject({ font: '黑体', size: '32' })
    expect(runOf(xml, '（一）工作目标')).toMatchObject({ font: '楷体_GB2312', size: '32' })
    expect(runOf(xml, '1.完善养护机制。')).toMatchObject({ font: '仿宋_GB2312', size: '32' })
    expect(runOf(xml, '坚持“建管养运”并重')).toMatchObject({ font: '仿宋_GB2312', size: '32' })
    expect(xml).not.toMatch(/w:eastAsia="(宋体|Calibri)"/)
    // the table: one w:tbl in the body with its 5 rows, the merged heading (3 columns) and the vertical merge of 雁江区
    const table = must(xml.match(/<w:tbl>(?:(?!<w:tbl>)[\s\S])*?养护任务分解表[\s\S]*?<\/w:tbl>/)?.[0], '正文中的表格')
    expect(table.match(/<w:tr>/g)).toHaveLength(5)
    expect(table).toContain('<w:gridSpan w:val="3"/>')
    expect(table).toContain('<w:vMerge w:val="restart"/>')
    expect(table).toMatch(/<w:vMerge(?: w:val="continue")?\/>/)
    expect(runOf(table, '85（乡道）')).toMatchObject({ font: '仿宋_GB2312', size: '28' })

    expect(hasLibreOffice(), 'LibreOffice 和 poppler 用于把公文渲染成图片').toBe(true)
    const r = await render(f.buf, 'taohong-body-table')
    const flat = r.text.replace(/\s+/g, '')
    for (const t of ['资阳市人民政府文件', '一、总体要求', '养护任务分解表', '雁江区', '85（乡道）', '二、保障措施']) expect(flat, t).toContain(t)
    // 2027年度 is never split over the title's two lines
    const titleLine = must(r.text.split('\n').map((l) => l.replace(/\s+/g, '')).find((l) => l.startsWith('资阳市人民政府关于做好')), '标题第一行')
    expect(titleLine).toBe('资阳市人民政府关于做好2027年度')
    expect(r.pageCount).toBeGreaterThanOrEqual(2)
  })

  it('refuses an old .doc or a non-Word file as the body, saying to save it as .docx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    const doc = await api.call('outgoing.attachFiles', { id: ids.notice, body: await upload('正文.doc', ole, 'application/msword'), attachments: [] })
    expect(doc.body.error).toMatchObject({ code: 'VALIDATION', field: 'body' })
    expect(doc.body.error!.message).toBe('正文文件「正文.doc」是旧版 Word（.doc）格式，系统只能读取 .docx。请在 Word 或 WPS 中打开该文件，“另存为”Word 文档（*.docx）后重新上传')
    const pdf = await api.call('outgoing.attachFiles', { id: ids.notice, body: await upload('正文.pdf', '%PDF-1.4 正文', 'application/pdf'), attachments: [] })
    expect(pdf.body.error!.message).toContain('不是 Word 文档（.docx）')
    expect(pdf.body.error!.message).toContain('另存为')
    // the body on file stays the one uploaded before
    expect((await api.ok('outgoing.get', { id: ids.notice })).files.map((x) => x.name)).toEqual(['养护通知正文.docx'])
  })

  it('prints each .docx 附件 after the body from a new page under 附件N, lists a PDF in 附件说明 only, and serves it for download', async () => {
    const v = await api.ok('outgoing.attachFiles', {
      id: ids.notice, attachments: [
        await upload('农村公路养护考核办法.docx', await wordBody(['第一条 为规范农村公路养护考核，制定本办法。', '第二条 考核每年进行一次。'], '农村公路养护考核办法')),
        await upload('养护资金分配表.pdf', '%PDF-1.4 养护资金分配表', 'application/pdf'),
        await upload('县（区）养护责任人名单.docx', await wordBody(['附件3', '雁江区：张三', '安岳县：李四'])),
      ],
    })
    expect(v.files.map((x) => [x.kind, x.position, x.title, x.printed])).toEqual([
      ['正文', 0, '养护通知正文', true], ['附件', 1, '农村公路养护考核办法', true], ['附件', 2, '养护资金分配表', false], ['附件', 3, '县（区）养护责任人名单', true],
    ])
    const pdf = await download(api, 'outgoing.downloadFile', { id: ids.notice, fileId: v.files[2].fileId })
    expect(pdf.buf.toString()).toBe('%PDF-1.4 养护资金分配表')

    const f = await download(api, 'outgoing.exportDocumentDocx', { id: ids.notice })
    const xml = unzipPart(f.buf, 'word/document.xml')
    const text = docxText(f.buf)
    const order = ['附件：1.农村公路养护考核办法', '2.养护资金分配表', '3.县（区）养护责任人名单', '资阳市人民政府2026年12月20日',
      '附件1', '农村公路养护考核办法', '第一条 为规范', '附件3', '县（区）养护责任人名单', '雁江区：张三', '抄送：市委办公室。']
    let from = 0
    for (const t of order) {
      const i = text.indexOf(t, from)
      expect(i, `“${t}”应在前一项之后`).toBeGreaterThanOrEqual(from)
      from = i + t.length
    }
    expect(text).not.toContain('附件2') // the PDF is listed only
    expect(text.split('附件3').length - 1).toBe(1) // the label the drafter typed is not printed twice
    // each label starts a page, in 3号黑体
    for (const label of ['附件1', '附件3']) {
      const para = must(xml.match(new RegExp(`<w:p>(?:(?!<w:p>)[\\s\\S])*?>${label}</w:t>[\\s\\S]*?</w:p>`))?.[0], label)
      expect(para).toContain('<w:pageBreakBefore/>')
      expect(runOf(para, label)).toMatchObject({ font: '黑体', size: '32' })
    }
    // the 发文稿纸 lists the same 附件
    const sheet = docxText((await download(api, 'outgoing.exportSignOffSheetDocx', { id: ids.notice })).buf)
    for (const t of ['农村公路养护考核办法', '养护资金分配表', '县（区）养护责任人名单']) expect(sheet, t).toContain(t)
    const r = await render(f.buf, 'taohong-attachments')
    const pageOf = (t: string) => r.pngPaths.findIndex((_, i) => r.text.split('\f')[i]?.replace(/\s+/g, '').includes(t))
    expect(pageOf('附件1')).toBeGreaterThan(pageOf('二、保障措施'))
    expect(pageOf('附件3')).toBeGreaterThan(pageOf('附件1'))
  })

  it('takes a 附件 off the draft; the ones after it move up; once signed off, no file is taken off or added (定稿)', async () => {
    const before = await api.ok('outgoing.get', { id: ids.notice })
    const v = await api.ok('outgoing.removeFile', { id: ids.notice, fileId: before.files[2].fileId })
    expect(v.files.map((x) => [x.position, x.title])).toEqual([[0, '养护通知正文'], [1, '农村公路养护考核办法'], [2, '县（区）养护责任人名单']])
    const { rows } = await auditor.ok('audit.list', { entity: '发文', entityId: String(ids.notice) })
    expect(rows.some((r) => r.items.some((i) => i.field === '文件' && JSON.stringify(i.before).includes('附件2：养护资金分配表.pdf')))).toBe(true)

    // Signed, the text is the 定稿: no file is taken off or added, and the files stay as signed.
    await signedOff(ids.notice)
    const final = '已签发的公文不能更换正文或附件'
    const off = await api.call('outgoing.removeFile', { id: ids.notice, fileId: v.files[2].fileId })
    expect(off.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(final) })
    const added = await api.call('outgoing.attachFiles', { id: ids.notice, attachments: [await upload('补充说明.docx', await wordBody(['补充说明']))] })
    expect(added.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(final) })
    expect((await api.ok('outgoing.get', { id: ids.notice })).files.map((x) => x.name)).toEqual(v.files.map((x) => x.name))
  })
})

describe('R-D5: a department’s directive to the counties under the department', () => {
  it('is refused in the government’s series, and printed as 资阳市水利局文件 资水发〔2026〕1号 with 经市政府同意, using no 资府发 number', async () => {
    const { documentSeries } = await api.ok('settings.get', {})
    const subject = '关于做好2027年度冬春农田水利建设工作的通知'
    const base = { countyDirective: true, draftingDepartmentId: deptId('市水利局'), signKind: '一般' as const, body: '经市政府同意，现就做好冬春农田水利建设工作通知如下。\n一、提高认识' }
    const missing = await api.call('outgoing.draft', { ...(await draftInput()), ...base, series: '资府发', title: `资阳市人民政府${subject}` })
    expect(missing.body.error).toMatchObject({ code: 'RULE', rule: 'R-D5' })
    expect(missing.body.error!.message).toContain('公文设置中还没有市水利局的发文字号序列')

    await api.ok('settings.update', { documentSeries: [...documentSeries, { code: '资水发', issuer: '资阳市水利局', mark: '资阳市水利局文件', letter: false, department: '市水利局' }] })
    const inCity = await api.call('outgoing.draft', { ...(await draftInput()), ...base, series: '资府发', title: `资阳市人民政府${subject}` })
    expect(inCity.body.error!.message).toBe('第四十九条：本文以市水利局名义印发，应使用市水利局的发文字号序列（资水发），不能用资府发。')
    const cityTitle = await api.call('outgoing.draft', { ...(await draftInput()), ...base, series: '资水发', title: `资阳市人民政府${subject}` })
    expect(cityTitle.body.error!.message).toContain('标题应为“资阳市水利局关于……”')

    const v = await api.ok('outgoing.draft', { ...(await draftInput()), ...base, series: '资水发', title: `资阳市水利局${subject}` })
    await signedOff(v.id, '局长乙')
    expect((await api.ok('outgoing.number', { id: v.id })).numberText).toBe('资水发〔2026〕1号')

    const f = await download(api, 'outgoing.exportDocumentDocx', { id: v.id })
    const text = docxText(f.buf)
    for (const t of ['资阳市水利局文件', '资水发〔2026〕1号', `资阳市水利局${subject.slice(0, 6)}`, '经市政府同意', '资阳市水利局2026年12月16日', '资阳市水利局\t2026年12月20日印发']) expect(text, t).toContain(t)
    expect(text).not.toContain('资阳市人民政府文件')
    expect(text).not.toContain('资府发')
    await render(f.buf, 'taohong-rd5-department')

    // the city series is untouched: its next document is still 资府发〔2026〕1号
    const city = await draft({ title: '资阳市人民政府关于做好2027年元旦春节期间有关工作的通知', body: '现就有关工作通知如下。' })
    await signedOff(city.id)
    expect((await api.ok('outgoing.number', { id: city.id })).numberText).toBe('资府发〔2026〕1号')
  })
})

/** The 通知's fields without a series, title or body: each R-D5 case adds its own. */
async function draftInput() {
  const t = await draftTemplate(api, '通知')
  return { docType: '通知' as const, addressee: '各县（区）人民政府', urgency: '无' as const, publicity: t.publicity, drafter: '王工' }
}

describe('a 收文 gets its forgotten scan after registration', () => {
  it('adds the file with a reason: it is listed on the 收文 and the audit names the file and the reason', async () => {
    const doc = await api.ok('incoming.receive', {
      receivedAt: '2026-12-18 09:10', sender: '市水利局', senderDepartmentId: deptId('市水利局'), senderNumber: '资水〔2026〕51号',
      title: '关于申请山洪灾害防治项目资金的请示', docType: '请示', urgency: '无', copies: 1, arrival: '专人送达', files: [],
    })
    expect(doc.files).toEqual([])
    const noReason = await api.call('incoming.addFiles', { id: doc.id, files: [{ kind: '扫描件', file: await upload('请示扫描件.pdf', '%PDF-1.4 扫描件', 'application/pdf') }], reason: '' })
    expect(noReason.body.error).toMatchObject({ code: 'VALIDATION' })
    const v = await api.ok('incoming.addFiles', {
      id: doc.id, reason: '登记时漏扫，补扫描件', files: [{ kind: '扫描件', file: await upload('请示扫描件.pdf', '%PDF-1.4 扫描件', 'application/pdf') }],
    })
    expect(v.files).toEqual([expect.objectContaining({ kind: '扫描件', name: '请示扫描件.pdf' })])
    const { rows } = await auditor.ok('audit.list', { entity: '收文', entityId: String(doc.id) })
    const added = must(rows.find((r) => r.procedure === 'incoming.addFiles'), '补充文件的审计记录')
    expect(added.operator).toBe('李科长')
    expect(added.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: '补充文件', after: '扫描件：请示扫描件.pdf' }), expect.objectContaining({ field: '理由', after: '登记时漏扫，补扫描件' }),
    ]))
    const reader = rpcClient(server.url)
    await reader.login('chayue')
    const refused = await reader.call('incoming.addFiles', { id: doc.id, reason: '补充', files: [{ kind: '附件', file: { name: 'x.pdf', mime: 'application/pdf', upload: 'a'.repeat(32) } }] })
    expect(refused.status).toBe(403)
  })
})
