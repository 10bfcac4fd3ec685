/**
 * The Word layer every print shares: GB/T 9704-2012 (党政机关公文格式) figures and small builders that
 * return `docx` objects. Plain TypeScript, no Electron.
 *
 * Helpers make only their own lines. The blank lines the standard asks for (two below the 机关标志,
 * one below the title, one before 附件说明 and the signature …) come from `blankLine()`, so a caller
 * can read the layout off the list of children.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  Header,
  type IParagraphOptions,
  type ISectionOptions,
  LineRuleType,
  OnOffElement,
  Packer,
  PageNumber,
  PageOrientation,
  OverlapType,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx'
import { chineseDate } from '../common/dates'
import { ATTACHMENT_LABEL, attachmentItems } from '../common/attachment-note'

export { chineseDate }

// ---------------------------------------------------------------- figures

/** Page and type area, in twips (1/20 pt). A4 exactly: the mm helper would round 210 mm to 11905. */
export const PAGE = { width: 11906, height: 16838 } as const
export const MARGIN = { top: 2098, left: 1587, bottom: 1984, right: 1474 } as const
/** A landscape page (wide tables such as the duty roster): narrower margins all round, about 25 mm. */
export const LANDSCAPE_MARGIN = { top: 1417, left: 1417, bottom: 1417, right: 1417 } as const
/** 版心 156 mm × 225 mm. */
export const TYPE_AREA = { width: PAGE.width - MARGIN.left - MARGIN.right, height: PAGE.height - MARGIN.top - MARGIN.bottom } as const
/** Page number 7 mm below the type area: footer text bottom about 22 mm above the page edge. */
export const FOOTER_DISTANCE = 1247
/** Headers start 15 mm below the top of the page. */
export const HEADER_DISTANCE = 851

/** Font sizes in half-points, as `w:sz` has them. */
export const SIZE = { hao2: 44, hao3: 32, hao4: 28 } as const
/** Exact line spacing and 22-line document grid: 578 twips ≈ 28.9 pt, 22 × 578 fits the 225 mm type area. */
export const LINE_PITCH = 578
/** One character of 3号 text (16 pt) in twips: indents are counted in these. */
export const CHAR = 320
/**
 * 28 characters of 16 pt are 448 pt, a little more than the 156 mm (442 pt) type area: 3号 runs are set 0.25 pt
 * tighter (w:spacing -5 twips) so 28 fit a line. Word's character grid (`linesAndChars` with a negative charSpace)
 * would do the same in Word, but LibreOffice spreads every character over a grid cell with it, so the grid here
 * only fixes the line pitch.
 */
export const BODY_CHARACTER_SPACING = -5

export const FONT = {
  fangsong: '仿宋_GB2312',
  xiaobiaosong: '方正小标宋简体',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
} as const
export type FontName = (typeof FONT)[keyof typeof FONT]

export const RED = 'FF0000'

/** w:lang: Chinese text zh-CN; digits and Latin text en-US (see run()). */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const
/** The 机关标志's top edge sits 35 mm below the top of the type area. */
export const MARK_OFFSET = 1984

// ---------------------------------------------------------------- runs

export interface RunStyle {
  font?: FontName | string
  /** Half-points; 3号 (32) unless given. */
  size?: number
  bold?: boolean
  color?: string
}

/**
 * A run of text with the font set for every character set (ascii, hAnsi, eastAsia, cs) and the East Asian
 * language zh-CN, so Word and WPS pick the named font for digits and Latin text too. The language of the Latin
 * text (w:lang w:val) is en-US, as in Word's own Chinese documents: with zh-CN there LibreOffice broke lines inside
 * numbers (一式3 | 0份, 028-266123 | 45).
 */
export function run(text: string, style: RunStyle = {}): TextRun {
  const font = style.font ?? FONT.fangsong
  return new TextRun({
    text,
    font: { ascii: font, hAnsi: font, eastAsia: font, cs: font, hint: 'eastAsia' },
    size: style.size ?? SIZE.hao3,
    sizeComplexScript: style.size ?? SIZE.hao3,
    bold: style.bold,
    color: style.color,
    characterSpacing: (style.size ?? SIZE.hao3) === SIZE.hao3 ? BODY_CHARACTER_SPACING : undefined,
    language: LANGUAGE,
  })
}

type Content = string | TextRun[]
const runs = (content: Content, style: RunStyle = {}): TextRun[] => (typeof content === 'string' ? [run(content, style)] : content)

