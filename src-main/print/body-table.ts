/**
 * A table from a drafter's Word body laid into the GB/T 9704 type area (套红): the same rows, cells, column spans and
 * vertical merges, column widths scaled from the source's grid to the 156 mm type area, every cell's text in 4号仿宋
 * (a 3号 table of several columns does not fit the width), single black borders.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, VerticalMergeType, WidthType } from 'docx'
import type { DocxTable } from './docx-reader'
import { offGrid, run, SIZE, TYPE_AREA } from './gbt9704'

/** 4号 text at 20 pt exact lines: off the 22-line grid so LibreOffice does not stretch each line to 28.9 pt. */
export const TABLE_LINE = 400
const CELL_MARGIN = 80

const cellParagraph = (text: string) =>
  offGrid(new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: { line: TABLE_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [run(text, { size: SIZE.hao4 })],
  }))

/** Source grid widths scaled to the type area, whole twips, summing to its width exactly. */
export function scaledColumns(columns: number[]): number[] {
  const total = columns.reduce((a, b) => a + b, 0) || 1
  const out = columns.map((w) => Math.floor((w / total) * TYPE_AREA.width))
  out[out.length - 1] += TYPE_AREA.width - out.reduce((a, b) => a + b, 0)
  return out
}

export function bodyTable(table: DocxTable): Table {
  const widths = scaledColumns(table.columns)
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
  const rows = table.rows.map((cells) => {
    let col = 0
    return new TableRow({
      children: cells.map((c) => {
        const width = widths.slice(col, col + c.span).reduce((a, b) => a + b, 0)
        col += c.span
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: c.span > 1 ? c.span : undefined,
          verticalMerge: c.merge === 'restart' ? VerticalMergeType.RESTART : c.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
          // a cell needs one paragraph even when empty (Word refuses a cell without one)
          children: (c.merge === 'continue' || c.paragraphs.length === 0 ? [''] : c.paragraphs).map(cellParagraph),
        })
      }),
    })
  })
  return new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows,
  })
}

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
