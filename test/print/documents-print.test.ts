import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { officialDocumentDocx, titleLines, type OfficialDocumentPrint } from '../../src-main/documents/print/docx'
import { routingSlipDocx, signOffSheetDocx, type RoutingSlipPrint, type SignOffSheetPrint } from '../../src-main/documents/print/forms'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { unzipPart } from '../helpers/zip'
import { expectGbtPageNumbers } from '../helpers/gbt-checks'

const OUT = 'test-results/print'

/** A classified, urgent 通知 of the city government with four 一、 sections, sub-headings at every level and two attachments. */
const fileData: OfficialDocumentPrint = {
  mark: '资阳市人民政府文件',
  issuer: '资阳市人民政府',
  printer: '资阳市人民政府办公室',
  copyNumber: 12,
  classification: '机密',
  secrecyPeriod: '1年',
  urgency: '特急',
  number: '资府发〔2026〕12号',
  title: '资阳市人民政府关于进一步加强2026年防汛减灾工作的通知',
  addressee: '各县（区）人民政府，市政府各部门，有关单位',
  body: [
    '为切实做好2026年防汛减灾工作，保障人民群众生命财产安全，经市政府同意，现就有关事项通知如下。',
    '一、提高思想认识',
    '今年我市汛期降雨偏多、极端天气多发，防汛形势严峻复杂。各地各部门要坚持人民至上、生命至上，克服麻痹思想和侥幸心理，切实把防汛减灾工作摆在突出位置。',
    '二、压实工作责任',
    '（一）落实行政首长负责制。各县（区）政府主要负责同志是本行政区域防汛第一责任人，要亲自部署、亲自督促检查。',
    '（二）明确部门职责。市应急管理局要牵头做好综合协调，市水利局要加强水库、河道和山洪灾害防御，市自然资源和规划局要做好地质灾害防治。',
    '1.水库安全度汛。病险水库一律空库运行，小型水库落实“三个责任人”。',
    '2.城市内涝防治。市住房城乡建设局要在5月31日前完成排水管网清淤。',
    '（1）重点部位。下穿隧道、地下车库等低洼区域要设置警示标志。',
    '三、强化监测预警',
    '市气象局、市水文中心要加强会商研判，及时发布预警信息，确保预警信息第一时间传递到基层责任人和受威胁群众。',
    '四、做好应急准备',
    '各地要充实抢险队伍和物资储备，严格执行汛期24小时值班和领导带班制度，遇有重大险情灾情按规定第一时间报告。',
  ].join('\n'),
  attachments: ['2026年资阳市防汛重点部位责任人名单', '资阳市防汛应急物资储备清单'],
  date: '2026-05-08',
  note: '此件发至县级',
  cc: ['市委办公室', '市人大常委会办公室', '市政协办公室', '市中级人民法院', '市人民检察院', '资阳军分区'],
  printDate: '2026-05-09',
}

/** A 请示 to the province (上行文): 签发人 beside the 字号, unclassified, 加急. */
const upwardData: OfficialDocumentPrint = {
  ...fileData,
  copyNumber: null,
  classification: '无',
  secrecyPeriod: null,
  urgency: '加急',
  signers: ['张明远'],
  number: '资府〔2026〕8号',
  title: '资阳市人民政府关于恳请支持资阳临空经济区建设的请示',
  addressee: '四川省人民政府',
  body: [
    '资阳临空经济区是天府国际机场临空经济区的重要组成部分。为加快建设步伐，现将有关事项请示如下。',
    '一、基本情况',
    '经济区规划面积约87平方公里，已入驻企业156家，2025年实现地区生产总值186亿元。',
    '二、请求事项',
    '（一）支持将临空经济区纳入省级重点开发平台。',
    '（二）支持安排专项债券额度30亿元用于基础设施建设。',
    '妥否，请批示。',
  ].join('\n'),
  attachments: ['资阳临空经济区建设方案'],
  note: '联系人：王芳，电话：028-26612345',
  cc: [],
}

