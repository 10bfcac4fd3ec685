/**
 * The two office forms of 办文 as Word files: the 收文处理笺 (routing slip of an incoming document, X-2) and the
 * 发文稿纸 (sign-off sheet of an outgoing one, R-D4, X-1). A4 portrait on the GB/T 9704 page, the title in 2号小标宋,
 * a bordered table with labels in 3号仿宋 and entries in 4号仿宋; every run with its East Asian font (X-7). The boxes
 * for opinions keep room to write in by hand. Pure functions over plain data.
 */
import { AlignmentType, BorderStyle, type FileChild, HeightRule, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx'
import { chineseDate, FONT, gbtDocument, run, SIZE, titleParagraph, toBuffer, TYPE_AREA } from '../../print/gbt9704'
import { classificationText } from '../../common/classification'
import { urgencyText } from '../../common/documents'

// ---------------------------------------------------------------- input

/** A date 'YYYY-MM-DD' (printed 2026年5月8日), a time 'YYYY-MM-DD HH:mm' or 'YYYY-MM-DDTHH:mm…' (2026年5月8日 9:30). */
export type FormDate = string

export interface RoutingSlipPrint {
  /** e.g. 资阳市人民政府办公室: the title is 资阳市人民政府办公室收文处理笺. */
  officeName: string
  /** 收文号, e.g. 收〔2026〕123号. */
  receiptNumber: string
  /** 收文日期 (签收 time). */
  receivedAt: FormDate
  /** 来文机关. */
  sender: string
  /** 来文字号. */
  senderNumber?: string | null
  /** 文种, e.g. 请示. */
  docType?: string | null
  /** 密级: 无 / 秘密 / 机密, printed 机密★1年 with the period. */
  classification?: string | null
  secrecyPeriod?: string | null
  /** 紧急程度: 无 / 加急 / 特急. */
  urgency?: string | null
  /** 份数. */
  copies: number
  /** 页数. */
  pages?: number | null
  title: string
  /** 拟办意见 with who proposed it and when. */
  proposal?: { text: string; by?: string | null; on?: FormDate | null } | null
  /** 领导批示 in turn; one without a date is where the document is now. */
  instructions: {
    leader: string
    /** e.g. 副市长. */
    leaderTitle?: string | null
    /** Whom the leader acted for that day, e.g. 代市长张明远. */
    actingFor?: string | null
    kind?: '批示' | '圈阅' | string | null
    opinion?: string | null
    /** What a 圈阅 means: 同意 or 已阅. */
    meaning?: string | null
    sentOn?: FormDate | null
    on?: FormDate | null
  }[]
  /** 承办单位 with their 办理时限 and feedback. */
  assignments: { department: string; role: '主办' | '协办' | string; deadline: FormDate; provisional?: boolean; feedback?: string | null; feedbackOn?: FormDate | null }[]
  /** 办理时限 of the whole matter. */
  deadline?: FormDate | null
  /** X-6: a 时限 counted across a year without holiday data prints 暂定. */
  deadlineProvisional?: boolean
  /** 催办 records. */
  chases: { chaser: string; on: FormDate; note?: string | null; department?: string | null }[]
  /** 办结日期. */
  closedOn?: FormDate | null
  closingNote?: string | null
}

export interface SignOffSheetPrint {
  /** The body in whose name it goes out, e.g. 资阳市人民政府: the title is 资阳市人民政府发文稿纸. */
  issuer: string
  /** 签发: opinion, name and date; none leaves the box empty to sign by hand. */
  signOff?: { opinion?: string | null; name?: string | null; actingFor?: string | null; on?: FormDate | null } | null
  /** 会签: units' opinions; none leaves the box empty. */
  countersigns?: { unit?: string | null; opinion?: string | null; name?: string | null; on?: FormDate | null }[]
  /** 核稿 steps in order (部门负责人, 办公室秘书, 办公室负责人). */
  reviews: { step: string; reviewer: string; opinion: string; on: FormDate }[]
  draftingUnit?: string | null
  drafter?: string | null
  /** 发文字号; none (not yet numbered, X-1) leaves the box empty. */
  number?: string | null
  docType?: string | null
  classification?: string | null
  secrecyPeriod?: string | null
  urgency?: string | null
  /** 公开属性: 主动公开 / 依申请公开 / 不予公开. */
  publicity?: string | null
  title: string
  addressee?: string | null
  cc?: string | null
  attachments?: string[]
  /** 印发份数. */
  copies?: number | null
  /** 复核 and 印发日期, when done. */
  checkedBy?: string | null
  issuedOn?: FormDate | null
}

// ---------------------------------------------------------------- pieces

const VALUE = SIZE.hao4
const LABEL = SIZE.hao3
const valueLine = { line: 400, lineRule: LineRuleType.EXACT, before: 20, after: 20 }
const border = { style: BorderStyle.SINGLE, size: 8, color: '000000' }
const borders = { top: border, bottom: border, left: border, right: border }

/** 2026年5月8日, or 2026年5月8日 9:30 for a time; '' for none. */
/** A 时限 as printed; 暂定 while its year's holidays are not entered (X-6). */
const due = (date: FormDate, provisional?: boolean) => `${formDate(date)}${provisional ? '（暂定）' : ''}`

export function formDate(d: FormDate | null | undefined): string {
  if (!d) return ''
  const m = d.match(/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?/)
  if (!m) return d
  return m[2] ? `${chineseDate(m[1])} ${Number(m[2])}:${m[3]}` : chineseDate(m[1])
}


const LABEL_W = 1500
const HALF_VALUE = Math.floor((TYPE_AREA.width - 2 * LABEL_W) / 2)
const WIDE_VALUE = TYPE_AREA.width - LABEL_W

type Para = { text: string; align?: 'left' | 'right' | 'both'; indent?: boolean; font?: string }

function cell(content: Para[] | string, width: number, opts: { label?: boolean; span?: number; top?: boolean } = {}): TableCell {
  const paras: Para[] = typeof content === 'string' ? [{ text: content }] : content
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: opts.top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    margins: { left: 100, right: 100, top: 50, bottom: 50 },
    borders,
    children: (paras.length ? paras : [{ text: '' }]).map(
      (p) =>
        new Paragraph({
          alignment: opts.label ? AlignmentType.CENTER : p.align === 'right' ? AlignmentType.RIGHT : p.align === 'both' ? AlignmentType.BOTH : AlignmentType.LEFT,
          spacing: opts.label ? { line: 440, lineRule: LineRuleType.EXACT, before: 0, after: 0 } : valueLine,
          indent: p.indent ? { firstLine: 2 * VALUE * 10 } : undefined,
          children: [run(p.text, { font: p.font ?? FONT.fangsong, size: opts.label ? LABEL : VALUE })],
        }),
    ),
  })
}