/** Width of text in twips at a font size, counting ASCII as half a character (for placing signatures). */
export function textWidth(text: string, size: number = SIZE.hao3): number {
  let halves = 0
  for (const ch of text) halves += ch.charCodeAt(0) < 0x2000 ? 1 : 2
  return (halves * size * 10) / 2
}

const exactLine = (line: number = LINE_PITCH) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 })

function paragraph(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ spacing: exactLine(), ...options, children })
}

// ---------------------------------------------------------------- paragraphs

/** An empty 3号 line: the blank lines the standard counts between parts. */
export function blankLine(): Paragraph {
  return paragraph([run('')])
}

/** Body text: 3号仿宋, justified, first line two characters in, wrapped lines flush left. */
export function bodyParagraph(content: Content): Paragraph {
  return paragraph(runs(content), { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CHAR } })
}

/** Title: 2号小标宋, centred. Several lines: pass them and they are broken where given, never inside a word. */
export function titleParagraph(text: string | string[]): Paragraph {
  const lines = typeof text === 'string' ? [text] : text
  const children = lines.flatMap((line, i) => {
    const r = run(line, { font: FONT.xiaobiaosong, size: SIZE.hao2 })
    return i === 0 ? [r] : [new TextRun({ break: 1 }), r]
  })
  return paragraph(children, { alignment: AlignmentType.CENTER })
}

/** 主送机关: flush left, ending with a full-width colon. */
export function addresseeParagraph(text: string): Paragraph {
  const t = text.endsWith('：') ? text : `${text.replace(/[:：]$/, '')}：`
  return paragraph([run(t)], { alignment: AlignmentType.LEFT })
}

const HEADING_FONT: Record<1 | 2 | 3 | 4, FontName> = { 1: FONT.hei, 2: FONT.kai, 3: FONT.fangsong, 4: FONT.fangsong }

/**
 * A heading in the body: level 1 `一、` 黑体, level 2 `（一）` 楷体, levels 3 `1.` and 4 `（1）` 仿宋. Indented two
 * characters like the body. `rest` continues the paragraph in body text (a heading that runs into its text).
 */
export function headingParagraph(level: 1 | 2 | 3 | 4, heading: string, rest?: string): Paragraph {
  const children = [run(heading, { font: HEADING_FONT[level] })]
  if (rest) children.push(run(rest))
  return paragraph(children, { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CHAR } })
}

/**
 * 署名 and 成文日期 without a seal (§7.3.5.2): the name right-aligned two characters from the right, the date on the
 * next line starting two characters right of the name's first character; a date longer than that sits two characters
 * from the right and the name moves left to keep the two-character step. The caller puts the blank line above it.
 */
export function signatureBlock(name: string, date: string): Paragraph[] {
  const dateText = /^\d{4}-\d{2}-\d{2}$/.test(date) ? chineseDate(date) : date
  const nameW = textWidth(name)
  const dateW = textWidth(dateText)
  const dateShort = nameW - dateW >= 2 * CHAR
  const nameRight = dateShort ? 2 * CHAR : 4 * CHAR + dateW - nameW
  const dateRight = dateShort ? nameW - dateW : 2 * CHAR
  return [
    paragraph([run(name)], { alignment: AlignmentType.RIGHT, indent: { right: nameRight }, keepNext: true }),
    paragraph([run(dateText)], { alignment: AlignmentType.RIGHT, indent: { right: dateRight } }),
  ]
}

/**
 * 附件说明 (§7.3.4): two characters in, `附件：` then the names; several are numbered `1.` `2.` … one a line, each
 * aligned under the first, and a long name wraps under its own first character.
 */
export function attachmentNote(names: string[]): Paragraph[] {
  const labelW = textWidth(ATTACHMENT_LABEL)
  const start = 2 * CHAR + labelW
  // a lone 附件 has no number (width 0): its name then wraps under its first character like a numbered one
  return attachmentItems(names).map(({ number, name }, i) => {
    const numW = textWidth(number)
    const text = (i === 0 ? ATTACHMENT_LABEL : '') + number + name
    return paragraph([run(text)], {
      alignment: AlignmentType.BOTH,
      indent: { left: start + numW, hanging: (i === 0 ? labelW : 0) + numW },
    })
  })
}

