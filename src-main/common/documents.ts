import { CLERKS, REVIEWERS, type Role } from './roles'
/** The office's words for 公文 (办文): kinds, urgency, states and steps, shared by the main process and the pages. */

/** The 15 kinds of 公文 (《党政机关公文处理工作条例》第八条). */
export const DOCUMENT_TYPES = ['决议', '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const

export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export const URGENCIES = ['无', '加急', '特急'] as const

/** 紧急程度 as a field shows it: 特急, 加急, or 一般 for an ordinary document (GB/T 9704 prints no mark for it). */
export const urgencyText = (urgency: string | null | undefined): string => (!urgency || urgency === '无' ? '一般' : urgency)

export const ARRIVALS = ['机要交通', '邮寄', '专人送达', '电子公文', '传真', '其他'] as const

/** R-D1 (第四十五条): the reasons a document may go straight to a leader. */
export const DIRECT_EXCEPTIONS = ['领导交办', '涉密敏感', '紧急重大事项', '突发事件', '外事'] as const

/** X-2 收文: 签收/登记 → 初审 (退回) → 拟办 → 批示/传阅 → 承办 → 办结. */
export const INCOMING_STATES = ['已登记', '已退回', '已拟办', '批示中', '承办中', '已办结', '已作废'] as const

export type IncomingState = (typeof INCOMING_STATES)[number]

/**
 * The state word a 收文 shows (page, register): 批示中 while a leader still has it, 待交办 once every 批示 is in and it
 * waits to be handed to the departments — the stored state stays 批示中 until 交办.
 */
export const incomingStatusText = (status: IncomingState, awaitingLeader: boolean): string =>
  status === '批示中' && !awaitingLeader ? '待交办' : status

/**
 * 作废 (issue 16): a duplicate 收文 registration or an abandoned 发文 stays listed as 已作废 with its reason; its 收文号 or
 * 发文字号 is never given again. Voiding cannot be undone (the dialog says so). A 收文 may be voided until 办结/退回, a
 * 发文 until 印发. `已作废` is a state of its own, so the registers filter it and the counts keep it apart.
 */
export const INCOMING_VOIDABLE: readonly IncomingState[] = ['已登记', '已拟办', '批示中', '承办中']
export const OUTGOING_VOIDABLE: readonly OutgoingState[] = ['拟稿', '核稿中', '待签发', '已签发', '已编号']

/** 催办 (R-D7): how the office chased. */
export const CHASE_METHODS = ['电话', '短信', '书面', '当面'] as const
export type ChaseMethod = (typeof CHASE_METHODS)[number]

/** R-D3: whom the 拟办意见 sends it to. */
export const ROUTES = ['分管副市长', '市长', '秘书长'] as const

export const INCOMING_FILE_KINDS = ['正文', '附件', '扫描件'] as const

/**
 * 批示 and 传阅 (R-D4, X-2): one row per leader the document goes to, in turn. A row without a date is
 * where the document is now. 圈阅 counts as consent, or as "read" on a 报告.
 */
export const INSTRUCTION_KINDS = ['批示', '圈阅'] as const

/** 承办 (R-D7, X-3): a 主办 department and 协办 ones, each with its time limit and feedback. */
export const ASSIGNMENT_ROLES = ['主办', '协办'] as const

/** 发文: 拟稿 → 核稿 → 签发 → 编号 → 复核 → 印发 → 核发. */
export const OUTGOING_STATES = ['拟稿', '核稿中', '待签发', '已签发', '已编号', '已印发', '已作废'] as const

export type OutgoingState = (typeof OUTGOING_STATES)[number]

/** R-D4 (第四十八条): the kinds the 市长 signs; other documents the 分管副市长; routine ones the 秘书长. */
/** 签发类别 (R-D4, 第四十八条), the commonest first, as the draft form lists them. */
export const SIGN_KINDS = ['一般', '事务性', '报省政府', '党组报市委', '提请人大议案', '规章', '规范性文件', '重大工作部署', '人事任免', '请求支持重大事项'] as const
export type SignKind = (typeof SIGN_KINDS)[number]

/** Who signs each kind under 第四十八条, before acting (R-P2, R-P3): decided once, for the rules and the form. */
export const SIGNER_OF_KIND: Readonly<Record<SignKind, '市长' | '分管副市长' | '秘书长或分管副市长'>> = {
  一般: '分管副市长', 事务性: '秘书长或分管副市长', 报省政府: '市长', 党组报市委: '市长', 提请人大议案: '市长', 规章: '市长',
  规范性文件: '市长', 重大工作部署: '市长', 人事任免: '市长', 请求支持重大事项: '市长',
}

const SIGN_KIND_NAMES: Readonly<Record<SignKind, string>> = {
  一般: '一般文件', 事务性: '事务性文件', 报省政府: '报省政府的文件', 党组报市委: '党组报市委的文件', 提请人大议案: '提请人大及其常委会的议案',
  规章: '规章', 规范性文件: '规范性文件', 重大工作部署: '部署综合性或重要专项工作', 人事任免: '人事任免', 请求支持重大事项: '商请支持重要事项',
}

/** 一般文件（分管副市长签发）: a kind as the draft form lists it. */
export const signKindLabel = (kind: SignKind): string => `${SIGN_KIND_NAMES[kind]}（${SIGNER_OF_KIND[kind]}签发）`

export const PUBLICITY = ['主动公开', '依申请公开', '不予公开'] as const

/** 核稿: department head, office secretary, office head — each opinion, name and date. */
export const REVIEW_STEPS = ['部门负责人', '办公室秘书', '办公室负责人'] as const
export type ReviewStep = (typeof REVIEW_STEPS)[number]

/**
 * Who records each 核稿 step: the 办公室秘书 step is the 文秘's own (the 科长 may record it too); the heads'
 * opinions are recorded by the 科长. The server checks it and the page offers the form by it.
 */
export const REVIEW_STEP_ROLES: Readonly<Record<ReviewStep, readonly Role[]>> = {
  部门负责人: REVIEWERS,
  办公室秘书: CLERKS,
  办公室负责人: REVIEWERS,
}

/**
 * A 发文字号 as typed — 资交[2026]45号, 资交（2026）45号, 资交【2026】45号 — written with the year in 六角括号, as
 * GB/T 9704 prints it (资交〔2026〕45号): on entry and in search, so the typed form finds the stored one.
 */
export const normalizeDocNumber = (text: string): string =>
  text.replace(/[[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]/g, '〔$1〕')

/**
 * A 收文号 as people write it — 收〔2026〕5号, 收[2026]5号, 2026-5, 2026年第12号, （2026）123, or a register's bare 12 — read
 * the same for 导入's 收文号 column and the 批复's search box: the year when written (else null), the sequence (the last
 * number), and whether the text is a 收文号 alone (no 代字 or words around it: 资住建〔2026〕88号 is another's 字号).
 * Null when it holds no sequence from 1 to 999999.
 */
export function readIncomingNumber(text: string): { year: number | null; seq: number; alone: boolean } | null {
  const s = normalizeDocNumber(text.trim().normalize('NFKC'))
  const year = /(?:〔|^收?)(\d{4})(?:〕|[-—/年])/.exec(s)
  const rest = year ? s.slice(year.index + year[0].length) : s
  const seq = /(\d+)\D*$/.exec(rest)
  if (!seq || Number(seq[1]) < 1 || Number(seq[1]) > 999_999) return null
  const alone = /^\s*收?\s*$/.test(year ? s.slice(0, year.index) : '') && /^\s*第?\s*\d+\s*号?\s*$/.test(rest)
  return { year: year ? Number(year[1]) : null, seq: Number(seq[1]), alone }
}

/**
 * R-D8: a 建议/提案 number as stored — bare, 3-028 — however it was typed (第3-028号, 2026年第3-028号), so the
 * same number typed two ways is one number, and the print adds 年 and 第…号 once.
 */
export const bareProposalNumber = (typed: string): string =>
  typed.trim().replace(/^\d{4}\s*年\s*/, '').replace(/^第\s*/, '').replace(/\s*号$/, '').trim()

/** R-D8: a 建议/提案 number as the register prints it — 2026年第3-028号 — whether typed as 3-028 or 第3-028号. */
export const proposalNumberText = (year: number, number: string): string => `${year}年第${bareProposalNumber(number)}号`

/** R-D8 (第五十九条): 人大代表建议 and 政协提案, with the leading leader, the department, the deadline and the reply. */
export const PROPOSAL_KINDS = ['人大代表建议', '政协提案'] as const

export const SATISFACTION = ['满意', '基本满意', '不满意'] as const

/**
 * Chinese search: SQLite's trigram tokenizer cannot find two-character words (防汛, 土地), so titles,
 * numbers and senders are indexed as overlapping character pairs, space-separated, in an FTS5 table
 * created by the migration (drizzle has no FTS5). See ./search.ts.
 */
export const SEARCH_KINDS = ['收文', '发文'] as const

/**
 * How many 收文 or 发文 there are per 年度, state and 密级, kept by triggers (migration 0005) on every insert,
 * update and delete: the register's total for those filters is a sum over a few hundred rows instead of a
 * count over 300,000 documents. `year` is the 收文号 year, and for 发文 the 文号 year or else the office
 * year it was drafted in, as the registers filter them.
 */
export const REGISTER_KINDS = ['收文', '发文'] as const

/** A quoted opinion closing a sentence: “同意。” keeps its own full stop, “同意” gets one after — never “同意。”。 */
export const quotedSentence = (text: string): string => (/[。！？]$/.test(text) ? `“${text}”` : `“${text}”。`)
