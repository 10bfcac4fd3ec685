/**
 * The 公文 itself as a Word file in GB/T 9704-2012: 版头 (份号, 密级和保密期限, 紧急程度, the red 发文机关标志, 发文字号 —
 * with 签发人 for a 上行文 — and the red separator), 主体 (title, 主送, body with its heading levels, 附件说明, 署名 and
 * 成文日期, 附注), 版记 (抄送, 印发) at the foot of the last, even page, and page numbers. The 信函 style (§10.1) for 函.
 * A pure function over plain data; every piece of layout comes from ../print/gbt9704.
 */
import { type FileChild, Paragraph } from 'docx'
import {
  addresseeParagraph,
  attachmentLabel,
  attachmentNote,
  blankLine,
  bodyParagraph,
  CHAR,
  chineseDate,
  closingBlock,
  gbtDocument,
  headingParagraph,
  keepWithNext,
  LINE_PITCH,
  leftRightLine,
  letterHead,
  MARK_OFFSET,
  markMetrics,
  noteParagraph,
  numberLine,
  pageBreak,
  redMark,
  redSeparator,
  run,
  FONT,
  signatureBlock,
  signerLines,
  textWidth,
  titleParagraph,
  toBuffer,
  topMarks,
  TYPE_AREA,
} from '../../print/gbt9704'
import { classificationMark } from '../../common/classification'
import { ATTACHMENT_LABEL, attachmentTexts } from '../../common/attachment-note'
import { withoutRepeatedHeads, withoutRepeatedTail, type DocxBlock } from '../../print/docx-reader'
import { bodyTable, TABLE_LINE, tableLines } from '../../print/body-table'

// ---------------------------------------------------------------- input

/** A date as 'YYYY-MM-DD' (printed 2026年10月14日), or text printed as given. */
export type PrintDate = string

export interface OfficialDocumentPrint {
  /** 发文机关标志, e.g. 资阳市人民政府文件; for a 信函 the body's name without 文件 (资阳市人民政府). */
  mark: string
  /** 信函格式 (§10.1): the mark 30 mm from the top of the page between red double lines, no page number on page 1. */
  letter?: boolean
  /** 发文机关署名, e.g. 资阳市人民政府. */
  issuer: string
  /** 印发机关, e.g. 资阳市人民政府办公室. */
  printer: string
  /** 份号 (printed as six digits); none prints none. */
  copyNumber?: number | string | null
  /** 密级: 无 / 秘密 / 机密; with secrecyPeriod printed 机密★1年. */
  classification?: string | null
  /** 保密期限, e.g. 1年. */
  secrecyPeriod?: string | null
  /** 紧急程度: 特急 / 加急 (无 or none prints nothing). */
  urgency?: string | null
  /** 发文字号, e.g. 资府发〔2026〕12号; a draft passes （编号）. */
  number: string
  /** 上行文: the 签发人 names, printed right of the 发文字号 (names in 楷体; an empty list prints the label alone). None: the 字号 is centred. */
  signers?: string[]
  /** e.g. 资阳市人民政府关于加强防汛减灾工作的通知 */
  title: string
  /** 主送机关 (the colon is added). */
  addressee?: string | null
  /** The text, one paragraph a line; lines starting 一、 （一） 1. （1） are headings (黑体, 楷体, 仿宋, 仿宋). */
  body: string
  /** 套红: the drafter's .docx body read into paragraphs and tables; when given it is printed instead of `body`. */
  bodyBlocks?: DocxBlock[]
  /** .docx 附件 printed after the text, each from a new page under its label (附件1 …), in 附件说明 order. */
  attachmentPages?: AttachmentPage[]
  /** 附件 names, numbered when several. */
  attachments?: string[]
  /** 成文日期. */
  date: PrintDate
  /** 附注 (printed in parentheses under the date). */
  note?: string | null
  /** 抄送 bodies. */
  cc?: string[]
  /** 印发日期. */
  printDate: PrintDate
}

/** A .docx 附件 as printed: its label (附件 alone when it is the only 附件, else 附件N), its title and its text. */
export interface AttachmentPage { label: string; title: string; blocks: DocxBlock[] }

// ---------------------------------------------------------------- body text

const L1 = /^[一二三四五六七八九十]+、/
const L2 = /^（[一二三四五六七八九十]+）/
const L3 = /^\d+[.．]/
const L4 = /^（\d+）/

/**
 * One line of the body as a paragraph. A heading that runs on into its text (一、加强组织领导。各地要……) has its first
 * sentence (up to 。 or ：, at most 40 characters) in the heading's font and the rest in 仿宋; a heading line on its own
 * is all in the heading's font.
 */
