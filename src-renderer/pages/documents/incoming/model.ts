import type { InputOf, Invalidation, OutputOf } from '../../../api/client'

/**
 * What a change to a 收文 alters on screen: the 收文 and its proposed routes, the 收文登记簿, the 督办 counted from
 * its 批示 and the start page. Only queries on screen are asked again; the rest are merely forgotten.
 */
export const INCOMING_CHANGES: readonly Invalidation[] = ['incoming.*', 'registers.incoming', 'followups.*', 'home.today']

/** One 收文 as its page shows it (incoming.get). */
export type Incoming = OutputOf<'incoming.get'>
export type RegisterInput = InputOf<'incoming.receive'>
export type RegisterRow = OutputOf<'registers.incoming'>['rows'][number]
export type Instruction = Incoming['instructions'][number]
export type Assignment = Incoming['assignments'][number]
export type Route = OutputOf<'incoming.proposeRoute'>
export type IncomingStatus = Incoming['status']
export type DocType = RegisterInput['docType']
export type Classification = NonNullable<RegisterInput['classification']>
export type Urgency = NonNullable<RegisterInput['urgency']>
export type Arrival = NonNullable<RegisterInput['arrival']>
export type DirectException = NonNullable<RegisterInput['directException']>
export type FileKind = NonNullable<RegisterInput['files']>[number]['kind']


export const STATUS_COLOR: Record<IncomingStatus, string> = {
  已登记: 'gray', 已退回: 'red', 已拟办: 'blue', 批示中: 'orange', 承办中: 'indigo', 已办结: 'green', 已作废: 'dark',
}

/** 签收 → 初审 → 拟办 → 批示 → 承办 → 办结. */
export const STEPS = ['签收', '初审', '拟办', '批示', '承办', '办结'] as const

/** Index of the step now to be done (STEPS.length when 办结). */
export function activeStep(doc: Pick<Incoming, 'status' | 'review' | 'location' | 'assignments'>): number {
  switch (doc.status) {
    case '已登记': return doc.review ? 2 : 1
    case '已退回': return 1
    case '已拟办': return 3
    case '批示中': return doc.location.step === '批示' ? 3 : 4
    case '承办中': return doc.assignments.every((a) => a.feedbackOn) ? 5 : 4
    case '已办结': return STEPS.length
    // A voided paper stops where it was: the stepper shows nothing as current.
    case '已作废': return -1
  }
}

/** '2026-12-01 09:30' → '2026年12月1日 09:30'. */
export function receivedText(at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}:\d{2})/.exec(at)
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日 ${m[4]}` : at
}

/** The accepted file types for a document's text, annexes, scans and evidence. */
export const ACCEPT = '.doc,.docx,.wps,.pdf,.ofd,.xls,.xlsx,.jpg,.jpeg,.png,.tif,.tiff,.txt'
