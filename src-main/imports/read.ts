/**
 * Reading the office's files into a header row and data rows, with libraries rather than our own parsers:
 * .xlsx by read-excel-file (the author of write-excel-file, which writes our Excel exports), .csv by csv-parse
 * after decoding — UTF-8 when the bytes are valid UTF-8 (a fatal decoder says so), else GBK as WPS saves it
 * (Node's TextDecoder 'gb18030', a superset of GBK). An .xls (the old binary format WPS still saves by default) by
 * SheetJS Community Edition 0.20.3 as republished on npm (@e965/xlsx: the npm package "xlsx" stopped at 0.18.5, which
 * has known flaws reading hostile files; 0.20.2+ fixes them).
 */
import { readSheet } from 'read-excel-file/node'
import { read as readWorkbook, utils as sheetUtils } from '@e965/xlsx'
import { parse } from 'csv-parse/sync'
import { AppError } from '../kernel/errors'
import { cellText, type Cell } from './rules'

export interface Table { headers: string[]; rows: Cell[][]; encoding: string | null }

const XLSX_MAGIC = Buffer.from('PK\x03\x04', 'latin1')
const XLS_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])

/** UTF-8 if it decodes as such (BOM dropped), otherwise GBK/GB18030. */
export function decodeText(bytes: Buffer): { text: string; encoding: 'UTF-8' | 'GBK' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK' }
  }
}

function readCsv(bytes: Buffer): Cell[][] {
  const { text } = decodeText(bytes)
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][]
  } catch (e) {
    throw new AppError('VALIDATION', `CSV文件格式有误，无法读取（${e instanceof Error ? e.message : String(e)}）。请在WPS/Excel中打开后另存为.xlsx再导入`)
  }
}

async function readXlsx(bytes: Buffer): Promise<Cell[][]> {
  try {
    return (await readSheet(bytes)) as unknown as Cell[][]
  } catch {
    throw new AppError('VALIDATION', '无法读取该Excel文件：文件可能已损坏或不是.xlsx格式。请在WPS/Excel中打开后另存为.xlsx再导入')
  }
}

/**
 * The first sheet of an .xls. Dates come as Excel serial numbers, not Date objects (SheetJS would build those in the
 * server's own time zone): parseDate and parseDateTime read serials, fraction (time of day) included.
 */
function readXls(bytes: Buffer): Cell[][] {
  try {
    const book = readWorkbook(bytes, { type: 'buffer', cellDates: false, cellFormula: false, cellHTML: false, cellStyles: false })
    const sheet = book.Sheets[book.SheetNames[0]]
    return sheet ? (sheetUtils.sheet_to_json(sheet, { header: 1, raw: true, defval: null, blankrows: true }) as Cell[][]) : []
  } catch {
    throw new AppError('VALIDATION', '无法读取该Excel（.xls）文件：文件可能已损坏或加了密码。请在WPS/Excel中打开后另存为.xlsx再导入')
  }
}

const isEmptyRow = (r: Cell[]) => r.every((c) => cellText(c) === '')

/**
 * The table of a file: the first non-empty row is the header (a title row above it, as registers often have, is
 * skipped when it has a single filled cell); empty rows are dropped but rows keep their number in the file.
 */
export async function readTable(fileName: string, bytes: Buffer): Promise<Table & { rowNumbers: number[] }> {
  const lower = fileName.toLowerCase()
  let cells: Cell[][]
  let encoding: string | null = null
  if (bytes.subarray(0, 4).equals(XLS_MAGIC)) {
    cells = readXls(bytes)
  } else if (bytes.subarray(0, 4).equals(XLSX_MAGIC)) {
    cells = await readXlsx(bytes)
  } else if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    encoding = decodeText(bytes).encoding
    cells = readCsv(bytes)
  } else {
    throw new AppError('VALIDATION', `「${fileName}」不是Excel（.xlsx、.xls）或CSV文件，请选择这几种文件`)
  }
  let head = cells.findIndex((r) => !isEmptyRow(r) && r.filter((c) => cellText(c) !== '').length > 1)
  if (head < 0) throw new AppError('VALIDATION', `「${fileName}」中没有表头和数据：第一行应为列名（如“收文号”“标题”），其下每行一条记录`)
  const headers = cells[head].map(cellText)
  const rows: Cell[][] = []
  const rowNumbers: number[] = []
  for (let i = head + 1; i < cells.length; i++) {
    if (isEmptyRow(cells[i])) continue
    rows.push(cells[i])
    rowNumbers.push(i + 1)
  }
  return { headers, rows, rowNumbers, encoding }
}