/** A label split over two lines when it is long for its column (e.g. 来文字号 stays on one line, 承办单位及时限 wraps). */
const label = (text: string) => cell(text.split('\n').map((t) => ({ text: t })), LABEL_W, { label: true })

/** label | value | label | value */
const pairRow = (l1: string, v1: string, l2: string, v2: string) =>
  new TableRow({ cantSplit: true, children: [label(l1), cell(v1, HALF_VALUE), label(l2), cell(v2, HALF_VALUE)] })

/** label | value over the other three columns; at least `minHeight` twips high (room to write by hand). */
const wideRow = (l: string, value: Para[] | string, minHeight?: number) =>
  new TableRow({
    cantSplit: minHeight === undefined || minHeight < 3000,
    height: minHeight ? { value: minHeight, rule: HeightRule.ATLEAST } : undefined,
    children: [label(l), cell(value, WIDE_VALUE, { span: 3, top: minHeight !== undefined })],
  })

/** An opinion and, right-aligned under it, who and when (as a leader signs: 张明远 2026年5月10日). */
function signed(opinion: string, who: string, on: string, opts: { font?: string } = {}): Para[] {
  const out: Para[] = []
  if (opinion) out.push({ text: opinion, align: 'both', indent: true, font: opts.font })
  const sig = [who, on].filter(Boolean).join('　')
  if (sig) out.push({ text: sig, align: 'right' })
  return out
}

