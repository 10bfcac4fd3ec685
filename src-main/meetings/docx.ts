/**
 * Word files for meetings: the 纪要 (GB/T 9704-2012 §10.2), the 会议议程, the 会议通知 and the 出席情况. Pure functions over
 * plain data (the service gathers it); every piece of layout comes from the GB/T 9704 layer in ../print/gbt9704.
 */
import { AlignmentType, type FileChild, LineRuleType, Paragraph } from 'docx'
import {
  FONT,
  LINE_PITCH,
  run,
  addresseeParagraph,
  attendanceLines,
  blankLine,
  bodyParagraph,
  chineseDate,
  chineseNumber,
  closingBlock,
  gbtDocument,
  headingParagraph,
  keepWithNext,
  numberLine,
  redMark,
  redSeparator,
  signatureBlock,
  spreadLine,
  titleParagraph,
  toBuffer,
} from '../print/gbt9704'
import { chineseWeekday } from '../common/dates'

// ---------------------------------------------------------------- input

/** From the system settings. */
export interface PrintSettings {
  /** e.g. 资阳市人民政府 */
  governmentName: string
  /** e.g. 资阳市人民政府办公室: issues the 纪要, signs the 通知, prints (印发) all three. */
  officeName: string
}

/** A date as 'YYYY-MM-DD' (printed 2026年10月14日), or text printed as given. */
export type PrintDate = string

export interface MinutesTopic {
  /** The topic title, e.g. 关于2026年城市更新工作; printed 一、关于2026年城市更新工作 in 黑体 (a leading 一、 is kept, not doubled). */
  heading: string
  /** 议定事项: paragraphs separated by line breaks. A paragraph starting （一）明确责任分工。 has that sentence in 楷体. */
  decisions: string
}

export interface MinutesPrint {
  settings: PrintSettings
  /** The red mark, e.g. 资阳市人民政府常务会议纪要. */
  mark: string
  /** The number line under the mark, e.g. 〔2026〕5号 or 第5期. */
  number: string
  /** Not yet signed: marked 草稿 at the top of the first page, where 份号 and 密级 would stand. */
  draft?: boolean
  /** Date on the office/date line above the red separator (the issue date). */
  date: PrintDate
  /** A title below the separator, e.g. 关于研究城市更新有关问题的会议纪要 (专题会议); none for a 常务会议. */
  title?: string
  /** 会议概况, e.g. 2026年10月12日，市长张明远主持召开市政府第5次常务会议……现将会议议定事项纪要如下： */
  opening: string
  /** One a topic, numbered 一、二、三、 in print. */
  topics: MinutesTopic[]
  attendance: {
    /** 出席: names (or units and names). */
    present: string[]
    /** 请假: printed 林峰（出差）. */
    onLeave: { name: string; reason?: string }[]
    /** 列席: names or units and names. */
    attending: string[]
  }
  /** 分送: the bodies (joined with ，) or the whole text; none leaves the line out. */
  distribution?: string | string[]
  /** 印发 date; the 印发机关 is settings.officeName. */
  printDate: PrintDate
}

export interface AgendaTopic {
  /** e.g. 审议《资阳市城市更新实施办法（送审稿）》 */
  title: string
  /** 提请单位, e.g. 市住房城乡建设局 */
  department?: string
  /** 汇报人, e.g. 李建国（市住房城乡建设局局长） */
  reporter?: string
  /** 列席 units (or names) for this topic. */
  attending?: string[]
}

export interface AgendaPrint {
  settings: PrintSettings
  /** e.g. 市政府第12次常务会议议程 */
  title: string
  /** 'YYYY-MM-DD' */
  date: PrintDate
  halfDay?: '上午' | '下午' | '晚上'
  /** e.g. 9:00 */
  time?: string
  place: string
  /** 主持, e.g. 张明远市长 */
  chair: string
  topics: AgendaTopic[]
  /** Lines after the topics, e.g. 会务联系：王芳，电话：028-26612345 (plain body text). */
  notes?: string[]
}

export interface NoticeItem {
  /** e.g. 会议时间; printed 一、会议时间 in 黑体. */
  heading: string
  /** Paragraphs under it; （一）…。 sentences in 楷体 as in the 纪要. */
  paragraphs: string[]
}