/** A 函 in the 信函 style. */
const letterData: OfficialDocumentPrint = {
  ...fileData,
  letter: true,
  mark: '资阳市人民政府',
  copyNumber: null,
  classification: '无',
  secrecyPeriod: null,
  urgency: '加急',
  number: '资府函〔2026〕31号',
  title: '资阳市人民政府关于商请支持沱江流域综合治理的函',
  addressee: '内江市人民政府',
  body: [
    '沱江流经资阳、内江两市，流域综合治理事关两地群众切身利益。为协同推进沱江流域水生态环境保护，现商请如下。',
    '一、建立联席会议制度，每半年召开一次会议，通报治理进展，协调解决重大问题。',
    '二、共享水质监测数据，交界断面实行联合监测。',
    '请予支持为盼。',
  ].join('\n'),
  attachments: [],
  note: null,
  cc: ['四川省水利厅'],
}

const slipData: RoutingSlipPrint = {
  officeName: '资阳市人民政府办公室',
  receiptNumber: '收〔2026〕123号',
  receivedAt: '2026-05-08T09:30',
  sender: '资阳市应急管理局',
  senderNumber: '资应急〔2026〕45号',
  docType: '请示',
  classification: '机密',
  secrecyPeriod: '1年',
  urgency: '特急',
  copies: 2,
  pages: 6,
  title: '资阳市应急管理局关于申请2026年防汛应急物资储备资金的请示',
  proposal: { text: '拟请李国华副市长阅示，由市财政局会同市应急管理局研究办理。', by: '王芳', on: '2026-05-08' },
  instructions: [
    { leader: '李国华', leaderTitle: '副市长', kind: '批示', opinion: '同意拟办意见。请市财政局统筹安排，5月20日前将方案报市政府。', on: '2026-05-09', sentOn: '2026-05-08' },
    { leader: '张明远', leaderTitle: '市长', kind: '圈阅', meaning: '同意', on: '2026-05-10', sentOn: '2026-05-09' },
    { leader: '刘芳', leaderTitle: '秘书长', kind: null, opinion: null, on: null, sentOn: '2026-05-10' },
  ],
  assignments: [
    { department: '市财政局', role: '主办', deadline: '2026-05-20', feedback: '已安排应急物资储备资金800万元，方案已报市政府。', feedbackOn: '2026-05-19' },
    { department: '市应急管理局', role: '协办', deadline: '2026-05-18' },
  ],
  deadline: '2026-05-20',
  chases: [{ chaser: '王芳', on: '2026-05-15', department: '市财政局', note: '电话催办，答复5月19日前报送' }],
  closedOn: '2026-05-20',
  closingNote: null,
}

const sheetData: SignOffSheetPrint = {
  issuer: '资阳市人民政府',
  signOff: { opinion: '同意印发。', name: '李国华', on: '2026-05-08' },
  countersigns: [],
  reviews: [
    { step: '部门负责人', reviewer: '罗明', opinion: '请办公室审核。', on: '2026-05-06' },
    { step: '办公室秘书', reviewer: '王芳', opinion: '文字已核，格式规范。', on: '2026-05-07' },
    { step: '办公室负责人', reviewer: '黄伟', opinion: '请李国华副市长签发。', on: '2026-05-07' },
  ],
  draftingUnit: '市应急管理局',
  drafter: '陈静',
  number: '资府发〔2026〕12号',
  docType: '通知',
  classification: '机密',
  secrecyPeriod: '1年',
  urgency: '特急',
  publicity: '不予公开',
  title: '资阳市人民政府关于进一步加强2026年防汛减灾工作的通知',
  addressee: '各县（区）人民政府，市政府各部门，有关单位',
  cc: '市委办公室，市人大常委会办公室，市政协办公室，市中级人民法院，市人民检察院，资阳军分区',
  attachments: ['2026年资阳市防汛重点部位责任人名单', '资阳市防汛应急物资储备清单'],
  copies: 60,
  checkedBy: '王芳',
  issuedOn: '2026-05-09',
}