export function bodyLine(line: string): Paragraph {
  const t = line.trim()
  const level = L1.test(t) ? 1 : L2.test(t) ? 2 : L4.test(t) ? 4 : L3.test(t) ? 3 : 0
  if (level === 0) return bodyParagraph(t)
  const m = t.match(/^[^。：:]{1,40}?[。：:]/)
  if (m && m[0].length < t.length) return headingParagraph(level as 1 | 2 | 3 | 4, m[0], t.slice(m[0].length))
  return headingParagraph(level as 1 | 2 | 3 | 4, t)
}

/** A heading on a line of its own (一、总体要求): short, not a sentence (no 。 at its end) and not running on into text. */
const headingOnly = (line: string) =>
  (L1.test(line) || L2.test(line) || L3.test(line) || L4.test(line)) && [...line].length <= 28 && !/[。；;]$/.test(line) && !/^[^。：:]{1,40}?[。：:]./.test(line)

/**
 * The body's paragraphs. A heading on a line of its own stays on the page of what follows it (keepNext), but only when
 * text follows within two lines: a run of bare headings (a template's outline) is not chained into one block.
 */
function bodyParagraphs(lines: string[]): Paragraph[] {
  const bare = lines.map(headingOnly)
  return lines.map((l, i) => {
    const p = bodyLine(l)
    const textFollows = i + 1 < lines.length && (!bare[i + 1] || (i + 2 < lines.length && !bare[i + 2]))
    return bare[i] && textFollows ? keepWithNext(p) : p
  })
}

const bodyLines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)

type Estimate = { line: number; lines: number; extra?: number; newPage?: boolean }

/**
 * A drafter's body (套红): runs of paragraphs laid out as the form's text is (headings by their 一、/（一）/1./（1）),
 * tables kept as tables; with the heights for the page estimate.
 */
function blockContent(blocks: DocxBlock[]): { children: FileChild[]; estimate: Estimate[] } {
  const children: FileChild[] = []
  const estimate: Estimate[] = []
  let texts: string[] = []
  const flush = () => {
    children.push(...bodyParagraphs(texts))
    for (const l of texts) estimate.push({ line: LINE_PITCH, lines: linesOf(l) })
    texts = []
  }
  for (const b of blocks) {
    if (b.kind === 'paragraph') { texts.push(b.text); continue }
    // the line that introduces a table (…见下表：) stays on the table's page
    flush()
    const before = children.at(-1)
    if (before instanceof Paragraph) keepWithNext(before)
    children.push(bodyTable(b))
    estimate.push({ line: TABLE_LINE, lines: tableLines(b) })
  }
  flush()
  return { children, estimate }
}

/** A .docx 附件 from a new page (§8): the label 3号黑体 flush left on the first line, the title centred on the third, then its text. */
function attachmentPageContent(a: AttachmentPage): { children: FileChild[]; estimate: Estimate[] } {
  const title = titleLines(a.title)
  const body = blockContent(withoutRepeatedHeads(a.blocks, [a.label, a.title]))
  return {
    children: [attachmentLabel(a.label), blankLine(), titleParagraph(title), blankLine(), ...body.children],
    estimate: [{ line: LINE_PITCH, lines: 3 + title.length, newPage: true }, ...body.estimate],
  }
}

/**
 * Where a title may break: between words (Intl.Segmenter), but not between two single characters the segmenter did not
 * know as words (资|阳), inside 《》〔〕（）, or inside a number. Indexes are character positions.
 */
function breakPoints(chars: string[]): Set<number> {
  const segments = [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(chars.join(''))].map((x) => [...x.segment])
  const out = new Set<number>()
  let at = 0
  let depth = 0
  for (let k = 0; k < segments.length; k++) {
    for (const ch of segments[k]) {
      if ('《〔（'.includes(ch)) depth++
      if ('》〕）'.includes(ch)) depth--
    }
    at += segments[k].length
    const next = segments[k + 1]
    if (!next || depth > 0) continue
    const single = (seg: string[]) => seg.length === 1 && !/[\d的和与及于《》（）、，]/.test(seg[0])
    if (single(segments[k]) && single(next)) continue
    if (glued(chars, at)) continue
    out.add(at)
  }
  return out
}

/**
 * A number stays with its unit and 第 with its number: no break in 2027|年度, 2027年|度, 第|3 or 12|号 (the segmenter
 * splits a number from the 年度 after it, and a title line ending in 2027 or starting with 年度 reads wrong).
 */
export function glued(chars: string[], at: number): boolean {
  const before = chars[at - 1] ?? ''
  const after = chars[at] ?? ''
  return (/\d/.test(before) && /[\d年月日号度期届次批个项]/.test(after)) || (before === '年' && after === '度') || (before === '第' && /\d/.test(after))
}