export interface NoticePrint {
  settings: PrintSettings
  /** Red 机关标志 and 发文字号, e.g. { mark: '资阳市人民政府办公室', number: '资府办函〔2026〕88号' }; none prints no 版头. */
  header?: { mark: string; number: string }
  /** e.g. 关于召开市政府第12次常务会议的通知 */
  title: string
  /** 主送, e.g. 各副市长、秘书长，市政府各部门 (the colon is added). */
  addressee: string
  /** e.g. 经市长同意，定于……召开市政府第12次常务会议。现将有关事项通知如下： */
  opening: string
  /** 一、会议时间 二、会议地点 三、会议议题 四、参会人员 五、有关要求 … */
  items: NoticeItem[]
  /** Paragraphs after the items, e.g. 联系人：王芳，电话：028-26612345。 */
  closing?: string[]
  /** 成文日期, under the office's name. */
  date: PrintDate
  /** 抄送 bodies; with it (or printDate) a 版记 is printed. */
  cc?: string[]
  /** 印发 date; the date above unless given. */
  printDate?: PrintDate
}

// ---------------------------------------------------------------- shared pieces

const dateText = (d: PrintDate) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? chineseDate(d) : d)
const weekday = (d: PrintDate) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `（${chineseWeekday(d)}）` : '')

/** `一、heading` in 黑体, the n-th (0-based); a heading already numbered keeps its number. */
function numberedHeading(i: number, heading: string): Paragraph {
  const h = heading.trim()
  return headingParagraph(1, /^[一二三四五六七八九十]+、/.test(h) ? h : `${chineseNumber(i + 1)}、${h}`)
}

/** A （一） sentence short enough to be a heading (至多 30 characters up to its 。). */
const SUB_HEADING = /^(（[一二三四五六七八九十]+）)([^。]{0,30}。)?/

/**
 * Body paragraphs from text split at line breaks; a leading （一）…。 is a 楷体 heading running into its text, unless
 * `plain`: a notice's items are sentences, and a short one in 楷体 beside a long one in 仿宋 reads as two fonts (GB/T 9704).
 */
function textParagraphs(text: string | string[], plain = false): Paragraph[] {
  const paras = (typeof text === 'string' ? text.split(/\r?\n/) : text).map((t) => t.trim()).filter(Boolean)
  return paras.map((t) => {
    if (plain) return bodyParagraph(t)
    const m = t.match(SUB_HEADING)
    if (!m) return bodyParagraph(t)
    const head = m[0]
    return headingParagraph(2, head, t.slice(head.length) || undefined)
  })
}

/** 草稿 in 黑体 at the top right of the first page, one grid line inside the 35 mm above the mark (like 密级 at the left). */
const draftMark = () => new Paragraph({
  alignment: AlignmentType.RIGHT,
  spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  children: [run('草稿（未签发，不得印发）', { font: FONT.hei })],
})

/** The header of a 纪要 or a 文件: red mark, the number line, and (for a 纪要) the office and date, then the red line. */
function redHeader(mark: string, number: string, officeAndDate?: [string, string], draft = false): Paragraph[] {
  if (officeAndDate) {
    const top = draft ? [draftMark(), redMark(mark, { linesAbove: 1 })] : [redMark(mark)]
    return [...top, blankLine(), numberLine(number), spreadLine(...officeAndDate), redSeparator()]
  }
  return [redMark(mark), blankLine(), blankLine(), numberLine(number), redSeparator()]
}

const list = (t: string | string[] | undefined) => (t === undefined ? [] : (typeof t === 'string' ? [t] : t).map((s) => s.trim()).filter(Boolean))

function render(title: string, children: FileChild[]): Promise<Buffer> {
  return toBuffer(gbtDocument({ title, sections: [{ children }] }))
}

// ---------------------------------------------------------------- 纪要

/**
 * 纪要 (§10.2): red mark; number line; the office left and the date right above the red line; the opening; topics
 * 一、二、三、 in 黑体 with their 议定事项; one blank line, then 出席 / 请假 / 列席; the 版记 (分送, 印发) at the foot of the
 * last page. No signature or date at the end: a 纪要 carries none.
 */
