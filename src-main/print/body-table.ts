/**
 * Tables laid across the GB/T 9704 type area, one builder for every print that has them. A table from a drafter's Word
 * body (套红): the same rows, cells, column spans and vertical merges, column widths scaled from the source's grid to
 * the 156 mm type area, every cell's text in 4号仿宋 (a 3号 table of several columns does not fit the width), single
 * black borders. The 月度通报's figures set their own size, lines and header row (stats/report.ts).
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, VerticalMergeType, WidthType } from 'docx'
import type { DocxTable } from './docx-reader'
import { offGrid, run, SIZE, TYPE_AREA, type FontName } from './gbt9704'

/** 4号 text at 20 pt exact lines: off the 22-line grid so LibreOffice does not stretch each line to 28.9 pt. */
export const TABLE_LINE = 400
const CELL_MARGIN = 80

/** One cell to lay: its paragraphs, the grid columns it spans, a vertical merge it starts or continues, its font (仿宋 if none). */
export interface LaidCell { paragraphs: readonly string[]; span?: number; merge?: 'restart' | 'continue' | null; font?: FontName }

/** How a table's text is set: size, alignment and lines of its paragraphs, and what the table draws around them. */
export interface TableSetting {
  size: number
  alignment: (typeof AlignmentType)[keyof typeof AlignmentType]
  spacing: { line: number; lineRule: (typeof LineRuleType)[keyof typeof LineRuleType]; before: number; after: number }
  /** Paragraphs off the document grid (a line lower than the grid's pitch would be stretched to it). */
  offGrid?: boolean
  margins?: { left: number; right: number; top: number; bottom: number }
  /** Single black borders; without, Word's default table lines. */
  borders?: boolean
  /** The first row is a header repeated on each page, and no row splits across pages. */
  header?: boolean
}

/** The body's tables (套红): 4号, justified, on 20 pt lines off the grid, with margins and single borders. */
const BODY_SETTING: TableSetting = {
  size: SIZE.hao4, alignment: AlignmentType.BOTH, spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  offGrid: true, margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 }, borders: true,
}

/** A table of the given column widths (twips, summing to the type area's) and rows of cells, set as `set` says. */
export function laidTable(widths: readonly number[], rows: readonly (readonly LaidCell[])[], set: TableSetting): Table {
  const paragraph = (text: string, font?: FontName) => {
    const p = new Paragraph({ alignment: set.alignment, spacing: set.spacing, children: [run(text, { size: set.size, font })] })
    return set.offGrid ? offGrid(p) : p
  }
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: set.borders ? { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line } : undefined,
    rows: rows.map((cells, r) => {
      let col = 0
      return new TableRow({
        tableHeader: set.header && r === 0 ? true : undefined,
        cantSplit: set.header ? true : undefined,
        children: cells.map((c) => {
          const span = c.span ?? 1
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0)
          col += span
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            verticalMerge: c.merge === 'restart' ? VerticalMergeType.RESTART : c.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
            verticalAlign: VerticalAlignTable.CENTER,
            margins: set.margins,
            // a cell needs one paragraph even when empty (Word refuses a cell without one)
            children: (c.merge === 'continue' || c.paragraphs.length === 0 ? [''] : c.paragraphs).map((t) => paragraph(t, c.font)),
          })
        }),
      })
    }),
  })
}

/** Source grid widths scaled to the type area, whole twips, summing to its width exactly. */
export function scaledColumns(columns: number[]): number[] {
  const total = columns.reduce((a, b) => a + b, 0) || 1
  const out = columns.map((w) => Math.floor((w / total) * TYPE_AREA.width))
  out[out.length - 1] += TYPE_AREA.width - out.reduce((a, b) => a + b, 0)
  return out
}

/** A table of a drafter's Word body, laid into the type area (套红). */
export const bodyTable = (table: DocxTable): Table => laidTable(scaledColumns(table.columns), table.rows, BODY_SETTING)

/** Lines of 4号 text a table takes, for the page estimate: each row as many as its fullest cell (at least one). */
export function tableLines(table: DocxTable): number {
  const widths = scaledColumns(table.columns)
  const perLine = (twips: number) => Math.max(1, Math.floor((twips - 2 * CELL_MARGIN) / (SIZE.hao4 * 10)))
  return table.rows.reduce((sum, cells) => {
    let col = 0
    const lines = cells.map((c) => {
      const w = widths.slice(col, col + c.span).reduce((a, b) => a + b, 0)
      col += c.span
      return c.paragraphs.reduce((n, p) => n + Math.ceil([...p].length / perLine(w)), 0)
    })
    return sum + Math.max(1, ...lines)
  }, 0)
}