/**
 * Takes a paragraph off the 22-line document grid (`<w:snapToGrid w:val="0"/>` in its pPr), so its exact line
 * spacing holds: on the grid LibreOffice rounds every line up to a whole number of grid lines (a 31 pt mark took two,
 * 57.8 pt, and sat 5.6 mm low) while Word keeps the exact height. Off the grid both keep the height given.
 */
export function offGrid(p: Paragraph): Paragraph {
  // docx 9 has no paragraph-level snapToGrid; the schema puts it just before w:spacing.
  const pPr = (p as unknown as { properties: { root: unknown[] } }).properties
  const at = pPr.root.findIndex((c) => (c as { rootKey?: string }).rootKey === 'w:spacing')
  pPr.root.splice(at < 0 ? pPr.root.length : at, 0, new OnOffElement('w:snapToGrid', false))
  return p
}

/**
 * Keeps a paragraph on the page of the next one (`<w:keepNext/>`): the last lines of a text go over the page with its
 * signature rather than leave the signature alone on a page.
 */
export function keepWithNext(p: Paragraph): Paragraph {
  const pPr = (p as unknown as { properties: { root: unknown[] } }).properties
  // once only: a second w:keepNext in one pPr is invalid and Word calls the file damaged
  if (!pPr.root.some((c) => (c as { rootKey?: string }).rootKey === 'w:keepNext')) pPr.root.splice(0, 0, new OnOffElement('w:keepNext', true))
  return p
}

/**
 * Where the ink of a 小标宋 character starts below the top of its em box, as a share of the font size (measured on the
 * rendered mark: 0.12 em). The mark's top edge is where the ink starts.
 */
const MARK_INK_INSET = 0.12

/**
 * The red 发文机关标志 or 纪要 mark (e.g. 资阳市人民政府文件, 资阳市人民政府常务会议纪要): 小标宋, centred, its top edge
 * 35 mm below the top of the type area. Its size fits the type area's width, at most 小初 (36 pt) unless given.
 * Off the line grid, so the exact line height and the space above it hold in Word and LibreOffice alike.
 */
export function redMark(text: string, options: { size?: number; linesAbove?: number } = {}): Paragraph {
  const { size, line, inkTop } = markMetrics(text, options.size)
  // 份号, 密级 and 紧急程度 (topMarks) take whole grid lines above the mark, inside the 35 mm.
  const above = (options.linesAbove ?? 0) * LINE_PITCH
  return offGrid(
    paragraph([run(text, { font: FONT.xiaobiaosong, size, color: RED })], {
      alignment: AlignmentType.CENTER,
      spacing: { ...exactLine(line), before: Math.max(0, MARK_OFFSET - inkTop - above) },
    }),
  )
}

/** The size (half-points, fitting the type area, at most 小初 36 pt), line height and ink inset of a red mark. */
export function markMetrics(text: string, givenSize?: number): { size: number; line: number; inkTop: number } {
  const chars = [...text].length
  const fit = Math.floor(((TYPE_AREA.width / 20 / chars) * 2 * 0.92))
  const size = givenSize ?? Math.min(72, fit)
  const line = Math.round(size * 10 * 1.2)
  const inkTop = Math.round((line - size * 10) / 2 + MARK_INK_INSET * size * 10)
  return { size, line, inkTop }
}

// ---------------------------------------------------------------- 公文 版头 (§7.2)

export interface TopMarks {
  /** 份号: printed as six digits (000001). */
  copyNumber?: number | string
  /** 密级和保密期限 as printed, e.g. 机密★1年. */
  secrecy?: string
  /** 紧急程度: 特急 or 加急. */
  urgency?: string
}

/**
 * 份号, 密级和保密期限 and 紧急程度 (§7.2.1–7.2.3): flush left at the top of the type area, one a line, in that order;
 * 份号 six 3号 digits, the other two 3号黑体. Only those given are printed. Pass their count to redMark's linesAbove.
 */
export function topMarks(marks: TopMarks): Paragraph[] {
  const out: Paragraph[] = []
  if (marks.copyNumber !== undefined && marks.copyNumber !== '') {
    out.push(paragraph([run(String(marks.copyNumber).padStart(6, '0'))], { alignment: AlignmentType.LEFT }))
  }
  if (marks.secrecy) out.push(paragraph([run(marks.secrecy, { font: FONT.hei })], { alignment: AlignmentType.LEFT }))
  if (marks.urgency) out.push(paragraph([run(marks.urgency, { font: FONT.hei })], { alignment: AlignmentType.LEFT }))
  return out
}