export function minutesDocx(data: MinutesPrint): Promise<Buffer> {
  const { settings, attendance } = data
  const attendanceList = [
    { label: '出席', names: attendance.present },
    { label: '请假', names: attendance.onLeave.map((l) => (l.reason ? `${l.name}（${l.reason}）` : l.name)) },
    { label: '列席', names: attendance.attending },
  ].filter((l) => l.names.length > 0)
  const children: FileChild[] = [
    ...redHeader(data.mark, data.number, [settings.officeName, dateText(data.date)], data.draft),
    blankLine(),
    ...(data.title ? [titleParagraph(data.title), blankLine()] : []),
    ...textParagraphs(data.opening),
    ...data.topics.flatMap((t, i) => [numberedHeading(i, t.heading), ...textParagraphs(t.decisions)]),
    ...(attendanceList.length ? [blankLine(), ...attendanceLines(attendanceList)] : []),
    ...closingBlock({ cc: list(data.distribution), ccLabel: '分送', printer: settings.officeName, printDate: data.printDate }),
  ]
  return render(data.mark, children)
}

// ---------------------------------------------------------------- 议程

/**
 * 会议议程: the title in 2号小标宋; 时间 / 地点 / 主持 with 黑体 labels; the topics 一、二、 in 黑体, each with
 * 提请单位, 汇报人 and 列席 lines (黑体 labels) two characters further in.
 */
export function agendaDocx(data: AgendaPrint): Promise<Buffer> {
  const when = `${dateText(data.date)}${weekday(data.date)}${data.halfDay ?? ''}${data.time ?? ''}`
  const children: FileChild[] = [
    titleParagraph(data.title),
    blankLine(),
    ...attendanceLines([
      { label: '时间', names: [when] },
      { label: '地点', names: [data.place] },
      { label: '主持', names: [data.chair] },
    ]),
    blankLine(),
    ...data.topics.flatMap((t, i) => [
      numberedHeading(i, t.title),
      ...attendanceLines(
        [
          { label: '提请单位', names: list(t.department) },
          { label: '汇报人', names: list(t.reporter) },
          { label: '列席', names: t.attending ?? [] },
        ].filter((l) => l.names.length > 0),
        { indentChars: 4 },
      ),
    ]),
    ...(data.notes?.length ? [blankLine(), ...textParagraphs(data.notes)] : []),
  ]
  return render(data.title, children)
}

// ---------------------------------------------------------------- 通知

/**
 * 会议通知 as an office notice: an optional red 版头; the title; 主送; the opening and the items 一、二、 in 黑体; the
 * office's name and the date (no seal: two characters from the right, §7.3.5.2); a 版记 with 抄送 and 印发 when given.
 */
export function noticeDocx(data: NoticePrint): Promise<Buffer> {
  const { settings } = data
  const withClosing = (data.cc?.length ?? 0) > 0 || data.printDate !== undefined
  const children: FileChild[] = [
    ...(data.header ? [...redHeader(data.header.mark, data.header.number), blankLine(), blankLine()] : []),
    titleParagraph(data.title),
    blankLine(),
    // No addressee known (a 专题会议 with nobody listed yet): no empty "：" line.
    ...(data.addressee.trim() ? [addresseeParagraph(data.addressee)] : []),
    ...textParagraphs(data.opening, true),
    ...data.items.flatMap((item, i) => [numberedHeading(i, item.heading), ...textParagraphs(item.paragraphs, true)]),
    ...textParagraphs(data.closing ?? [], true),
  ]
  // The signature never stands alone on a page: the last paragraph of the text goes over with it.
  const last = children.at(-1)
  if (last instanceof Paragraph) keepWithNext(last)
  children.push(
    keepWithNext(blankLine()),
    keepWithNext(blankLine()),
    ...signatureBlock(settings.officeName, dateText(data.date)),
    ...(withClosing ? closingBlock({ cc: data.cc, printer: settings.officeName, printDate: data.printDate ?? data.date }) : []),
  )
  return render(data.title, children)
}

// ---------------------------------------------------------------- 出席情况

export interface AttendancePrint {
  /** e.g. 资阳市人民政府第5次常务会议出席情况 */
  title: string
  /** 时间 / 地点 / 法定人数, then 出席 / 请假 / 缺席 / 代会 / 列席 / 未登记, each with the names (empty lines are left out). */
  lines: { label: string; names: string[] }[]
}

/** 出席情况: the title, then one labelled line a group (the 纪要's 出席：/请假： layout), as the attendance sheet shows it. */
export function attendanceDocx(data: AttendancePrint): Promise<Buffer> {
  return render(data.title, [titleParagraph(data.title), blankLine(), ...attendanceLines(data.lines.filter((l) => l.names.length > 0))])
}
