/**
 * Reads the text of a drafter's Word body (.docx) for 套红: its paragraphs and tables, in order, as plain data. The
 * fonts, sizes and spacing of the source are dropped on purpose: the office lays the text into the GB/T 9704 frame in
 * the standard's fonts (print/gbt9704.ts, documents/print/docx.ts). The zip is opened with fflate and
 * word/document.xml parsed with @xmldom/xmldom; nothing here parses zip or XML by hand.
 */
import { strFromU8, unzipSync } from 'fflate'
import { DOMParser, type Document, type Element } from '@xmldom/xmldom'
import { attrW, children, childW, isW } from './docx-xml'
import { numberingOf, type Numbering } from './docx-numbering'

export interface DocxParagraph { kind: 'paragraph'; text: string }
/** A table cell: its paragraphs' text, how many grid columns it spans, and whether it starts or continues a vertical merge. */
export interface DocxCell { paragraphs: string[]; span: number; merge: 'restart' | 'continue' | null }
/** A table: its grid column widths (twips, as the source had them) and rows of cells. */
export interface DocxTable { kind: 'table'; columns: number[]; rows: DocxCell[][] }
export type DocxBlock = DocxParagraph | DocxTable

/** Why a file cannot be read as a Word body, in the office's words (the caller names the file). */
export class DocxReadError extends Error {}

/** An old Word 97–2003 file (.doc, WPS .wps) is an OLE compound file: it starts D0 CF 11 E0. */
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b

export const SAVE_AS_DOCX = '请在 Word 或 WPS 中打开该文件，“另存为”Word 文档（*.docx）后重新上传'

/** The reason a file cannot be a .docx body, or null: by its name and its first bytes, before unzipping anything. */
export function notDocxReason(name: string, bytes: Uint8Array): string | null {
  if (isOle(bytes) || /\.(doc|wps)$/i.test(name)) return `是旧版 Word（.doc）格式，系统只能读取 .docx。${SAVE_AS_DOCX}`
  if (!/\.docx$/i.test(name) || !isZip(bytes)) return `不是 Word 文档（.docx）。${SAVE_AS_DOCX}`
  return null
}

/**
 * A paragraph's text: w:t in order, a tab as a space, a line break as a new line. Text boxes and deleted text are left
 * out (a text box is a drawing, not the body; w:delText is not w:t).
 */
function paragraphText(p: Element): string {
  let out = ''
  const walk = (el: Element) => {
    for (const c of children(el)) {
      if (isW(c, 'txbxContent') || isW(c, 'del') || isW(c, 'pPr') || isW(c, 'rPr')) continue
      if (isW(c, 't')) out += c.textContent ?? ''
      else if (isW(c, 'tab')) out += ' '
      else if (isW(c, 'br') || isW(c, 'cr')) out += attrW(c, 'type') === 'page' ? '' : '\n'
      else walk(c)
    }
  }
  walk(p)
  return out
}

function readCell(tc: Element, numbering: Numbering): DocxCell {
  const pr = childW(tc, 'tcPr')
  const span = Number(attrW(pr && childW(pr, 'gridSpan'), 'val') ?? 1)
  const vMerge = pr && childW(pr, 'vMerge')
  // <w:vMerge/> without a value continues the cell above; w:val="restart" starts a merged run
  const merge = vMerge ? (attrW(vMerge, 'val') === 'restart' ? 'restart' : 'continue') : null
  const paragraphs = blocksOf(tc, numbering).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.flatMap((c) => c.paragraphs))))
  return { paragraphs: paragraphs.filter((t) => t.trim()), span: Number.isInteger(span) && span > 0 ? span : 1, merge }
}

function readTable(tbl: Element, numbering: Numbering): DocxTable {
  const grid = childW(tbl, 'tblGrid')
  const columns = grid ? children(grid).filter((c) => isW(c, 'gridCol')).map((c) => Number(attrW(c, 'w') ?? 0) || 0) : []
  const rows = children(tbl).filter((c) => isW(c, 'tr')).map((tr) => children(tr).filter((c) => isW(c, 'tc')).map((tc) => readCell(tc, numbering)))
  const width = Math.max(0, ...rows.map((r) => r.reduce((n, c) => n + c.span, 0)))
  // a table without a grid (or a short one) gets equal columns
  const cols = columns.length >= width && columns.every((w) => w > 0) ? columns : Array.from({ length: width }, () => 1)
  return { kind: 'table', columns: cols, rows: rows.filter((r) => r.length) }
}