/** Width of title characters in 2号 characters: digits and Latin letters are half as wide. */
const lineWidth = (chars: string[]) => chars.reduce((w, c) => w + (c.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0)

/**
 * The title's lines (2号: 20 characters a line): a long title is broken into lines of about equal length between words,
 * preferring a break after 的/和/与/及/于/》 or after 关于, never inside a word, 《》, a number or the 〔〕 of a 字号.
 */
export function titleLines(title: string): string[] {
  const chars = [...title]
  const perLine = 20
  const width = (from: number, to: number) => lineWidth(chars.slice(from, to))
  if (width(0, chars.length) <= perLine) return [title]
  const points = breakPoints(chars)
  const fewest = Math.ceil(width(0, chars.length) / perLine)
  // one line more when the number and its 年度 kept together leave a line too long for the fewest lines
  for (let count = fewest; count < fewest + 2; count++) {
    const lines = titleInLines(chars, points, count, width)
    if (lines.every((l) => lineWidth([...l]) <= perLine)) return lines
  }
  return titleInLines(chars, points, fewest + 2, width)
}

/** The title in `count` lines of about equal width, broken at the best of `points` (see titleLines). */
function titleInLines(chars: string[], points: Set<number>, count: number, width: (from: number, to: number) => number): string[] {
  const perLine = 20
  const lines: string[] = []
  let start = 0
  for (let k = count; k > 1; k--) {
    const target = width(start, chars.length) / k
    const score = (i: number) =>
      (/[的和与及于》]/.test(chars[i - 1]) || chars.slice(start, i).join('').endsWith('关于') ? 0 : 2) + Math.abs(width(start, i) - target)
    let best = -1
    for (const i of points) {
      if (i <= start || width(start, i) > perLine || width(i, chars.length) > perLine * (k - 1)) continue
      if (best < 0 || score(i) < score(best)) best = i
    }
    if (best < 0) {
      best = start + 1
      while (best < chars.length && width(start, best + 1) <= target) best++
      while (best > start + 1 && glued(chars, best)) best--
    }
    lines.push(chars.slice(start, best).join(''))
    start = best
  }
  lines.push(chars.slice(start).join(''))
  return lines
}

// ---------------------------------------------------------------- page estimate

/** The type area holds 22 lines of 28.9 pt. */
const PAGE_CAPACITY = 22 * LINE_PITCH
/** A 3号 character as set (16 pt, 0.25 pt tighter). */
const SET_CHAR = CHAR - 5

/** Lines a 3号 paragraph takes: its first line `firstIndent` twips in, the others `indent`. */
function linesOf(text: string, firstIndent = 2 * CHAR, indent = 0): number {
  let lines = 1
  let used = firstIndent
  let width = TYPE_AREA.width
  for (const ch of text) {
    const w = ch.charCodeAt(0) < 0x2000 ? SET_CHAR / 2 : SET_CHAR
    if (used + w > width + 5) {
      lines++
      used = indent
      width = TYPE_AREA.width
    }
    used += w
  }
  return lines
}

/**
 * Where the text ends: the page (1-based) and the height used on it, from the heights of the blocks in order (twips;
 * a block of several lines may break between them). The 版记 goes to the foot of an even page: if the text ends on an
 * odd page, or the 版记 does not fit under it, the 版记 starts a new page.
 */
function estimateEnd(blocks: Estimate[]): { page: number; used: number } {
  let page = 1
  let used = 0
  for (const b of blocks) {
    if (b.newPage && used > 0) { page++; used = 0 }
    used += b.extra ?? 0
    for (let i = 0; i < b.lines; i++) {
      if (used + b.line > PAGE_CAPACITY + 20) {
        page++
        used = 0
      }
      used += b.line
    }
  }
  return { page, used }
}

// ---------------------------------------------------------------- the 公文

const dateText = (d: PrintDate) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? chineseDate(d) : d)

/**
 * The 公文 in GB/T 9704: see the file comment. A classified document shows 份号 (when given) and 密级和保密期限; an
 * unclassified one shows neither mark. The 版记 is floated to the foot of the last page; when the text is estimated to
 * end on an odd page, a page break puts the 版记 on the following even page.
 */
