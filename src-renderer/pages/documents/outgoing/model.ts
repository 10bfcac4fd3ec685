import type { InputOf, Invalidation, OutputOf } from '../../../api/client'

/** What a change to a 发文 alters on screen: the 发文 (and its signer), the 发文登记簿 and its 发文字号 series. */
export const OUTGOING_CHANGES: readonly Invalidation[] = ['outgoing.*', 'registers.outgoing', 'registers.outgoingSeries', 'home.today']

/** One outgoing document as its page shows it (outgoing.get). */
export type Outgoing = OutputOf<'outgoing.get'>
export type DraftInput = InputOf<'outgoing.draft'>
export type Template = OutputOf<'outgoing.templates'>[number]
export type RegisterRow = OutputOf<'registers.outgoing'>['rows'][number]
export type DocType = DraftInput['docType']
export type SignKind = DraftInput['signKind']
export type Classification = NonNullable<DraftInput['classification']>
export type Urgency = NonNullable<DraftInput['urgency']>
export type Publicity = NonNullable<DraftInput['publicity']>
export type OutgoingStatus = Outgoing['status']


/** The seven steps of an outgoing document (X-2, 第二十五条). */
export const STEPS = ['拟稿', '核稿', '签发', '编号', '复核', '印发', '核发'] as const

/** Index of the step now to be done (STEPS.length when all are done). */
export function activeStep(doc: Pick<Outgoing, 'status' | 'checkedBy' | 'dispatchedOn'>): number {
  switch (doc.status) {
    case '拟稿':
    case '核稿中': return 1
    case '待签发': return 2
    case '已签发': return 3
    case '已编号': return doc.checkedBy ? 5 : 4
    case '已印发': return doc.dispatchedOn ? 7 : 6
    case '已作废': return -1
  }
}

/** The status as the register and the header show it (已印发 and 核发 → 已核发). */
export const statusText = (status: OutgoingStatus, dispatchedOn: string | null) => (status === '已印发' && dispatchedOn ? '已核发' : status)

export const STATUS_COLOR: Record<string, string> = {
  拟稿: 'gray', 核稿中: 'blue', 待签发: 'orange', 已签发: 'teal', 已编号: 'indigo', 已印发: 'grape', 已核发: 'green', 已作废: 'dark',
}

/** The draft as the form holds it (strings for the selects). */
export interface DraftState {
  docType: DocType
  signKind: SignKind
  series: string
  title: string
  addressee: string
  cc: string
  body: string
  attachmentNames: string[]
  classification: Classification
  secrecyPeriod: string
  urgency: Urgency
  draftingDepartmentId: string | null
  drafter: string
  publicity: Publicity
  upward: boolean
  countyDirective: boolean
  note: string
}

export const emptyDraft = (): DraftState => ({
  docType: '通知', signKind: '一般', series: '', title: '', addressee: '', cc: '', body: '', attachmentNames: [],
  classification: '无', secrecyPeriod: '', urgency: '无', draftingDepartmentId: null, drafter: '', publicity: '主动公开',
  upward: false, countyDirective: false, note: '',
})

/** A new draft from the template of its kind: title pattern, 主送, body skeleton, series, sign-off category, direction, publicity. */
export function fromTemplate(draft: DraftState, t: Template, subject: string): DraftState {
  return {
    ...draft, docType: t.docType, signKind: t.signKind, series: t.series, title: fillTitle(t.titlePattern, subject),
    addressee: t.addressee, body: t.body, upward: t.upward, publicity: t.publicity,
  }
}

/** 资阳市人民政府关于{事由}的通知 with the 事由 filled in (left as the pattern while empty). */
export const fillTitle = (pattern: string, subject: string) => (subject.trim() ? pattern.replaceAll('{事由}', subject.trim()) : pattern)

export const draftOf = (d: Outgoing): DraftState => ({
  docType: d.docType, signKind: d.signKind, series: d.series, title: d.title, addressee: d.addressee ?? '', cc: d.cc ?? '',
  body: d.body, attachmentNames: d.attachmentNames, classification: d.classification, secrecyPeriod: d.secrecyPeriod ?? '',
  urgency: d.urgency, draftingDepartmentId: d.draftingDepartmentId === null ? null : String(d.draftingDepartmentId),
  drafter: d.drafter ?? '', publicity: d.publicity, upward: d.upward, countyDirective: d.countyDirective, note: d.note ?? '',
})

const orNull = (s: string) => (s.trim() ? s.trim() : null)

export const inputOf = (d: DraftState): DraftInput => ({
  docType: d.docType, signKind: d.signKind, series: d.series, title: d.title.trim(), addressee: orNull(d.addressee), cc: orNull(d.cc),
  body: d.body, attachmentNames: d.attachmentNames.map((n) => n.trim()).filter(Boolean), classification: d.classification,
  secrecyPeriod: d.classification === '无' ? null : orNull(d.secrecyPeriod), urgency: d.urgency,
  draftingDepartmentId: d.draftingDepartmentId ? Number(d.draftingDepartmentId) : null, drafter: orNull(d.drafter),
  publicity: d.publicity, upward: d.upward, countyDirective: d.countyDirective, note: orNull(d.note),
})

export const sameDraft = (a: DraftState, b: DraftState) => JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b))

/** R-D5: the words a county directive must carry. */
export const COUNTY_DIRECTIVE_PHRASE = '经市政府同意'

/** Field names the draft form shows the server's errors under. */
export const DRAFT_FIELDS = ['docType', 'signKind', 'series', 'title', 'addressee', 'cc', 'body', 'attachmentNames', 'classification', 'secrecyPeriod', 'urgency', 'draftingDepartmentId', 'drafter', 'publicity', 'note'] as const