/** The run (<w:r> … </w:r>) whose text is exactly `text`. */
const runOf = (xml: string, text: string) => xml.split('<w:r>').find((r) => r.includes(`>${text}<`))
/** The paragraph (<w:p> … </w:p>) containing `text`. */
const paraOf = (xml: string, text: string) => xml.split('<w:p>').find((p) => p.includes(text))
const flat = (s: string) => s.replace(/\s+/g, '')

let file: Buffer
let upward: Buffer
let letter: Buffer
let slip: Buffer
let sheet: Buffer
let fileXml: string
beforeAll(async () => {
  ;[file, upward, letter, slip, sheet] = await Promise.all([
    officialDocumentDocx(fileData),
    officialDocumentDocx(upwardData),
    officialDocumentDocx(letterData),
    routingSlipDocx(slipData),
    signOffSheetDocx(sheetData),
  ])
  fileXml = unzipPart(file, 'word/document.xml')
})

describe('the 公文 as a Word file (GB/T 9704)', () => {
  it('is A4 with the standard margins and the 22-line grid', () => {
    for (const buf of [file, upward, letter]) {
      const xml = unzipPart(buf, 'word/document.xml')
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
      const mar = xml.match(/<w:pgMar [^>]*>/)![0]
      for (const m of ['w:top="2098"', 'w:left="1587"', 'w:bottom="1984"', 'w:right="1474"']) expect(mar).toContain(m)
      expect(xml).toMatch(/<w:docGrid [^>]*w:linePitch="578"/)
    }
  })

  it('sets every run in a named East Asian font in the 公文 and both forms (X-7)', () => {
    for (const buf of [file, upward, letter, slip, sheet]) {
      for (const part of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml']) {
        const fonts = unzipPart(buf, part).match(/<w:rFonts [^>]*>/g) ?? []
        expect(fonts.length).toBeGreaterThan(0)
        for (const f of fonts) expect(f).toMatch(/w:eastAsia="[^"]+"/)
      }
      expect(unzipPart(buf, 'word/theme/theme1.xml')).toMatch(/<a:ea typeface="仿宋_GB2312"\/>/)
    }
  })

  it('puts 份号, 密级和保密期限 and 紧急程度 top-left in that order, then the red 小标宋 mark', () => {
    const at = (s: string) => fileXml.indexOf(s)
    expect(at('>000012<')).toBeGreaterThan(0)
    expect(at('>机密★1年<')).toBeGreaterThan(at('>000012<'))
    expect(at('>特急<')).toBeGreaterThan(at('>机密★1年<'))
    expect(at('>资阳市人民政府文件<')).toBeGreaterThan(at('>特急<'))
    expect(runOf(fileXml, '机密★1年')).toContain('w:eastAsia="黑体"')
    expect(runOf(fileXml, '特急')).toContain('w:eastAsia="黑体"')
    expect(runOf(fileXml, '000012')).toContain('<w:sz w:val="32"/>')
    for (const t of ['000012', '机密★1年', '特急']) expect(paraOf(fileXml, `>${t}<`)).toContain('<w:jc w:val="left"/>')
    const mark = runOf(fileXml, '资阳市人民政府文件')!
    expect(mark).toContain('w:eastAsia="方正小标宋简体"')
    expect(mark).toContain('<w:color w:val="FF0000"/>')
    // three lines above the mark are inside its 35 mm: the space before it is 35 mm less those lines
    const before = Number(paraOf(fileXml, '>资阳市人民政府文件<')!.match(/w:before="(\d+)"/)![1])
    expect(before).toBeLessThan(1984 - 3 * 578)
  })

  it('prints no 份号 or 密级 on an unclassified document', () => {
    const xml = unzipPart(upward, 'word/document.xml')
    expect(xml).not.toContain('★')
    expect(xml).not.toMatch(/>\d{6}</)
    expect(xml).toContain('>加急<')
  })

  it('centres the 发文字号 two blank lines below the mark, then the red separator and the 2号小标宋 title', () => {
    const number = paraOf(fileXml, '>资府发〔2026〕12号<')!
    expect(number).toContain('<w:jc w:val="center"/>')
    const paras = fileXml.split('<w:p>')
    const i = paras.findIndex((p) => p.includes('>资府发〔2026〕12号<'))
    expect(paras[i - 1]).not.toMatch(/<w:t(?: [^>]*)?>[^<]+</)
    expect(paras[i - 2]).not.toMatch(/<w:t(?: [^>]*)?>[^<]+</)
    expect(paras[i - 3]).toContain('资阳市人民政府文件')
    expect(paras[i + 1]).toMatch(/<w:bottom [^>]*w:color="FF0000"/)
    const title = runOf(fileXml, '资阳市人民政府关于进一步')!
    expect(title).toContain('w:eastAsia="方正小标宋简体"')
    expect(title).toContain('<w:sz w:val="44"/>')
    expect(fileXml).toContain('>加强2026年防汛减灾工作的通知<')
  })

  it('breaks a long title between words, not inside a number or a book title', () => {
    expect(titleLines(fileData.title)).toEqual(['资阳市人民政府关于进一步', '加强2026年防汛减灾工作的通知'])
    // not inside a word (元旦), a number or a book title
    expect(titleLines('资阳市人民政府关于做好2027年元旦春节期间道路交通安全工作的通知')).toEqual(['资阳市人民政府关于做好2027年元旦', '春节期间道路交通安全工作的通知'])
    expect(titleLines('资阳市人民政府关于印发《资阳市城市更新实施办法（试行）》的通知')).toEqual(['资阳市人民政府关于印发', '《资阳市城市更新实施办法（试行）》的通知'])
    for (const l of titleLines('资阳市人民政府关于印发《资阳市城市更新实施办法（试行）》的通知')) expect([...l].length).toBeLessThanOrEqual(20)
    expect(titleLines('资阳市人民政府关于印发《资阳市城市更新实施办法（试行）》的通知').some((l) => l.includes('《') && !l.includes('》'))).toBe(false)
  })

  it('for a 上行文 puts the 字号 left and 签发人 (仿宋) with the name (楷体) on the same line, right', () => {
    const xml = unzipPart(upward, 'word/document.xml')
    const p = paraOf(xml, '>资府〔2026〕8号<')!
    expect(p).toContain('签发人：')
    expect(p).toMatch(/<w:tab w:val="left"/)
    expect(p).toMatch(/<w:ind w:left="320"/)
    expect(runOf(xml, '\t签发人：')).toContain('w:eastAsia="仿宋_GB2312"')
    expect(runOf(xml, '张明远')).toContain('w:eastAsia="楷体_GB2312"')
  })

  it('sets 主送 with a colon, headings 一、 黑体, （一） 楷体, 1. and （1） 仿宋, and the body 3号仿宋', () => {
    expect(fileXml).toContain('>各县（区）人民政府，市政府各部门，有关单位：<')
    expect(runOf(fileXml, '一、提高思想认识')).toContain('w:eastAsia="黑体"')
    expect(runOf(fileXml, '（一）落实行政首长负责制。')).toContain('w:eastAsia="楷体_GB2312"')
    expect(runOf(fileXml, '1.水库安全度汛。')).toContain('w:eastAsia="仿宋_GB2312"')
    expect(runOf(fileXml, '（1）重点部位。')).toContain('w:eastAsia="仿宋_GB2312"')
    const body = runOf(fileXml, '各县（区）政府主要负责同志是本行政区域防汛第一责任人，要亲自部署、亲自督促检查。')!
    expect(body).toContain('w:eastAsia="仿宋_GB2312"')
    expect(body).toContain('<w:sz w:val="32"/>')
    expect(paraOf(fileXml, '一、提高思想认识')).toContain('<w:keepNext/>')
    expect(paraOf(fileXml, '一、提高思想认识')).toContain('w:firstLine="640"')
  })

  it('numbers several attachments, then the 署名, the date and the 附注 in parentheses', () => {
    expect(fileXml).toContain('>附件：1.2026年资阳市防汛重点部位责任人名单<')
    expect(fileXml).toContain('>2.资阳市防汛应急物资储备清单<')
    expect(paraOf(fileXml, '>资阳市人民政府<')).toContain('<w:jc w:val="right"/>')
    expect(fileXml).toContain('>2026年5月8日<')
    const note = paraOf(fileXml, '>（此件发至县级）<')!
    expect(note).toContain('w:firstLine="640"')
    const at = (s: string) => fileXml.indexOf(s)
    expect(at('>（此件发至县级）<')).toBeGreaterThan(at('>2026年5月8日<'))
    expect(unzipPart(upward, 'word/document.xml')).toContain('>附件：资阳临空经济区建设方案<')
  })

  it('has a 版记 with 抄送 and 印发 in 4号仿宋 at the foot of the page', () => {
    const table = fileXml.slice(fileXml.indexOf('<w:tbl>'), fileXml.indexOf('</w:tbl>'))
    expect(table).toContain('抄送：市委办公室，市人大常委会办公室，市政协办公室，市中级人民法院，市人民检察院，资阳军分区。')
    expect(table).toContain('2026年5月9日印发')
    expect(runOf(table, '资阳市人民政府办公室')).toContain('<w:sz w:val="28"/>')
    expect(fileXml).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"/)
    expectGbtPageNumbers(file)
  })

  it('sets a 函 in the 信函 style: the mark without 文件 in the first page’s header, red double lines, no page number on page 1', () => {
    const xml = unzipPart(letter, 'word/document.xml')
    expect(xml).toContain('<w:titlePg/>')
    expect(xml).toMatch(/<w:headerReference w:type="first"/)
    const headers = ['word/header1.xml', 'word/header2.xml'].map((p) => { try { return unzipPart(letter, p) } catch { return '' } }).join('')
    expect(runOf(headers, '资阳市人民政府')).toContain('<w:color w:val="FF0000"/>')
    const top = headers.match(/<w:top [^>]*>/)![0]
    const bottom = headers.match(/<w:bottom [^>]*>/)![0]
    for (const b of [top, bottom]) expect(b).toContain('w:color="FF0000"')
    expect(top).toContain('w:sz="12"') // thick over thin
    expect(bottom).toContain('w:sz="4"')
    expect(xml).not.toContain('资阳市人民政府文件')
    // 字号 on the first line, flush right
    expect(paraOf(xml, '资府函〔2026〕31号')).toMatch(/<w:tab w:val="right"/)
    // 版记: only 抄送, no 印发 line
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'))
    expect(table).toContain('抄送：四川省水利厅。')
    expect(table).not.toContain('印发')
  })
})

