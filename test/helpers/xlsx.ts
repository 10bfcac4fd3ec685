/**
 * An exported Excel file as a reader of it sees it: each cell's text (shared strings resolved), a date cell shown
 * as yyyy-mm-dd the way Excel shows it with its yyyy-mm-dd format — and which cells are real dates and numbers,
 * the filter range and the rows repeated on every printed page. Read from the XML by unzip, not by the library
 * that wrote it.
 */
import { unzipPart } from './zip'

export type CellKind = 'date' | 'number' | 'text'
export interface XlsxSheet {
  rows: string[][]
  kinds: (CellKind | undefined)[][]
  /** <autoFilter ref>, e.g. A3:R24. */
  autoFilter: string | null
  /** The print titles' rows, e.g. '收文登记簿'!$3:$3. */
  printTitles: string | null
}

const column = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** Excel's day number (1900 system) as the calendar day it shows. */
const serialDay = (serial: number) => new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 10)

/** Style index → whether its number format shows a date. */
function dateStyles(buf: Buffer): boolean[] {
  const styles = unzipPart(buf, 'xl/styles.xml')
  const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]))
  const xfs = styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? ''
  return [...xfs.matchAll(/<xf\b([^>]*)/g)].map((m) => {
    const id = m[1].match(/numFmtId="(\d+)"/)?.[1]
    return id !== undefined && (/y{2,4}/.test(formats.get(id) ?? '') || (Number(id) >= 14 && Number(id) <= 17))
  })
}

export function readXlsx(base64OrBuffer: string | Buffer): XlsxSheet {
  const buf = typeof base64OrBuffer === 'string' ? Buffer.from(base64OrBuffer, 'base64') : base64OrBuffer
  const sheet = unzipPart(buf, 'xl/worksheets/sheet1.xml')
  let shared: string[] = []
  try {
    shared = [...unzipPart(buf, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => unescape(t[1])).join(''))
  } catch { /* no shared strings */ }
  const isDate = dateStyles(buf)
  const rows: string[][] = []
  const kinds: (CellKind | undefined)[][] = []
  for (const row of sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: string[] = []
    const cellKinds: (CellKind | undefined)[] = []
    for (const c of row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]; const inner = c[2] ?? ''
      const i = column(attrs.match(/r="([A-Z]+\d+)"/)![1])
      const style = Number(attrs.match(/\bs="(\d+)"/)?.[1] ?? 0)
      const v = inner.match(/<v>([^<]*)<\/v>/)?.[1]
      const t = inner.match(/<t[^>]*>([^<]*)<\/t>/)
      if (/t="s"/.test(attrs)) { cells[i] = shared[Number(v)]; cellKinds[i] = 'text' }
      else if (t) { cells[i] = unescape(t[1]); cellKinds[i] = 'text' }
      else if (v !== undefined && isDate[style]) { cells[i] = serialDay(Number(v)); cellKinds[i] = 'date' }
      else if (v !== undefined) { cells[i] = v; cellKinds[i] = 'number' }
      else cells[i] = ''
    }
    rows.push(Array.from(cells, (x) => x ?? ''))
    kinds.push(Array.from(cellKinds))
  }
  const workbook = unzipPart(buf, 'xl/workbook.xml')
  return {
    rows, kinds,
    autoFilter: sheet.match(/<autoFilter ref="([^"]+)"/)?.[1] ?? null,
    printTitles: unescape(workbook.match(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)<\/definedName>/)?.[1] ?? '') || null,
  }
}