/**
 * 发文字号 with 签发人 for a 上行文 (§7.2.5–7.2.6): the number one character in from the left on the line of the last
 * signer; `签发人：` (3号仿宋) and the names (3号楷体) one character in from the right, two names a line, later lines
 * aligned under the first name.
 */
export function signerLines(number: string, signers: string[]): Paragraph[] {
  const label = '签发人：'
  const rows: string[][] = []
  for (let i = 0; i < signers.length; i += 2) rows.push(signers.slice(i, i + 2))
  if (rows.length === 0) rows.push([])
  const rowText = (r: string[]) => r.join('　')
  const widest = Math.max(...rows.map((r) => textWidth(rowText(r))))
  const labelAt = TYPE_AREA.width - CHAR - textWidth(label) - widest
  const namesAt = labelAt + textWidth(label)
  return rows.map((r, i) => {
    const last = i === rows.length - 1
    const children: TextRun[] = []
    if (last) children.push(run(number))
    if (i === 0) children.push(run(`\t${label}`))
    children.push(run(`${i === 0 ? '' : '\t'}${rowText(r)}`, { font: FONT.kai }))
    return paragraph(children, {
      alignment: AlignmentType.LEFT,
      indent: { left: CHAR },
      tabStops: [{ type: TabStopType.LEFT, position: i === 0 ? labelAt : namesAt }],
    })
  })
}

/** 附注 (§7.3.7): in parentheses, two characters in, on the line below the 成文日期. */
export function noteParagraph(text: string): Paragraph {
  const t = /^[（(].*[)）]$/.test(text.trim()) ? text.trim() : `（${text.trim()}）`
  return paragraph([run(t)], { alignment: AlignmentType.BOTH, indent: { firstLine: 2 * CHAR } })
}

// ---------------------------------------------------------------- 信函格式 (§10.1)

/** 信函: the mark's top edge 30 mm below the top of the page; the red double lines 170 mm long, centred on the page. */
export const LETTER = { markTop: 1701, lineWidth: 9638 } as const

/** A red double line as an empty paragraph 1 mm high with a top and a bottom border, 170 mm wide and centred on the page. */
function redDoubleLine(thickFirst: boolean, before = 0): Paragraph {
  const thick = { style: BorderStyle.SINGLE, size: 12, color: RED, space: 0 }
  const thin = { style: BorderStyle.SINGLE, size: 4, color: RED, space: 0 }
  const left = Math.round((PAGE.width - LETTER.lineWidth) / 2) - MARGIN.left
  const right = Math.round((PAGE.width - LETTER.lineWidth) / 2) - MARGIN.right
  return offGrid(
    new Paragraph({
      spacing: { ...exactLine(57), before },
      indent: { left, right },
      border: { top: thickFirst ? thick : thin, bottom: thickFirst ? thin : thick },
      children: [run('', { size: 2 })],
    }),
  )
}

/**
 * The 信函 head (§10.1) as the first page's header and footer: the red mark (no 文件) with its top edge 30 mm below the
 * top of the page, a red double line (thick over thin) 4 mm below it, and in the footer another (thin over thick) near
 * the foot of the page (22 mm up, where the page numbers sit: 20 mm in the standard), both 170 mm and centred. The
 * header runs below the top margin, so the text of page 1 starts under the double line; `spacer` then leaves 7/8 of a
 * 3号 character between the line and the first line of text. Pass header and footer to gbtDocument's firstPage.
 */
export function letterHead(mark: string): { header: Paragraph[]; footer: Paragraph[]; spacer: Paragraph } {
  const { size, line, inkTop } = markMetrics(mark)
  const before = LETTER.markTop - HEADER_DISTANCE - inkTop
  const lineBottom = LETTER.markTop - inkTop + line
  const inkBottom = LETTER.markTop + Math.round(size * 10 * 0.8)
  const markPara = offGrid(
    paragraph([run(mark, { font: FONT.xiaobiaosong, size, color: RED })], {
      alignment: AlignmentType.CENTER,
      spacing: { ...exactLine(line), before },
    }),
  )
  return {
    header: [markPara, redDoubleLine(true, Math.max(0, inkBottom + 227 - lineBottom))],
    footer: [redDoubleLine(false)],
    spacer: offGrid(new Paragraph({ spacing: exactLine(120), children: [run('', { size: 2 })] })),
  }
}

