import { describe, expect, it } from 'vitest'
import { rpcClient, download, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, draftTemplate } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { fillTitle } from '../../src-main/documents/outgoing/templates'
import { docxText, unzipPart } from '../helpers/zip'
import { hasLibreOffice, renderDocx } from '../helpers/render'

const OUT = 'test-results/print'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-12-20T10:00:00+08:00' })
const { deptId, personId } = demo
const upload = (name: string, content: string) => uploadAs(server.url, api, name, content)

const exportFile = (name: 'outgoing.exportDocumentDocx' | 'outgoing.exportSignOffSheetDocx' | 'incoming.exportRoutingSlipDocx', input: { id: number }) => download(api, name, input)

const ids: Record<string, number> = {}

describe('the 公文 and the 发文稿纸 from an outgoing document', () => {
  it('prints a draft with （编号） on the number line and 草稿 in the file name (X-1)', async () => {
    const t = await draftTemplate(api, '通知')
    const v = await api.ok('outgoing.draft', {
      docType: '通知', signKind: t.signKind, series: '资府发', title: fillTitle(t.titlePattern, '做好2027年元旦春节期间道路交通安全工作'),
      addressee: t.addressee, cc: '市委办公室，市人大常委会办公室，市政协办公室。', body: t.body, attachmentNames: ['工作安排表', '责任人名单'],
      classification: '机密', secrecyPeriod: '1年', urgency: '特急', draftingDepartmentId: deptId('市交通运输局'), drafter: '罗佳怡',
      publicity: '不予公开', note: '此件发至县级',
    })
    ids.notice = v.id
    const f = await exportFile('outgoing.exportDocumentDocx', { id: v.id })
    expect(f.mime).toBe(DOCX)
    expect(f.filename).toBe('资阳市人民政府关于做好2027年元旦春节期间道路交通安全工作的通知（草稿）.docx')
    const text = docxText(f.buf)
    expect(text).toContain('资阳市人民政府文件')
    expect(text).toContain('（编号）')
    expect(text).toContain('000001') // a classified document carries a 份号
    expect(text).toContain('机密★1年')
    expect(text).toContain('特急')
    const sheet = await exportFile('outgoing.exportSignOffSheetDocx', { id: v.id })
    expect(sheet.filename).toBe('发文稿纸（未编号）资阳市人民政府关于做好2027年元旦春节期间道路交通安全工作的通知.docx')
    expect(docxText(sheet.buf)).toContain('资阳市人民政府发文稿纸')
  })

  it('after 核稿, 签发, 编号 and 印发 prints the numbered 公文 with 份号, marks, 附件, 署名, 附注 and 版记', async () => {
    const steps = [['部门负责人', '局长甲', '同意，请办公室审核。', '2026-12-01'], ['办公室秘书', '许文杰', '文字已核。', '2026-12-02'], ['办公室负责人', '何振华', '呈陈副市长签发。', '2026-12-02']] as const
    for (const [step, reviewer, opinion, date] of steps) await api.ok('outgoing.review', { id: ids.notice, step, reviewer, opinion, date })
    await api.ok('outgoing.signOff', { id: ids.notice, signerId: personId('陈立新'), opinion: '同意印发。', date: '2026-12-03' })
    const numbered = await api.ok('outgoing.number', { id: ids.notice })
    await api.ok('outgoing.check', { id: ids.notice, checkedBy: '许文杰' })
    await api.ok('outgoing.issue', { id: ids.notice, issuedOn: '2026-12-05', copies: 80, distribution: '各县（区）人民政府，市政府各部门', firstCopyNumber: 5 })
    expect(numbered.numberText).toMatch(/^资府发〔2026〕\d+号$/)
    const numberText = must(numbered.numberText, '编号后的文号')

    const f = await exportFile('outgoing.exportDocumentDocx', { id: ids.notice })
    expect(f.filename).toBe(`${numbered.numberText}资阳市人民政府关于做好2027年元旦春节期间道路交通安全工作的通知.docx`)
    const xml = unzipPart(f.buf, 'word/document.xml')
    const text = docxText(f.buf)
    for (const t of ['000005', '机密★1年', '特急', '资阳市人民政府文件', numberText, '资阳市人民政府关于做好', '附件：1.工作安排表', '2.责任人名单',
      '资阳市人民政府', '2026年12月3日', '（此件发至县级）', '抄送：市委办公室，市人大常委会办公室，市政协办公室。', '资阳市人民政府办公室', '2026年12月5日印发']) expect(text, t).toContain(t)
    expect(text).not.toContain('（编号）')
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>/)
    for (const f of xml.match(/<w:rFonts [^>]*>/g)!) expect(f).toMatch(/w:eastAsia="[^"]+"/)

    const sheet = await exportFile('outgoing.exportSignOffSheetDocx', { id: ids.notice })
    const s = docxText(sheet.buf)
    for (const t of ['签发', '同意印发。', '陈立新', '2026年12月3日', '部门负责人：同意，请办公室审核。', '局长甲', '办公室负责人：呈陈副市长签发。', '何振华', '2026年12月2日',
      '市交通运输局', '罗佳怡', numberText, '机密★1年', '特急', '不予公开', '80份', '许文杰', '2026年12月5日']) expect(s, t).toContain(t)
    expect(s.indexOf('同意印发。')).toBeLessThan(s.indexOf('部门负责人'))

    if (hasLibreOffice()) {
      const r = renderDocx(f.buf, OUT, 'documents-api-file')
      expect(r.pageCount % 2).toBe(0)
      expect(r.text.replace(/\s+/g, '')).toContain(numbered.numberText)
    }
  }, 120_000)

  it('prints a 上行文 with 签发人 beside the 字号, and a 函 in the 信函 style', async () => {
    const v = await api.ok('outgoing.draft', {
      docType: '请示', signKind: '报省政府', series: '资府发', title: '资阳市人民政府关于恳请支持资阳临空经济区建设的请示', addressee: '四川省人民政府',
      body: '现将有关事项请示如下。\n一、基本情况\n妥否，请批示。', upward: true, drafter: '罗佳怡',
    })
    const draft = docxText((await exportFile('outgoing.exportDocumentDocx', { id: v.id })).buf)
    expect(draft).toContain('（编号）\t签发人：')
    const letter = await api.ok('outgoing.draft', {
      docType: '函', signKind: '一般', series: '资府函', title: '资阳市人民政府关于商请支持沱江流域综合治理的函', addressee: '内江市人民政府',
      body: '现商请如下。\n请予支持为盼。', drafter: '罗佳怡',
    })
    const f = await exportFile('outgoing.exportDocumentDocx', { id: letter.id })
    expect(unzipPart(f.buf, 'word/document.xml')).toContain('<w:titlePg/>')
    expect(docxText(f.buf)).not.toContain('资阳市人民政府文件')
  })

  it('refuses an unknown document and a signed-out caller', async () => {
    const r = await api.call('outgoing.exportDocumentDocx', { id: 99999 })
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND' })
    const anon = rpcClient(server.url)
    const a = await anon.call('outgoing.exportSignOffSheetDocx', { id: ids.notice })
    expect(a.body.ok).toBe(false)
    expect(a.status).toBe(401)
  })
})