describe('the 收文处理笺 and the 发文稿纸 as Word files', () => {
  const cells = (buf: Buffer) => [...unzipPart(buf, 'word/document.xml').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
    .map((tc) => [...tc[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))

  it('are A4 portrait with the standard margins, title in 2号小标宋, labels 3号仿宋 and entries 4号仿宋 in a bordered table', () => {
    for (const [buf, title] of [[slip, '资阳市人民政府办公室收文处理笺'], [sheet, '资阳市人民政府发文稿纸']] as const) {
      const xml = unzipPart(buf, 'word/document.xml')
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
      expect(xml).not.toMatch(/w:orient="landscape"/)
      expect(xml.match(/<w:pgMar [^>]*>/)![0]).toContain('w:left="1587"')
      const t = runOf(xml, title)!
      expect(t).toContain('w:eastAsia="方正小标宋简体"')
      expect(t).toContain('<w:sz w:val="44"/>')
      expect(xml).toMatch(/<w:tblBorders>[\s\S]*<w:insideH w:val="single"/)
      expect(runOf(xml, '标题')).toContain('<w:sz w:val="32"/>')
      expect(runOf(xml, '标题')).toContain('w:eastAsia="仿宋_GB2312"')
      expect(runOf(xml, buf === slip ? slipData.title : sheetData.title)).toContain('<w:sz w:val="28"/>')
      // no 22-line grid under the tables (LibreOffice would snap every table line to it)
      expect(xml).not.toMatch(/<w:docGrid [^>]*w:linePitch="578"/)
    }
  })

  it('the 收文处理笺 carries the registration, the 拟办意见, every 批示 with name and date, 承办, 结果, 催办 and 办结', () => {
    const c = cells(slip)
    const after = (label: string) => c[c.indexOf(label) + 1]
    expect(after('收文号')).toBe('收〔2026〕123号')
    expect(after('收文日期')).toBe('2026年5月8日 9:30')
    expect(after('来文机关')).toBe('资阳市应急管理局')
    expect(after('来文字号')).toBe('资应急〔2026〕45号')
    expect(after('密级')).toBe('机密★1年')
    expect(after('紧急程度')).toBe('特急')
    expect(after('份数')).toBe('2份（6页）')
    expect(after('标题')).toBe(slipData.title)
    expect(after('拟办意见')).toBe('拟请李国华副市长阅示，由市财政局会同市应急管理局研究办理。王芳　2026年5月8日')
    expect(after('领导批示')).toContain('同意拟办意见。请市财政局统筹安排，5月20日前将方案报市政府。副市长李国华　2026年5月9日')
    expect(after('领导批示')).toContain('圈阅（同意）市长张明远　2026年5月10日')
    expect(after('领导批示')).toContain('秘书长刘芳：（2026年5月10日送待批示）')
    expect(after('承办单位')).toBe('主办：市财政局（2026年5月20日前办结）协办：市应急管理局（2026年5月18日前反馈）')
    expect(after('办理时限')).toBe('2026年5月20日')
    expect(after('办理结果')).toContain('市财政局：已安排应急物资储备资金800万元，方案已报市政府。2026年5月19日')
    expect(after('催办记录')).toBe('2026年5月15日　王芳催办市财政局：电话催办，答复5月19日前报送')
    expect(after('办结日期')).toBe('2026年5月20日')
    const xml = unzipPart(slip, 'word/document.xml')
    expect(runOf(xml, '同意拟办意见。请市财政局统筹安排，5月20日前将方案报市政府。')).toContain('w:eastAsia="楷体_GB2312"')
  })

  it('the 发文稿纸 has 签发 first, then 会签 and each 核稿 step with opinion, name and date, and the document’s particulars', () => {
    const c = cells(sheet)
    expect(c[0]).toBe('签发')
    const after = (label: string) => c[c.indexOf(label) + 1]
    expect(after('签发')).toBe('同意印发。李国华　2026年5月8日')
    expect(after('会签')).toBe('')
    expect(after('核稿')).toBe('部门负责人：请办公室审核。罗明　2026年5月6日办公室秘书：文字已核，格式规范。王芳　2026年5月7日办公室负责人：请李国华副市长签发。黄伟　2026年5月7日')
    expect(after('拟稿单位')).toBe('市应急管理局')
    expect(after('拟稿人')).toBe('陈静')
    expect(after('发文字号')).toBe('资府发〔2026〕12号')
    expect(after('密级')).toBe('机密★1年')
    expect(after('紧急程度')).toBe('特急')
    expect(after('公开属性')).toBe('不予公开')
    expect(after('印发份数')).toBe('60份')
    expect(after('主送')).toBe(sheetData.addressee)
    expect(after('抄送')).toBe(sheetData.cc)
    expect(after('附件')).toBe('1.2026年资阳市防汛重点部位责任人名单2.资阳市防汛应急物资储备清单')
  })
})

describe('the 公文 and the forms rendered with LibreOffice', () => {
  const available = hasLibreOffice()
  if (!available && process.env.CI === 'true') {
    it('has LibreOffice to render with (the README test command installs it)', () => {
      expect(available, 'soffice, pdftoppm and pdftotext must be on PATH when CI=true').toBe(true)
    })
  }
  const run = available ? it : it.skip
  const pages = (text: string) => text.split('\f').filter((p) => p.trim())

  run('renders the 资阳市人民政府文件 with every part, the 版记 on the last, even page', () => {
    const r = renderDocx(file, OUT, 'documents-file')
    expect(r.pageCount % 2).toBe(0)
    const text = flat(r.text)
    for (const t of ['000012', '机密★1年', '特急', '资阳市人民政府文件', '资府发〔2026〕12号', '资阳市人民政府关于进一步加强2026年防汛减灾工作的通知',
      '各县（区）人民政府，市政府各部门，有关单位：', '一、提高思想认识', '（一）落实行政首长负责制。', '1.水库安全度汛。', '（1）重点部位。',
      '附件：1.2026年资阳市防汛重点部位责任人名单', '2.资阳市防汛应急物资储备清单', '资阳市人民政府2026年5月8日', '（此件发至县级）',
      '抄送：市委办公室', '资阳军分区。', '资阳市人民政府办公室2026年5月9日印发', '—1—', '—2—']) expect(text, t).toContain(t)
    const p = pages(r.text)
    expect(flat(p[0]).startsWith('000012机密★1年特急资阳市人民政府文件资府发〔2026〕12号')).toBe(true)
    expect(flat(p.at(-1)!)).toMatch(/印发—\d+—$/)
    // the signature is not alone on its page
    const signed = p.find((x) => flat(x).includes('资阳市人民政府2026年5月8日'))!
    expect(flat(signed)).toContain('附件：')
  }, 120_000)

  run('puts the mark’s top edge 35 mm below the top of the type area even with three lines above it', () => {
    const r = renderDocx(file, OUT, 'documents-file')
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', r.pdfPath, '-'], { encoding: 'utf8' })
    const word = bbox.split('\n').find((l) => l.includes('<word') && l.includes('资阳市人民政府文件'))!
    const mm = (Number(word.match(/yMin="([\d.]+)"/)![1]) / 72) * 25.4
    expect(mm).toBeGreaterThan(68)
    expect(mm).toBeLessThan(73)
  }, 120_000)

  run('renders the 上行文 with 签发人 beside the 字号 and the 信函 with its mark 30 mm from the top and no number on page 1', () => {
    const up = renderDocx(upward, OUT, 'documents-upward')
    expect(up.pageCount % 2).toBe(0)
    expect(flat(up.text)).toContain('资府〔2026〕8号签发人：张明远')
    expect(flat(up.text)).toContain('（联系人：王芳，电话：028-26612345）')
    const lt = renderDocx(letter, OUT, 'documents-letter')
    const first = flat(pages(lt.text)[0])
    expect(first.startsWith('资阳市人民政府加急资府函〔2026〕31号')).toBe(true)
    expect(first).not.toContain('—1—')
    expect(flat(lt.text)).toContain('抄送：四川省水利厅。')
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', lt.pdfPath, '-'], { encoding: 'utf8' })
    const word = bbox.split('\n').find((l) => l.includes('<word') && l.includes('资阳市人民政府'))!
    const mm = (Number(word.match(/yMin="([\d.]+)"/)![1]) / 72) * 25.4
    expect(mm).toBeGreaterThan(26)
    expect(mm).toBeLessThan(31)
  }, 120_000)

  run('renders the 收文处理笺 and the 发文稿纸 each on one page with every entry', () => {
    const s = renderDocx(slip, OUT, 'documents-routing-slip')
    expect(s.pageCount).toBe(1)
    const st = flat(s.text)
    for (const t of ['资阳市人民政府办公室收文处理笺', '收〔2026〕123号', '资应急〔2026〕45号', '机密★1年', '拟办意见', '领导批示', '圈阅（同意）', '副市长李国华', '2026年5月9日', '市财政局（2026年5月20日前办结）', '催办记录', '办结日期']) expect(st, t).toContain(t)
    const o = renderDocx(sheet, OUT, 'documents-sign-off-sheet')
    expect(o.pageCount).toBe(1)
    const ot = flat(o.text)
    for (const t of ['资阳市人民政府发文稿纸', '签发', '同意印发。', '李国华', '2026年5月8日', '会签', '核稿', '办公室负责人：请李国华副市长签发。', '资府发〔2026〕12号', '不予公开', '60份']) expect(ot, t).toContain(t)
    expect(ot.indexOf('签发')).toBeLessThan(ot.indexOf('核稿'))
  }, 120_000)
})
