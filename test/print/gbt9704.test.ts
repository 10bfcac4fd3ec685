import { beforeAll, describe, expect, it } from 'vitest'
import {
  addresseeParagraph,
  attachmentNote,
  attendanceLines,
  blankLine,
  bodyParagraph,
  chineseDate,
  closingBlock,
  gbtDocument,
  headingParagraph,
  numberLine,
  redMark,
  redSeparator,
  signatureBlock,
  titleParagraph,
  toBuffer,
} from '../../src-main/print/gbt9704'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { unzipPart } from '../helpers/zip'
import { expectGbtPageNumbers } from '../helpers/gbt-checks'

const OUT = 'test-results/print'

const filler = (topic: string) =>
  `会议强调，${topic}工作事关全市经济社会发展大局，各地各部门要切实提高政治站位，压紧压实工作责任，` +
  `细化工作措施，加强统筹协调，确保各项任务按时保质完成。市级有关部门要加强指导服务，及时研究解决工作中遇到的困难和问题，` +
  `重大情况及时向市政府报告。`

/** A 纪要 of a 常务会议 with three topics, built only from the public helpers. */
function minutesSample() {
  const topics = ['防汛减灾', '城市更新', '营商环境']
  return gbtDocument({
    title: '资阳市人民政府常务会议纪要',
    sections: [
      {
        children: [
          redMark('资阳市人民政府常务会议纪要'),
          blankLine(),
          numberLine('〔2026〕5号'),
          redSeparator(),
          blankLine(),
          bodyParagraph(
            `${chineseDate('2026-10-12')}，市长张伟主持召开市政府第5次常务会议，研究部署防汛减灾、城市更新、营商环境等工作。现将会议议定事项纪要如下：`,
          ),
          ...topics.flatMap((t, i) => [
            headingParagraph(1, `${['一', '二', '三'][i]}、关于${t}工作`),
            bodyParagraph(filler(t)),
            headingParagraph(2, '（一）', `明确责任分工。由市${t}牵头部门会同相关单位制定实施方案，于11月底前报市政府审定。`),
            headingParagraph(2, '（二）', `强化要素保障。市财政局、市自然资源和规划局要统筹资金和用地指标，支持${t}重点项目建设。`),
            bodyParagraph(filler(t)),
          ]),
          blankLine(),
          ...attendanceLines([
            {
              label: '出席',
              names: ['张伟', '李明', '王芳', '刘强', '陈静', '杨洋', '赵磊', '黄敏', '周杰', '吴涛', '徐丽', '孙斌', '马超', '朱琳', '胡军', '郭勇'],
            },
            { label: '请假', names: ['林峰（出差）'] },
            { label: '列席', names: ['市发展改革委何平', '市财政局高远', '市自然资源和规划局罗明', '市住房城乡建设局梁红', '雁江区政府郑军'] },
          ]),
          ...closingBlock({ cc: ['市委办公室', '市人大常委会办公室', '市政协办公室'], ccLabel: '分送', printer: '资阳市人民政府办公室', printDate: '2026-10-14' }),
        ],
      },
    ],
  })
}