/** A line flush left and another flush right in 3号: the 信函's 份号 and 发文字号 on the first line under the double line. */
export function leftRightLine(left: TextRun[], right: string): Paragraph {
  return paragraph([...left, run(`\t${right}`)], {
    tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width }],
  })
}

/** The 附件 label (§8) on a new page: 附件 or 附件2, 3号黑体, flush left on the first line. */
export function attachmentLabel(text: string): Paragraph {
  return new Paragraph({ pageBreakBefore: true, spacing: exactLine(), alignment: AlignmentType.LEFT, children: [run(text, { font: FONT.hei })] })
}

/** An empty paragraph that starts a new page: puts a 版记 on the next (even) page. */
export function pageBreak(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, spacing: exactLine(), children: [run('')] })
}

/** A centred 3号 line: the 发文字号 (资府发〔2026〕12号) or the 纪要's number line (〔2026〕5号). */
export function numberLine(text: string): Paragraph {
  return paragraph([run(text)], { alignment: AlignmentType.CENTER })
}

/**
 * A 3号 line with one text flush left and another flush right, each one character in: the 纪要's issuing office and
 * date above the red separator (资阳市人民政府办公室 … 2026年10月14日).
 */
export function spreadLine(left: string, right: string): Paragraph {
  return paragraph([run(left), run(`\t${right}`)], {
    indent: { left: CHAR, right: CHAR },
    tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - CHAR }],
  })
}

/**
 * The red separator 4 mm below the line above it, as wide as the type area (a bottom border on a short paragraph).
 * The line above ends about 1.5 mm under its characters, so the paragraph is 2.6 mm high, off the line grid
 * (on it LibreOffice made it a whole 10 mm line).
 */
export function redSeparator(): Paragraph {
  return offGrid(
    new Paragraph({
      spacing: exactLine(150),
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 0 } },
      children: [run('', { size: 2 })],
    }),
  )
}

