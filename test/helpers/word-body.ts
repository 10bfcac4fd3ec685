/**
 * A drafter's Word body as the office receives it, made with the `docx` package (it only writes): the drafter's own
 * fonts (宋体, Calibri, 小四) and a three-level outline (一、 / （一） / 1.), a table with a merged heading row and a
 * vertically merged cell — what 套红 must lay into the GB/T 9704 frame in the standard's fonts, keeping the table.
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx'

const p = (text: string, font = '宋体') => new Paragraph({ children: [new TextRun({ text, font, size: 24 })] })
const cell = (text: string, o: { span?: number; merge?: 'restart' | 'continue' } = {}) => new TableCell({
  columnSpan: o.span,
  verticalMerge: o.merge === 'restart' ? VerticalMergeType.RESTART : o.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
  width: { size: 2000 * (o.span ?? 1), type: WidthType.DXA },
  children: [p(o.merge === 'continue' ? '' : text, 'Calibri')],
})

/** Paragraphs in the drafter's fonts; `title` first when given (drafters often type it), as the office gets them. */
export function wordBody(lines: (string | 'TABLE')[], title?: string): Promise<Buffer> {
  const table = new Table({
    columnWidths: [2000, 2000, 2000],
    rows: [
      new TableRow({ children: [cell('养护任务分解表', { span: 3 })] }),
      new TableRow({ children: [cell('县（区）'), cell('养护里程（公里）'), cell('完成时限')] }),
      new TableRow({ children: [cell('雁江区', { merge: 'restart' }), cell('320'), cell('2027年3月底')] }),
      new TableRow({ children: [cell('', { merge: 'continue' }), cell('85（乡道）'), cell('2027年6月底')] }),
      new TableRow({ children: [cell('安岳县'), cell('410'), cell('2027年6月底')] }),
    ],
  })
  const children = [...(title ? [p(title, '黑体')] : []), ...lines.map((l) => (l === 'TABLE' ? table : p(l)))]
  return Packer.toBuffer(new Document({ sections: [{ children }] })) as Promise<Buffer>
}

/** The body the 套红 tests lay out: a three-level outline, text, and the table between two paragraphs. */
export const OUTLINE_BODY = [
  '经市政府同意，现就做好2027年全市农村公路养护工作通知如下。',
  '一、总体要求',
  '坚持“建管养运”并重，确保农村公路列养率达到100%。',
  '（一）工作目标',
  '1.完善养护机制。各县（区）要建立县、乡、村三级路长制。',
  '2.落实养护资金。养护资金纳入本级财政预算。',
  '各县（区）养护任务见下表：',
  'TABLE',
  '二、保障措施',
  '（一）加强组织领导',
  '各县（区）政府要把农村公路养护列入重要议事日程。',
] as const

/**
 * A body whose headings are numbered by Word's list feature (一、 / （一） / 1. in numbering.xml, not in the text), as
 * drafters who use 多级列表 save it: `[level, text]`, level null for body text.
 */
export function wordBodyWithListNumbers(lines: [0 | 1 | 2 | null, string][]): Promise<Buffer> {
  const levels = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
  ].map((l) => ({ ...l, alignment: AlignmentType.LEFT }))
  return Packer.toBuffer(new Document({
    numbering: { config: [{ reference: 'outline', levels }] },
    sections: [{ children: lines.map(([level, text]) => new Paragraph({ children: [new TextRun({ text, font: '宋体' })], ...(level === null ? {} : { numbering: { reference: 'outline', level } }) })) }],
  })) as Promise<Buffer>
}