function form(title: string, rows: TableRow[], after: FileChild[] = []): Promise<Buffer> {
  const widths = [LABEL_W, HALF_VALUE, LABEL_W, TYPE_AREA.width - 2 * LABEL_W - HALF_VALUE]
  const table = new Table({
    width: { size: TYPE_AREA.width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...borders, insideHorizontal: border, insideVertical: border },
    rows,
  })
  const spaceBelowTitle = new Paragraph({ spacing: { line: 300, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [run('', { size: VALUE })] })
  return toBuffer(gbtDocument({ title, sections: [{ noGrid: true, children: [titleParagraph(title), spaceBelowTitle, table, ...after] }] }))
}

// ---------------------------------------------------------------- 收文处理笺

/**
 * 收文处理笺: registration (收文号, 收文日期, 来文机关, 来文字号, 密级, 紧急程度, 份数, 办理时限, 标题), the 拟办意见 with who and
 * when, every 批示 (opinion, name, full date; 圈阅 printed 圈阅（同意）; the leader it waits with shown as such), the
 * 承办单位 with their time limits, 办理结果 (each department's feedback and date), 催办 records and the 办结日期.
 */
export function routingSlipDocx(data: RoutingSlipPrint): Promise<Buffer> {
  const proposal = data.proposal?.text ? signed(data.proposal.text, data.proposal.by ?? '', formDate(data.proposal.on)) : []
  const instructions = data.instructions.flatMap((ins, i) => {
    const who = `${ins.leaderTitle ? `${ins.leaderTitle}` : ''}${ins.leader}${ins.actingFor ? `（${ins.actingFor}）` : ''}`
    // Only the leader the paper is with has a 送 date; those after wait their turn (传阅 in order, issue 16).
    const current = data.instructions.findIndex((x) => !x.on) === i
    if (!ins.on) return [{ text: `${who}：（${current && ins.sentOn ? `${formDate(ins.sentOn)}送待批示` : '待传阅'}）`, align: 'left' as const }]
    const text = ins.kind === '圈阅' ? `圈阅（${ins.meaning || '同意'}）${ins.opinion ? `。${ins.opinion}` : ''}` : (ins.opinion ?? '')
    return signed(text, who, formDate(ins.on), { font: FONT.kai })
  })
  const lead = data.assignments.filter((a) => a.role === '主办')
  const help = data.assignments.filter((a) => a.role !== '主办')
  const units: Para[] = [
    ...lead.map((a) => ({ text: `主办：${a.department}（${due(a.deadline, a.provisional)}前办结）` })),
    ...help.map((a) => ({ text: `协办：${a.department}（${due(a.deadline, a.provisional)}前反馈）` })),
  ]
  const results: Para[] = data.assignments
    .filter((a) => a.feedback)
    .flatMap((a) => [{ text: `${a.department}：${a.feedback}`, align: 'both' as const }, { text: formDate(a.feedbackOn), align: 'right' as const }])
  const chases: Para[] = data.chases.map((c) => ({
    text: `${formDate(c.on)}　${c.chaser}催办${c.department ? `${c.department}` : ''}${c.note ? `：${c.note}` : ''}`,
    align: 'both',
  }))
  const rows = [
    pairRow('收文号', data.receiptNumber, '收文日期', formDate(data.receivedAt)),
    pairRow('来文机关', data.sender, '来文字号', data.senderNumber ?? ''),
    pairRow('密级', classificationText(data.classification, data.secrecyPeriod), '紧急程度', urgencyText(data.urgency)),
    pairRow('份数', `${data.copies}份${data.pages ? `（${data.pages}页）` : ''}`, '文种', data.docType ?? ''),
    wideRow('标题', [{ text: data.title, align: 'both' }]),
    wideRow('拟办意见', proposal, 1300),
    wideRow('领导批示', instructions, 3200),
    wideRow('承办单位', units, 700),
    pairRow('办理时限', data.deadline ? due(data.deadline, data.deadlineProvisional) : '', '办结日期', formDate(data.closedOn)),
    wideRow('办理结果', [...results, ...(data.closingNote ? [{ text: data.closingNote, align: 'both' as const }] : [])], 1000),
    wideRow('催办记录', chases, 700),
  ]
  return form(`${data.officeName}收文处理笺`, rows)
}

// ---------------------------------------------------------------- 发文稿纸

/**
 * 发文稿纸: 签发 at the top (opinion, name, date), 会签, the 核稿 steps (each opinion, name and date), then 拟稿单位 and 拟稿人,
 * 发文字号 and 文种, 密级 and 紧急程度, 公开属性 and 印发份数, 标题, 主送, 抄送, 附件, and 复核 / 印发日期.
 */
export function signOffSheetDocx(data: SignOffSheetPrint): Promise<Buffer> {
  const s = data.signOff
  const signer = s?.name ? `${s.name}${s.actingFor ? `（${s.actingFor}）` : ''}` : ''
  const signOff = s && (s.opinion || s.name) ? signed(s.opinion ?? '', signer, formDate(s.on), { font: FONT.kai }) : []
  const countersigns = (data.countersigns ?? []).flatMap((c) => signed(`${c.unit ? `${c.unit}：` : ''}${c.opinion ?? ''}`, c.name ?? '', formDate(c.on)))
  const reviews = data.reviews.flatMap((r) => signed(`${r.step}：${r.opinion}`, r.reviewer, formDate(r.on)))
  const attachments = (data.attachments ?? []).filter(Boolean)
  const rows = [
    wideRow('签发', signOff, 1800),
    wideRow('会签', countersigns, 900),
    wideRow('核稿', reviews.map((p) => (p.align === 'right' ? p : { ...p, indent: false })), 1700),
    pairRow('拟稿单位', data.draftingUnit ?? '', '拟稿人', data.drafter ?? ''),
    pairRow('发文字号', data.number ?? '', '文种', data.docType ?? ''),
    pairRow('密级', classificationText(data.classification, data.secrecyPeriod), '紧急程度', urgencyText(data.urgency)),
    pairRow('公开属性', data.publicity ?? '', '印发份数', data.copies ? `${data.copies}份` : ''),
    wideRow('标题', [{ text: data.title, align: 'both' }]),
    wideRow('主送', [{ text: data.addressee ?? '', align: 'both' }]),
    wideRow('抄送', [{ text: data.cc ?? '', align: 'both' }]),
    wideRow('附件', attachments.map((a, i) => ({ text: attachments.length > 1 ? `${i + 1}.${a}` : a, align: 'both' as const }))),
    pairRow('复核', data.checkedBy ?? '', '印发日期', formDate(data.issuedOn)),
  ]
  return form(`${data.issuer}发文稿纸`, rows)
}