export function officialDocumentDocx(data: OfficialDocumentPrint): Promise<Buffer> {
  const secrecy = classificationMark(data.classification, data.secrecyPeriod) ?? undefined
  const urgency = data.urgency && data.urgency !== '无' ? data.urgency : undefined
  const copyNumber = data.copyNumber === null || data.copyNumber === undefined || data.copyNumber === '' ? undefined : data.copyNumber
  const attachments = (data.attachments ?? []).map((a) => a.trim()).filter(Boolean)
  const lines = bodyLines(data.body)
  const title = titleLines(data.title)

  // ---- 版头
  const head: FileChild[] = []
  let firstPage: { header: Paragraph[]; footer: Paragraph[] } | undefined
  const blocks: Estimate[] = []
  if (data.letter) {
    const letter = letterHead(data.mark)
    firstPage = { header: letter.header, footer: letter.footer }
    head.push(letter.spacer)
    // the first line: 份号 (or the first mark) left, 发文字号 right; then the other marks one a line
    const marks = [
      ...(copyNumber !== undefined ? [run(String(copyNumber).padStart(6, '0'))] : []),
      ...(secrecy ? [run(secrecy, { font: FONT.hei })] : []),
      ...(urgency ? [run(urgency, { font: FONT.hei })] : []),
    ]
    head.push(leftRightLine(marks.slice(0, 1), data.number))
    for (const m of marks.slice(1)) head.push(new Paragraph({ children: [m] }))
    blocks.push({ line: LINE_PITCH, lines: Math.max(1, marks.length), extra: 520 })
  } else {
    const top = topMarks({ copyNumber, secrecy, urgency })
    const { line, inkTop } = markMetrics(data.mark)
    head.push(...top, redMark(data.mark, { linesAbove: top.length }), blankLine(), blankLine())
    const numberParas = data.signers ? signerLines(data.number, data.signers.filter(Boolean)) : [numberLine(data.number)]
    head.push(...numberParas, redSeparator())
    blocks.push({ line: LINE_PITCH, lines: top.length }, { line: line + Math.max(0, MARK_OFFSET - inkTop - top.length * LINE_PITCH), lines: 1 })
    blocks.push({ line: LINE_PITCH, lines: 2 + numberParas.length }, { line: 150, lines: 1 })
  }

  // ---- 主体
  const main: FileChild[] = [blankLine(), blankLine(), titleParagraph(title)]
  blocks.push({ line: LINE_PITCH, lines: 2 + title.length })
  if (data.addressee?.trim()) {
    main.push(blankLine(), addresseeParagraph(data.addressee.trim()))
    blocks.push({ line: LINE_PITCH, lines: 1 + linesOf(data.addressee.trim() + '：', 0) })
  }
  const body = data.bodyBlocks
    ? blockContent(withoutRepeatedTail(withoutRepeatedHeads(data.bodyBlocks, [data.title, data.addressee]), { issuer: data.issuer, attachmentsListed: attachments.length > 0 }))
    : blockContent(lines.map((text) => ({ kind: 'paragraph', text })))
  main.push(...body.children)
  blocks.push(...body.estimate)
  if (attachments.length) {
    // the 附件说明 stays together (and, through keepNext, with the signature below it)
    main.push(blankLine(), ...attachmentNote(attachments).map(keepWithNext))
    const labelW = textWidth(ATTACHMENT_LABEL)
    blocks.push({ line: LINE_PITCH, lines: 1 })
    attachmentTexts(attachments).forEach((t) => blocks.push({ line: LINE_PITCH, lines: linesOf(t, 2 * CHAR + labelW, 2 * CHAR + labelW) }))
  }
  // the signature never stands alone on a page: the last paragraph goes over with it
  const last = main.at(-1)
  if (last instanceof Paragraph) keepWithNext(last)
  main.push(keepWithNext(blankLine()), ...signatureBlock(data.issuer, dateText(data.date)))
  blocks.push({ line: LINE_PITCH, lines: 3 })
  if (data.note?.trim()) {
    main.push(noteParagraph(data.note))
    blocks.push({ line: LINE_PITCH, lines: linesOf(`（${data.note.trim()}）`) })
  }
  // ---- .docx 附件, each from a new page, before the 版记 (§8)
  for (const a of data.attachmentPages ?? []) {
    const page = attachmentPageContent(a)
    main.push(...page.children)
    blocks.push(...page.estimate)
  }

  // ---- 版记 at the foot of the last (even) page
  const cc = (data.cc ?? []).map((c) => c.trim()).filter(Boolean)
  const closing = closingBlock({ cc, printer: data.printer, printDate: data.printDate, letter: data.letter })
  const closingLines = closing.length ? (cc.length ? linesOf(`抄送：${cc.join('，')}。`, CHAR, CHAR) : 0) + (data.letter ? 0 : 1) : 0
  const end = estimateEnd(blocks)
  const room = PAGE_CAPACITY - end.used
  const tail: FileChild[] = []
  if (closing.length) {
    if (end.page % 2 === 1) tail.push(pageBreak())
    else if (room < closingLines * LINE_PITCH + 200) tail.push(pageBreak(), pageBreak())
    tail.push(...closing)
  }

  return toBuffer(
    gbtDocument({ title: data.title, sections: [{ children: [...head, ...main, ...tail], firstPage }] }),
  )
}