/**
 * The blocks of a container (w:body, a cell), descending into content controls (w:sdt) and inserted text; a paragraph
 * in one of Word's numbered lists gets its number written in front (./docx-numbering).
 */
function blocksOf(container: Element, numbering: Numbering): DocxBlock[] {
  const out: DocxBlock[] = []
  for (const el of children(container)) {
    if (isW(el, 'p')) out.push(...(numbering.prefix(el) + paragraphText(el)).split('\n').map((text) => ({ kind: 'paragraph' as const, text })))
    else if (isW(el, 'tbl')) out.push(readTable(el, numbering))
    else if (isW(el, 'sdt')) { const c = childW(el, 'sdtContent'); if (c) out.push(...blocksOf(c, numbering)) }
    else if (isW(el, 'ins') || isW(el, 'customXml')) out.push(...blocksOf(el, numbering))
  }
  return out
}

const PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml']

/**
 * The body of a .docx as paragraphs (text trimmed, empty ones dropped) and tables. Throws DocxReadError when the file
 * is not a readable Word document.
 */
export function readDocxBody(bytes: Uint8Array): DocxBlock[] {
  let parts: Record<string, Uint8Array>
  try {
    parts = unzipSync(bytes, { filter: (f) => PARTS.includes(f.name) })
  } catch {
    throw new DocxReadError('文件已损坏或不是完整的 Word 文档')
  }
  if (!parts['word/document.xml']) throw new DocxReadError('缺少正文部分（word/document.xml）')
  let docs: (Document | undefined)[]
  try {
    docs = PARTS.map((name) => (parts[name] ? new DOMParser().parseFromString(strFromU8(parts[name]), 'text/xml') : undefined))
  } catch {
    throw new DocxReadError('正文内容无法解析，文件可能已损坏')
  }
  const [doc, numbering, styles] = docs
  const body = childW(doc?.documentElement ?? undefined, 'body')
  if (!body) throw new DocxReadError('找不到正文内容，文件可能已损坏')
  return blocksOf(body, numberingOf({ numbering, styles })).flatMap((b): DocxBlock[] => {
    if (b.kind === 'table') return b.rows.length ? [b] : []
    const text = b.text.trim()
    return text ? [{ kind: 'paragraph', text }] : []
  })
}

/** The blocks as plain text, a paragraph a line and a table row a line (cells by tabs): for search, R-D5 and the page. */
export const blocksText = (blocks: DocxBlock[]): string =>
  blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.map((c) => c.paragraphs.join(' ')).join('\t')).join('\n'))).join('\n')

const sameText = (a: string, b: string) => a.replace(/[\s　:：]/g, '') === b.replace(/[\s　:：]/g, '')

/**
 * The blocks without the heads the frame prints itself: a drafter's Word file often starts with its own 附件 label,
 * title and 主送机关, which would otherwise print twice.
 */
export function withoutRepeatedHeads(blocks: DocxBlock[], heads: (string | null | undefined)[]): DocxBlock[] {
  let from = 0
  for (const h of heads) {
    const b = blocks[from]
    if (h && b?.kind === 'paragraph' && sameText(b.text, h)) from++
  }
  return blocks.slice(from)
}

const DATE_LINE = /^(\d{4}|[〇○零一二三四五六七八九]{4})年[\d〇○零一二三四五六七八九十]{1,3}月[\d〇○零一二三四五六七八九十]{1,3}日$/

/**
 * The blocks without the closing lines the frame prints itself: a drafter's file often ends with the issuer's name and
 * the date (署名, 成文日期) and, when the 附件 are listed by the frame, its own 附件说明 (附件：1.… 2.…).
 */
export function withoutRepeatedTail(blocks: DocxBlock[], tail: { issuer: string; attachmentsListed: boolean }): DocxBlock[] {
  let end = blocks.length
  const text = (i: number) => { const b = blocks[i]; return b?.kind === 'paragraph' ? b.text.replace(/\s/g, '') : null }
  while (end > 0 && (DATE_LINE.test(text(end - 1) ?? '') || text(end - 1) === tail.issuer.replace(/\s/g, ''))) end--
  if (tail.attachmentsListed) {
    // the 附件说明: a line 附件：… and the numbered lines after it
    let start = end
    while (start > 0 && /^\d+[.．、]/.test(text(start - 1) ?? '')) start--
    if (start > 0 && /^附件[:：]/.test(text(start - 1) ?? '')) end = start - 1
  }
  return blocks.slice(0, end)
}