describe('the 收文处理笺 from an incoming document', () => {
  it('prints the registration, 拟办意见, each 批示 with name and date, 承办, 反馈, 催办 and 办结', async () => {
    const doc = await api.ok('incoming.receive', {
      receivedAt: '2026-12-01 09:10', sender: '市住房和城乡建设局', senderDepartmentId: deptId('市住房和城乡建设局'), senderNumber: '资住建〔2026〕88号',
      title: '关于申请城区老旧小区改造补助资金的请示', docType: '请示', urgency: '加急', copies: 2, pages: 6, arrival: '专人送达', files: [],
    })
    const id = doc.id
    await api.ok('incoming.review', { id, reviewedOn: '2026-12-01' })
    await api.ok('incoming.propose', { id, proposal: '拟请陈立新副市长阅示，交市住房和城乡建设局会同市财政局办理。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
    await api.ok('incoming.send', { id, leaderIds: [personId('陈立新')], sentOn: '2026-12-01' })
    await api.ok('incoming.instruct', { id, leaderId: personId('陈立新'), kind: '批示', opinion: '同意拟办意见，请住建局抓紧办理。', instructedOn: '2026-12-02' })
    const assigned = await api.ok('incoming.assign', { id, hostDepartmentId: deptId('市住房和城乡建设局'), assistingDepartmentIds: [deptId('市财政局')], assignedOn: '2026-12-02' })
    const host = must(assigned.assignments.find((a) => a.role === '主办'), '主办单位').id
    await api.ok('incoming.chase', { id, assignmentId: host, chaser: '邓宇航', chasedOn: '2026-12-07', note: '电话催办，住建局称本周内报送' })
    await api.ok('incoming.feedback', { assignmentId: host, feedback: '已完成改造方案，12月15日开工。', feedbackOn: '2026-12-08', file: await upload('办理情况报告.pdf', '住建局办理情况报告') })
    await api.ok('incoming.close', { id, closedOn: '2026-12-09', closingNote: '住建局已反馈，供暖季前开工。' })

    const f = await exportFile('incoming.exportRoutingSlipDocx', { id })
    expect(f.mime).toBe(DOCX)
    expect(f.filename).toMatch(/^收文处理笺（收〔2026〕\d+号）关于申请城区老旧小区改造补助资金的请示\.docx$/)
    const text = docxText(f.buf)
    for (const t of ['资阳市人民政府办公室收文处理笺', `收〔2026〕${doc.seq}号`, '2026年12月1日 9:10', '市住房和城乡建设局', '资住建〔2026〕88号', '加急', '2份（6页）',
      '拟请陈立新副市长阅示', '许文杰　2026年12月1日', '同意拟办意见，请住建局抓紧办理。', '陈立新　2026年12月2日', '主办：市住房和城乡建设局', '协办：市财政局',
      '市住房和城乡建设局：已完成改造方案，12月15日开工。', '2026年12月8日', '2026年12月7日　邓宇航催办市住房和城乡建设局：电话催办，住建局称本周内报送',
      '2026年12月9日', '住建局已反馈，供暖季前开工。']) expect(text, t).toContain(t)
    if (hasLibreOffice()) expect(renderDocx(f.buf, OUT, 'documents-api-routing-slip').pageCount).toBe(1)
  }, 120_000)

  it('prints an ordinary unclassified 收文\'s 密级 as 非涉密 and 紧急程度 as 一般, as its page shows them, never 无 (issue 16)', async () => {
    const doc = await api.ok('incoming.receive', {
      receivedAt: '2026-12-01 09:20', sender: '市统计局', senderDepartmentId: deptId('市统计局'), title: '关于全市经济运行情况的报告', docType: '报告', arrival: '机要交通', files: [],
    })
    const text = docxText((await exportFile('incoming.exportRoutingSlipDocx', { id: doc.id })).buf)
    expect(text).toContain('密级非涉密紧急程度一般')
    expect(text).not.toMatch(/密级无|紧急程度无/)
  })

  it('refuses an unknown incoming document', async () => {
    const r = await api.call('incoming.exportRoutingSlipDocx', { id: 99999 })
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND' })
  })
})