/** 一, 二 … 九十九: the numbers of 一、 headings. */
export function chineseNumber(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
  if (n < 10) return d[n]
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : d[tens]}十${n % 10 === 0 ? '' : d[n % 10]}`
}

// ---------------------------------------------------------------- 出席 / 版记

export interface AttendanceLine {
  label: string
  names: string[]
}

/**
 * 出席 / 请假 / 列席 (§10.2): two characters in, the label in 3号黑体 with a full-width colon, the names in 3号仿宋
 * separated by 、; wrapped lines align with the first character after the colon. `indentChars` (2 unless given) sets
 * how far in the label starts: other labelled lines (议程's 时间：, 汇报人：) use the same layout.
 */
export function attendanceLines(lines: AttendanceLine[], options: { indentChars?: number } = {}): Paragraph[] {
  const indent = (options.indentChars ?? 2) * CHAR
  return lines.map(({ label, names }) => {
    const l = label.endsWith('：') ? label : `${label}：`
    const labelW = textWidth(l)
    return paragraph([run(l, { font: FONT.hei }), run(names.join('、'))], {
      alignment: AlignmentType.BOTH,
      indent: { left: indent + labelW, hanging: labelW },
    })
  })
}

export interface ClosingBlock {
  /** 抄送 bodies; none leaves the 抄送 line out. */
  cc?: string[]
  /** 印发机关, e.g. 资阳市人民政府办公室. */
  printer: string
  /** 'YYYY-MM-DD' (printed 2026年10月14日), or a date already written out, printed as given. */
  printDate: string
  /** Label of the copy line: 抄送 for documents, 分送 for minutes. */
  ccLabel?: string
  /** 信函格式 (§10.1): no 印发 line and no separator lines; only the 抄送. */
  letter?: boolean
}

const THICK = 8 // eighths of a point: 1 pt ≈ 0.35 mm
const THIN = 6 // 0.75 pt ≈ 0.25 mm

/**
 * 版记 (§7.4): 抄送 (or 分送) and 印发 lines in 4号仿宋 between a thick first and last line and thin lines between, as
 * wide as the type area, in a one-column table floated to the foot of the type area. A tiny paragraph follows it
 * for the table to anchor to.
 */
export function closingBlock(block: ClosingBlock): FileChild[] {
  const one = SIZE.hao4 * 10 // one 4号 character, twips
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' }
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000' })
  const lines: Paragraph[] = []
  if ((block.cc?.length ?? 0) > 0) {
    const label = `${block.ccLabel ?? '抄送'}：`
    const labelW = textWidth(label, SIZE.hao4)
    const text = block.cc!.join('，').replace(/[。.]?$/, '。')
    lines.push(
      paragraph([run(label + text, { size: SIZE.hao4 })], {
        alignment: AlignmentType.BOTH,
        indent: { left: one + labelW, hanging: labelW, right: one },
      }),
    )
  }
  if (block.letter && lines.length === 0) return []
  if (!block.letter) lines.push(
    paragraph([run(block.printer, { size: SIZE.hao4 }), run(`\t${/^\d{4}-\d{2}-\d{2}$/.test(block.printDate) ? chineseDate(block.printDate) : block.printDate}印发`, { size: SIZE.hao4 })], {
      indent: { left: one, right: one },
      tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width - one }],
    }),
  )
  const width = TYPE_AREA.width
  const rows = lines.map(
    (p, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: width, type: WidthType.DXA },
            margins: { left: 0, right: 0, top: 0, bottom: 0 },
            borders: block.letter ? { top: none, bottom: none, left: none, right: none } : {
              top: rule(i === 0 ? THICK : THIN),
              bottom: rule(i === lines.length - 1 ? THICK : THIN),
              left: none,
              right: none,
            },
            children: [p],
          }),
        ],
      }),
  )
  const table = new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [width],
    layout: TableLayoutType.FIXED,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    float: {
      // Placed from the page's edge at the left margin rather than centred on the margins: LibreOffice keeps a floating
      // table as wide as the text area in the text flow unless its position is relative to the page.
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: MARGIN.left,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    rows,
  })
  return [table, new Paragraph({ spacing: exactLine(20), children: [run('', { size: 2 })] })]
}

// ---------------------------------------------------------------- document

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = FONT.song
  const one = SIZE.hao4 * 10
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: one } : { left: one },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: font, hAnsi: font, eastAsia: font, cs: font },
            size: SIZE.hao4,
            sizeComplexScript: SIZE.hao4,
            language: LANGUAGE,
          }),
        ],
      }),
    ],
  })
}

export interface GbtDocumentOptions {
  title: string
  /** One entry a section; each gets the standard page, grid and page-number footers. */
  sections: {
    children: FileChild[]
    landscape?: boolean
    /** No 22-line grid (forms with tables: LibreOffice would snap every table line to the 28.9 pt pitch). */
    noGrid?: boolean
    /** A header and footer of their own on the first page, with no page number there (信函格式, §10.1). */
    firstPage?: { header: Paragraph[]; footer: Paragraph[] }
  }[]
}

/**
 * A document on the standard's page: A4, the margins, a 22-line grid, default text 3号仿宋 with exact
 * 28.9 pt lines, theme fonts in 仿宋/小标宋, and page numbers `— 1 —` in 4号宋体, odd pages right and even pages
 * left, one character in.
 */
export function gbtDocument(options: GbtDocumentOptions): Document {
  const body = FONT.fangsong
  const sections: ISectionOptions[] = options.sections.map((s) => ({
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: s.landscape ? PageOrientation.LANDSCAPE : undefined },
        margin: { ...(s.landscape ? LANDSCAPE_MARGIN : MARGIN), header: HEADER_DISTANCE, footer: s.landscape ? 567 : FOOTER_DISTANCE, gutter: 0 },
      },
      // A landscape table page has no 22-line grid: LibreOffice would snap every table line to its 28.9 pt pitch.
      grid: s.landscape || s.noGrid ? undefined : { type: 'lines', linePitch: LINE_PITCH },
      titlePage: s.firstPage ? true : undefined,
    },
    footers: {
      default: pageNumberFooter('odd'),
      even: pageNumberFooter('even'),
      ...(s.firstPage ? { first: new Footer({ children: s.firstPage.footer }) } : {}),
    },
    ...(s.firstPage ? { headers: { first: new Header({ children: s.firstPage.header }) } } : {}),
    children: s.children,
  }))
  return new Document({
    title: options.title,
    creator: '三办',
    evenAndOddHeaderAndFooters: true,
    theme: {
      fonts: {
        headings: { latin: FONT.xiaobiaosong, eastAsia: FONT.xiaobiaosong },
        body: { latin: body, eastAsia: body },
      },
    },
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: body, hAnsi: body, eastAsia: body, cs: body },
            size: SIZE.hao3,
            sizeComplexScript: SIZE.hao3,
            language: LANGUAGE,
          },
          paragraph: { spacing: exactLine() },
        },
      },
    },
    sections,
  })
}

export function toBuffer(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc) as Promise<Buffer>
}