/** A 公文 (通知) with heading levels, attachments, signature and 版记. */
function documentSample() {
  return gbtDocument({
    title: '资阳市人民政府关于做好2026年冬春季防火工作的通知',
    sections: [
      {
        children: [
          redMark('资阳市人民政府文件'),
          blankLine(),
          blankLine(),
          numberLine('资府发〔2026〕12号'),
          redSeparator(),
          blankLine(),
          blankLine(),
          titleParagraph(['资阳市人民政府', '关于做好2026年冬春季防火工作的通知']),
          blankLine(),
          addresseeParagraph('各县（区）人民政府，市级各部门'),
          bodyParagraph('为切实做好2026年冬春季防火工作，保障人民群众生命财产安全，经市政府同意，现就有关事项通知如下。'),
          headingParagraph(1, '一、提高思想认识'),
          bodyParagraph(filler('冬春季防火')),
          headingParagraph(2, '（一）压实属地责任。', '各县（区）政府要落实属地管理责任，主要负责同志亲自部署、亲自检查。'),
          headingParagraph(3, '1.', '开展隐患排查。对重点区域、重点部位逐一排查，建立问题清单和整改台账。'),
          headingParagraph(4, '（1）', '林区、景区入口设置检查站，严格管控野外用火。'),
          headingParagraph(2, '（二）强化部门协同。', '应急、林业、公安、气象等部门要加强会商研判，及时发布预警信息。'),
          headingParagraph(1, '二、加强宣传教育'),
          bodyParagraph(filler('宣传教育')),
          headingParagraph(1, '三、严格值班值守'),
          bodyParagraph(filler('值班值守')),
          bodyParagraph(filler('应急处置')),
          blankLine(),
          ...attachmentNote(['2026年冬春季防火重点区域名单', '资阳市冬春季防火工作责任分工表（含县区、市级部门和驻资单位联系人及联系方式）']),
          blankLine(),
          blankLine(),
          ...signatureBlock('资阳市人民政府', '2026-10-12'),
          ...closingBlock({ cc: ['市委各部门', '市人大常委会办公室', '市政协办公室', '市中级人民法院', '市人民检察院'], printer: '资阳市人民政府办公室', printDate: '2026-10-13' }),
        ],
      },
    ],
  })
}


let minutes: Buffer
let official: Buffer
beforeAll(async () => {
  minutes = await toBuffer(minutesSample())
  official = await toBuffer(documentSample())
})

describe('the GB/T 9704 Word layer', () => {
  it('puts an A4 page with the standard margins and a 22-line grid in every section', () => {
    for (const buf of [minutes, official]) {
      const xml = unzipPart(buf, 'word/document.xml')
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
      const mar = xml.match(/<w:pgMar [^>]*>/)![0]
      expect(mar).toContain('w:top="2098"')
      expect(mar).toContain('w:left="1587"')
      expect(mar).toContain('w:bottom="1984"')
      expect(mar).toContain('w:right="1474"')
      expect(xml).toMatch(/<w:docGrid [^>]*w:linePitch="578"/)
    }
  })

  it('gives every run font an East Asian font and marks the text as zh-CN', () => {
    for (const buf of [minutes, official]) {
      for (const part of ['word/document.xml', 'word/styles.xml']) {
        const xml = unzipPart(buf, part)
        const fonts = xml.match(/<w:rFonts [^>]*>/g) ?? []
        expect(fonts.length).toBeGreaterThan(0)
        for (const f of fonts) expect(f).toMatch(/w:eastAsia="[^"]+"/)
      }
      const doc = unzipPart(buf, 'word/document.xml')
      expect(doc).toContain('w:eastAsia="zh-CN"')
      expect(unzipPart(buf, 'word/styles.xml')).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/)
    }
  })

  it('sets body text in 3号仿宋, the title in 2号小标宋 and the 版记 in 4号', () => {
    const xml = unzipPart(official, 'word/document.xml')
    const runOf = (text: string) => xml.split('<w:r>').find((r) => r.includes(`>${text}<`))!
    expect(runOf('一、提高思想认识')).toContain('w:eastAsia="黑体"')
    expect(runOf('一、提高思想认识')).toContain('<w:sz w:val="32"/>')
    expect(runOf('（一）压实属地责任。')).toContain('w:eastAsia="楷体_GB2312"')
    expect(runOf('资阳市人民政府')).toContain('w:eastAsia="方正小标宋简体"')
    expect(runOf('资阳市人民政府')).toContain('<w:sz w:val="44"/>')
    expect(runOf('资阳市人民政府办公室')).toContain('<w:sz w:val="28"/>')
    expect(runOf('资府发〔2026〕12号')).toContain('w:eastAsia="仿宋_GB2312"')
    expect(xml).toMatch(/<w:spacing [^>]*w:line="578" w:lineRule="exact"/)
  })

  it('prints the 机关标志 and the separator line in red', () => {
    const xml = unzipPart(official, 'word/document.xml')
    const mark = xml.split('<w:r>').find((r) => r.includes('>资阳市人民政府文件<'))!
    expect(mark).toContain('<w:color w:val="FF0000"/>')
    expect(mark).toContain('w:eastAsia="方正小标宋简体"')
    expect(xml).toMatch(/<w:bottom [^>]*w:color="FF0000"/)
    expect(unzipPart(minutes, 'word/document.xml')).toMatch(/<w:color w:val="FF0000"\/>[\s\S]*?资阳市人民政府常务会议纪要/)
  })

  it('numbers pages "— 1 —" in 4号宋体, on the right of odd pages and the left of even pages', () => {
    expectGbtPageNumbers(official)
  })

  it('sets the mark 35 mm below the top of the type area and the 版记 at the foot of the page', () => {
    const xml = unzipPart(official, 'word/document.xml')
    const markPara = xml.split('<w:p>').find((p) => p.includes('>资阳市人民政府文件<'))!
    const before = Number(markPara.match(/w:before="(\d+)"/)![1])
    expect(before).toBeGreaterThan(1984 - 200)
    expect(before).toBeLessThanOrEqual(1984)
    expect(xml).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/)
    const table = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'))
    expect(table).toContain('抄送：市委各部门')
    expect(table).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"\/>/)
    expect(table).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="6"\/>/)
  })

  it('puts the signature two characters from the right and the date two characters further in, or the reverse for a long date', async () => {
    const xml = unzipPart(
      await toBuffer(gbtDocument({ title: 't', sections: [{ children: [...signatureBlock('资阳市人民政府办公室', '2026-10-12'), ...signatureBlock('资阳市人民政府', '2026-10-12')] }] })),
      'word/document.xml',
    )
    const rights = [...xml.matchAll(/<w:ind w:right="(\d+)"\/>/g)].map((m) => Number(m[1]))
    // 10-character name: name 2 characters from the right, date (7 characters wide) starting 2 characters after it
    // 7-character name: the date is too long, so it sits 2 characters from the right and the name 2 characters left of it
    expect(rights).toEqual([640, 960, 1280, 640])
  })

  it('writes dates the Chinese way', () => {
    expect(chineseDate('2026-10-12')).toBe('2026年10月12日')
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日')
  })
})

