/**
 * Files as offices make them, for the 导入 tests (issue 18): an .xlsx written by a real spreadsheet writer
 * (write-excel-file, with date cells and number cells where the value is one), the same as an old .xls saved by
 * LibreOffice Calc, and a CSV saved as WPS saves it in
 * GBK. Node can decode GBK but not encode it, so the encoder here is the inverse of Node's own GB18030 decoder over
 * the two-byte range — every byte sequence it writes is one that decoder reads back as the same character.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import writeXlsxFile, { type Row } from 'write-excel-file/node'

export type FileCell = string | number | Date | null

export async function xlsxOf(rows: readonly (readonly FileCell[])[], title?: string): Promise<Buffer> {
  const cell = (v: FileCell) => v === null ? null
    : v instanceof Date ? { value: v, type: Date, format: 'yyyy-mm-dd' }
      : typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String }
  const data: Row[] = rows.map((r) => r.map(cell) as Row)
  if (title) data.unshift([{ value: title, type: String }, ...rows[0].slice(1).map(() => null)] as Row)
  return writeXlsxFile(data, {}).toBuffer()
}

let gbk: Map<string, Buffer> | null = null
function gbkTable(): Map<string, Buffer> {
  if (gbk) return gbk
  const decoder = new TextDecoder('gb18030')
  gbk = new Map()
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const ch = decoder.decode(Buffer.from([a, b]))
      if ([...ch].length === 1 && ch !== '\ufffd' && !gbk.has(ch)) gbk.set(ch, Buffer.from([a, b]))
    }
  }
  return gbk
}

/** Text as GBK bytes; ASCII stays one byte. */
export function encodeGbk(text: string): Buffer {
  const table = gbkTable()
  return Buffer.concat([...text].map((ch) => {
    if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch, 'latin1')
    const bytes = table.get(ch)
    if (!bytes) throw new Error(`“${ch}”不在GBK中`)
    return bytes
  }))
}

const csvField = (v: FileCell) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v)
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export const csvOf = (rows: readonly (readonly FileCell[])[]) => rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
export const gbkCsvOf = (rows: readonly (readonly FileCell[])[]) => encodeGbk(csvOf(rows))

/**
 * The same table as an old-format .xls (BIFF8) written by an office suite, as WPS saves it by default: the .xlsx above
 * converted by LibreOffice Calc (installed by scripts/test-all.sh), with a profile of its own.
 */
export async function xlsOf(rows: readonly (readonly FileCell[])[]): Promise<Buffer> {
  const work = mkdtempSync(join(tmpdir(), 'sanban-xls-'))
  try {
    writeFileSync(join(work, 'table.xlsx'), await xlsxOf(rows))
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore',
      '--convert-to', 'xls:MS Excel 97', '--outdir', work, join(work, 'table.xlsx')], { encoding: 'utf8', timeout: 120_000 })
    if (!existsSync(join(work, 'table.xls'))) throw new Error(`LibreOffice wrote no .xls (status ${r.status}): ${r.stderr || r.stdout}`)
    return readFileSync(join(work, 'table.xls'))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
