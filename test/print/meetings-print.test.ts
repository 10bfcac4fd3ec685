import { execFileSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { agendaDocx, minutesDocx, noticeDocx, type AgendaPrint, type MinutesPrint, type NoticePrint } from '../../src-main/meetings/docx'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { unzipPart } from '../helpers/zip'
import { expectGbtPageNumbers } from '../helpers/gbt-checks'

const OUT = 'test-results/print'

const settings = { governmentName: '资阳市人民政府', officeName: '资阳市人民政府办公室' }

/** The minutes of a 常务会议 with three topics, each with several decisions: two pages and more. */
const minutesData: MinutesPrint = {
  settings,
  mark: '资阳市人民政府常务会议纪要',
  number: '〔2026〕5号',
  date: '2026-10-14',
  opening:
    '2026年10月12日，市长张明远主持召开市政府第5次常务会议，传达学习省政府有关会议精神，研究城市更新、防汛减灾工作总结和优化营商环境等事项。现将会议议定事项纪要如下：',
  topics: [
    {
      heading: '关于2026年城市更新工作',
      decisions: [
        '会议听取了市住房城乡建设局关于2026年城市更新工作推进情况的汇报。会议认为，今年以来全市城市更新工作总体有序推进，老旧小区改造、背街小巷整治等民生项目群众反映良好。',
        '（一）加快项目建设进度。市住房城乡建设局要会同雁江区政府、高新区管委会，倒排工期、挂图作战，确保年内完成48个老旧小区改造任务，11月底前将推进情况报市政府。',
        '（二）强化资金要素保障。市财政局要统筹用好中央和省级补助资金，市发展改革委要积极争取超长期特别国债支持，市自然资源和规划局要优先保障项目用地。',
        '（三）严格质量安全监管。各施工单位要落实安全生产主体责任，市住房城乡建设局要加强巡查督导，发现问题立即整改，确保工程质量和施工安全。',
      ].join('\n'),
    },
    {
      heading: '关于2026年防汛减灾工作总结',
      decisions: [
        '会议听取了市应急管理局关于2026年防汛减灾工作情况的汇报，原则同意所作总结。会议指出，今年汛期全市未发生因灾死亡事故，各级各部门履职尽责、成效明显。',
        '会议要求，市应急管理局要牵头梳理汛期暴露的短板弱项，建立问题清单和整改台账，于12月15日前完成整改。市水利局要加快病险水库除险加固，市气象局要提升短临预报预警能力。各县（区）政府要加强基层应急队伍建设，完善群测群防体系，切实筑牢安全防线。',
      ].join('\n'),
    },
    {
      heading: '关于进一步优化营商环境的若干措施',
      decisions: [
        '会议原则同意市发展改革委提交的《资阳市进一步优化营商环境的若干措施（送审稿）》，由市发展改革委根据会议意见修改完善后，按程序以市政府办公室名义印发。',
        '会议强调，优化营商环境是推动高质量发展的重要抓手。各地各部门要对标先进地区，持续深化“放管服”改革，压减审批时限，提升政务服务水平。市政务服务和大数据局要加快推进“一网通办”，年底前实现高频事项全程网办。市司法局要加强涉企执法监督，坚决杜绝乱检查、乱罚款。市工商联要畅通政企沟通渠道，及时收集反映企业诉求。',
      ].join('\n'),
    },
  ],
  attendance: {
    present: ['张明远', '李国华', '王晓东', '陈建平', '刘芳', '赵志强', '周文斌'],
    onLeave: [{ name: '孙立新', reason: '在省外出差' }, { name: '吴海燕' }],
    attending: ['市政府副秘书长郑凯', '市政府办公室黄伟', '市发展改革委何平', '市财政局高远', '市住房城乡建设局梁红', '市应急管理局罗明', '市自然资源和规划局马骏', '雁江区政府杨帆'],
  },
  distribution: ['市委办公室', '市人大常委会办公室', '市政协办公室', '市级各部门', '各县（区）人民政府'],
  printDate: '2026-10-14',
}

const agendaData: AgendaPrint = {
  settings,
  title: '市政府第12次常务会议议程',
  date: '2026-11-26',
  halfDay: '上午',
  time: '9:00',
  place: '市政府第一会议室',
  chair: '张明远市长',
  topics: [
    { title: '审议《资阳市城市更新实施办法（送审稿）》', department: '市住房城乡建设局', reporter: '梁红（市住房城乡建设局局长）', attending: ['市财政局', '市自然资源和规划局', '雁江区政府'] },
    { title: '听取2026年防汛减灾工作情况汇报', department: '市应急管理局', reporter: '罗明（市应急管理局局长）', attending: ['市水利局', '市气象局'] },
    { title: '研究进一步优化营商环境的若干措施', department: '市发展改革委', reporter: '何平（市发展改革委主任）', attending: ['市政务服务和大数据局', '市司法局', '市工商联'] },
  ],
  notes: ['会务联系：市政府办公室秘书一科王芳，电话：028-26612345。'],
}

const noticeData: NoticePrint = {
  settings,
  title: '关于召开市政府第12次常务会议的通知',
  addressee: '各副市长、秘书长，市政府副秘书长，市级有关部门',
  opening: '经市长同意，定于2026年11月26日召开市政府第12次常务会议。现将有关事项通知如下：',
  items: [
    { heading: '会议时间', paragraphs: ['2026年11月26日（星期四）上午9:00。'] },
    { heading: '会议地点', paragraphs: ['市政府第一会议室。'] },
    { heading: '会议议题', paragraphs: ['（一）审议《资阳市城市更新实施办法（送审稿）》；', '（二）听取2026年防汛减灾工作情况汇报；', '（三）研究进一步优化营商环境的若干措施。'] },
    { heading: '参会人员', paragraphs: ['市长、副市长、秘书长；市政府副秘书长，市政府办公室主任、副主任；议题涉及的市级部门主要负责人。'] },
    {
      heading: '有关要求',
      paragraphs: [
        '（一）请议题汇报单位于11月20日前将汇报材料（一式30份）报送市政府办公室秘书一科。',
        '（二）请参会人员提前10分钟到场。因故不能参加会议的，按《资阳市人民政府工作规则》第三十九条向会议主持人请假。',
      ],
    },
  ],
  closing: ['联系人：王芳，电话：028-26612345。'],
  date: '2026-11-19',
  cc: ['市委办公室'],
  printDate: '2026-11-19',
}


/** The run (<w:r> … </w:r>) whose text is exactly `text`. */
const runOf = (xml: string, text: string) => xml.split('<w:r>').find((r) => r.includes(`>${text}<`))
/** The paragraph (<w:p> … </w:p>) containing `text`. */
const paraOf = (xml: string, text: string) => xml.split('<w:p>').find((p) => p.includes(text))

let minutes: Buffer
let agenda: Buffer
let notice: Buffer
let minutesXml: string
beforeAll(async () => {
  minutes = await minutesDocx(minutesData)
  agenda = await agendaDocx(agendaData)
  notice = await noticeDocx(noticeData)
  minutesXml = unzipPart(minutes, 'word/document.xml')
})

describe('the 纪要 as a Word file (GB/T 9704 §10.2)', () => {
  it('the 常务会议纪要 with three topics is A4 with the standard margins, 小标宋 red mark and 仿宋 body (GB/T 9704 §10.2)', () => {
    expect(minutesXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const mar = minutesXml.match(/<w:pgMar [^>]*>/)![0]
    for (const m of ['w:top="2098"', 'w:left="1587"', 'w:bottom="1984"', 'w:right="1474"']) expect(mar).toContain(m)
    expect(minutesXml).toMatch(/<w:docGrid [^>]*w:linePitch="578"/)
    const mark = runOf(minutesXml, '资阳市人民政府常务会议纪要')!
    expect(mark).toContain('w:eastAsia="方正小标宋简体"')
    expect(mark).toContain('<w:color w:val="FF0000"/>')
    // the mark fits the 156 mm type area on one line: 13 characters of 31 pt
    expect(Number(mark.match(/<w:sz w:val="(\d+)"/)![1])).toBeLessThanOrEqual(64)
    const body = runOf(minutesXml, minutesData.opening)!
    expect(body).toContain('w:eastAsia="仿宋_GB2312"')
    expect(body).toContain('<w:sz w:val="32"/>')
    expect(unzipPart(minutes, 'word/styles.xml')).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/)
  })

  it('sets every run in a named East Asian font, so Word and WPS open it without font warnings (X-7)', () => {
    for (const buf of [minutes, agenda, notice]) {
      for (const part of ['word/document.xml', 'word/styles.xml', 'word/footer1.xml']) {
        const fonts = unzipPart(buf, part).match(/<w:rFonts [^>]*>/g) ?? []
        expect(fonts.length).toBeGreaterThan(0)
        for (const f of fonts) expect(f).toMatch(/w:eastAsia="[^"]+"/)
      }
    }
  })

  it('puts the number centred under the mark, the office left and the date right above the red line', () => {
    const number = paraOf(minutesXml, '>〔2026〕5号<')!
    expect(number).toContain('<w:jc w:val="center"/>')
    const office = paraOf(minutesXml, '>资阳市人民政府办公室<')!
    expect(office).toContain('2026年10月14日')
    expect(office).toMatch(/<w:tab w:val="right"/)
    // the mark's top edge 35 mm below the type area's top: space before it a little under 1984 twips, off the line grid
    const markPara = paraOf(minutesXml, '>资阳市人民政府常务会议纪要<')!
    expect(Number(markPara.match(/w:before="(\d+)"/)![1])).toBeGreaterThan(1984 - 200)
    expect(markPara).toMatch(/<w:snapToGrid w:val="(0|false)"\/>/)
    expect(minutesXml).toMatch(/<w:bottom [^>]*w:color="FF0000"/)
    // the order down the page: mark, number, office and date, red line, opening
    const at = (s: string) => minutesXml.indexOf(s)
    expect(at('>〔2026〕5号<')).toBeGreaterThan(at('>资阳市人民政府常务会议纪要<'))
    expect(at('>资阳市人民政府办公室<')).toBeGreaterThan(at('>〔2026〕5号<'))
    expect(at(minutesData.opening)).toBeGreaterThan(at('>资阳市人民政府办公室<'))
  })

  it('numbers the topics 一、二、三、 in 3号黑体 and sets （一） sentences in 楷体', () => {
    for (const [i, t] of minutesData.topics.entries()) {
      const heading = runOf(minutesXml, `${['一', '二', '三'][i]}、${t.heading}`)!
      expect(heading, t.heading).toBeDefined()
      expect(heading).toContain('w:eastAsia="黑体"')
      expect(heading).toContain('<w:sz w:val="32"/>')
    }
    expect(runOf(minutesXml, '（一）加快项目建设进度。')).toContain('w:eastAsia="楷体_GB2312"')
  })

  it('lists 出席, 请假 and 列席 after a blank line, two characters in, labels in 3号黑体, names in 仿宋 aligned after the colon (§10.2)', () => {
    const paras = minutesXml.split('<w:p>')
    for (const label of ['出席：', '请假：', '列席：']) {
      const p = paras.find((x) => x.includes(`>${label}<`))!
      expect(runOf(p, label)).toContain('w:eastAsia="黑体"')
      expect(runOf(p, label)).toContain('<w:sz w:val="32"/>')
      // left = 2 characters + the label (3 characters), hanging by the label: wrapped lines start after the colon
      expect(p).toMatch(/<w:ind w:left="1600" w:hanging="960"\/>/)
    }
    expect(runOf(minutesXml, '张明远、李国华、王晓东、陈建平、刘芳、赵志强、周文斌')).toContain('w:eastAsia="仿宋_GB2312"')
    expect(minutesXml).toContain('>孙立新（在省外出差）、吴海燕<')
    const i = paras.findIndex((x) => x.includes('>出席：<'))
    expect(paras[i - 1]).not.toMatch(/<w:t(?: [^>]*)?>[^<]+</)
  })

  it('prints no signature or date at the end, and a 版记 with 分送 and 印发 at the foot of the last page', () => {
    const table = minutesXml.slice(minutesXml.indexOf('<w:tbl>'), minutesXml.indexOf('</w:tbl>'))
    expect(table).toContain('分送：市委办公室，市人大常委会办公室，市政协办公室，市级各部门，各县（区）人民政府。')
    expect(table).toContain('2026年10月14日印发')
    expect(runOf(table, '资阳市人民政府办公室')).toContain('<w:sz w:val="28"/>')
    expect(minutesXml).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"/)
    // the only 资阳市人民政府办公室 outside the 版记 is the one on the office/date line at the top
    const outside = minutesXml.slice(0, minutesXml.indexOf('<w:tbl>')).split('>资阳市人民政府办公室<').length - 1
    expect(outside).toBe(1)
  })

  it('numbers pages "— 1 —" in 4号宋体, odd pages right and even pages left', () => {
    expectGbtPageNumbers(minutes)
  })
})

describe('the 议程 and the 通知 as Word files', () => {
  it('sets the 议程 title in 2号小标宋, 时间/地点/主持 and each topic’s 提请单位/汇报人/列席 with 黑体 labels', () => {
    const xml = unzipPart(agenda, 'word/document.xml')
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const title = runOf(xml, '市政府第12次常务会议议程')!
    expect(title).toContain('w:eastAsia="方正小标宋简体"')
    expect(title).toContain('<w:sz w:val="44"/>')
    expect(xml).toContain('>2026年11月26日（星期四）上午9:00<')
    for (const label of ['时间：', '地点：', '主持：', '提请单位：', '汇报人：', '列席：']) expect(runOf(xml, label), label).toContain('w:eastAsia="黑体"')
    expect(runOf(xml, '一、审议《资阳市城市更新实施办法（送审稿）》')).toContain('w:eastAsia="黑体"')
    expect(runOf(xml, '三、研究进一步优化营商环境的若干措施')).toBeDefined()
    expect(runOf(xml, '梁红（市住房城乡建设局局长）')).toContain('w:eastAsia="仿宋_GB2312"')
    expect(xml).toContain('>市财政局、市自然资源和规划局、雁江区政府<')
  })

  it('sets the 通知 with title, 主送 ending in a colon, 一、 headings, the office and date two characters from the right, and a 版记', () => {
    const xml = unzipPart(notice, 'word/document.xml')
    expect(runOf(xml, '关于召开市政府第12次常务会议的通知')).toContain('<w:sz w:val="44"/>')
    expect(xml).toContain('>各副市长、秘书长，市政府副秘书长，市级有关部门：<')
    for (const h of ['一、会议时间', '二、会议地点', '三、会议议题', '四、参会人员', '五、有关要求']) expect(runOf(xml, h), h).toContain('w:eastAsia="黑体"')
    expect(xml).toContain('第三十九条向会议主持人请假')
    const sig = paraOf(xml, '>资阳市人民政府办公室<')!
    expect(sig).toContain('<w:jc w:val="right"/>')
    expect(sig).toContain('w:right="640"')
    expect(paraOf(xml, '>2026年11月19日<')).toContain('<w:jc w:val="right"/>')
    // the last paragraph, the blank lines and the name keep with the date (no signature alone on a page)
    expect(paraOf(xml, '联系人：王芳')).toContain('<w:keepNext/>')
    expect(sig).toContain('<w:keepNext/>')
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'))
    expect(table).toContain('抄送：市委办公室。')
    expect(table).toContain('2026年11月19日印发')
    expect(xml).not.toContain('FF0000') // no 版头 asked for
  })
})

describe('the meeting prints rendered with LibreOffice', () => {
  const available = hasLibreOffice()
  if (!available && process.env.CI === 'true') {
    it('has LibreOffice to render with (the README test command installs it)', () => {
      expect(available, 'soffice, pdftoppm and pdftotext must be on PATH when CI=true').toBe(true)
    })
  }
  const run = available ? it : it.skip
  const flat = (s: string) => s.replace(/\s+/g, '')
  /** Lines of the PDF text where a number is broken over two lines (一式3 | 0份). */
  const brokenNumbers = (text: string) => {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean)
    return lines.slice(1).filter((l, i) => /\d$/.test(lines[i]) && /^\d/.test(l))
  }
  let minutesRendered: ReturnType<typeof renderDocx> | undefined
  const renderedMinutes = () => (minutesRendered ??= renderDocx(minutes, OUT, 'meetings-minutes'))

  run('renders the 常务会议纪要 on two or more pages with its mark, number, topics, attendance and 版记', () => {
    const r = renderedMinutes()
    expect(r.pageCount).toBeGreaterThanOrEqual(2)
    const text = flat(r.text)
    expect(text).toContain('资阳市人民政府常务会议纪要')
    expect(text).toContain('〔2026〕5号')
    expect(text).toContain('资阳市人民政府办公室2026年10月14日')
    for (const [i, t] of minutesData.topics.entries()) expect(text).toContain(`${['一', '二', '三'][i]}、${t.heading}`)
    expect(text).toContain('出席：张明远、李国华')
    expect(text).toContain('请假：孙立新（在省外出差）、吴海燕')
    expect(text).toContain('列席：市政府副秘书长郑凯')
    expect(text).toContain('分送：市委办公室')
    expect(text).toContain('2026年10月14日印发')
    expect(text).toContain('—1—')
    expect(text).toContain('—2—')
    // the 版记 is the last thing on the last page
    const lastPage = flat(r.text.split('\f').filter((p) => p.trim()).at(-1)!)
    expect(lastPage).toMatch(/印发—\d+—$/)
  }, 120_000)

  run('puts the red mark’s top edge 35 mm below the top of the type area (72 mm from the page top)', () => {
    const r = renderedMinutes()
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', r.pdfPath, '-'], { encoding: 'utf8' })
    const word = bbox.split('\n').find((l) => l.includes('<word') && l.includes('资阳市人民政府常务会议纪要'))!
    const yMin = Number(word.match(/yMin="([\d.]+)"/)![1])
    // the text box starts above the ink by the font's ascent over the em (FandolSong: about 2 mm at 31 pt)
    const mm = (yMin / 72) * 25.4
    expect(mm).toBeGreaterThan(68)
    expect(mm).toBeLessThan(73)
  }, 120_000)

  run('renders the 议程 on one page with the title, time, place and every topic', () => {
    const r = renderDocx(agenda, OUT, 'meetings-agenda')
    expect(r.pageCount).toBe(1)
    const text = flat(r.text)
    expect(text).toContain('市政府第12次常务会议议程')
    expect(text).toContain('时间：2026年11月26日（星期四）上午9:00')
    expect(text).toContain('地点：市政府第一会议室')
    for (const t of agendaData.topics) expect(text).toContain(t.title)
    expect(text).toContain('汇报人：何平（市发展改革委主任）')
    expect(brokenNumbers(r.text)).toEqual([])
  }, 120_000)

  run('renders the 通知 with its title, items, signature and 版记', () => {
    const r = renderDocx(notice, OUT, 'meetings-notice')
    expect(r.pageCount).toBeGreaterThanOrEqual(1)
    const text = flat(r.text)
    expect(text).toContain('关于召开市政府第12次常务会议的通知')
    expect(text).toContain('五、有关要求')
    expect(text).toContain('资阳市人民政府办公室2026年11月19日')
    expect(text).toContain('2026年11月19日印发')
    expect(brokenNumbers(r.text)).toEqual([])
    // the signature does not stand alone on its page: the last paragraph of the text went over with it
    const signed = r.text.split('\f').find((p) => flat(p).includes('资阳市人民政府办公室2026年11月19日'))!
    expect(flat(signed)).toContain('联系人：王芳')
  }, 120_000)
})