describe('the samples rendered with LibreOffice', () => {
  const available = hasLibreOffice()
  if (!available && process.env.CI === 'true') {
    it('has LibreOffice to render with (the README test command installs it)', () => {
      expect(available, 'soffice, pdftoppm and pdftotext must be on PATH when CI=true').toBe(true)
    })
  }
  const run = available ? it : it.skip
  run('renders the 纪要 on several pages with its mark, number and attendance', () => {
    const r = renderDocx(minutes, OUT, 'minutes')
    expect(r.pageCount).toBeGreaterThanOrEqual(2)
    const text = r.text.replace(/\s+/g, '')
    expect(text).toContain('资阳市人民政府常务会议纪要')
    expect(text).toContain('〔2026〕5号')
    expect(text).toContain('出席：张伟、李明')
    expect(text).toContain('列席：')
    expect(text).toContain('2026年10月14日印发')
    expect(text).toContain('—1—')
    expect(text).toContain('—2—')
  }, 120_000)

  run('renders the 公文 on several pages with its mark, number, title, signature and 版记', () => {
    const r = renderDocx(official, OUT, 'document')
    expect(r.pageCount).toBeGreaterThanOrEqual(2)
    const text = r.text.replace(/\s+/g, '')
    expect(text).toContain('资阳市人民政府文件')
    expect(text).toContain('资府发〔2026〕12号')
    expect(text).toContain('关于做好2026年冬春季防火工作的通知')
    expect(text).toContain('附件：1.2026年冬春季防火重点区域名单')
    expect(text).toContain('2026年10月12日')
    expect(text).toContain('抄送：市委各部门')
    expect(text).toContain('2026年10月13日印发')
  }, 120_000)
})
