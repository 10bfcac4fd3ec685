import type { InputOf, OutputOf } from '../../../api/client'

/** The minutes as `minutes.get` returns them: a saved draft, the signed text, or the proposal built from the meeting. */
export type Minutes = OutputOf<'minutes.get'>
export type MinutesDecision = Minutes['decisions'][number]
export type MinutesAttendance = Minutes['attendance']
export type SaveMinutesInput = InputOf<'minutes.save'>
export type SignerAnswer = Minutes['requiredSigner']
export type Signer = Extract<SignerAnswer, { ok: true }>['signers'][number]

/** One topic section being edited: `key` identifies it on the page (a new section has no id yet). */
export interface DraftSection {
  key: string
  id: number | null
  topicId: number | null
  heading: string
  text: string
}

/** What the editor holds: the opening, the sections, the three name lists and 分送. */
export interface Draft {
  opening: string
  sections: DraftSection[]
  attendance: MinutesAttendance
  distribution: string
}

let counter = 0
export const newKey = () => `new-${++counter}`

export function draftOf(m: Minutes): Draft {
  return {
    opening: m.opening,
    sections: m.decisions.map((d, i) => ({ key: d.id !== null ? `d${d.id}` : `t${d.topicId ?? ''}-${i}`, id: d.id, topicId: d.topicId, heading: d.heading, text: d.text })),
    attendance: { present: [...m.attendance.present], onLeave: [...m.attendance.onLeave], attending: [...m.attendance.attending] },
    distribution: m.distribution ?? '',
  }
}

export function saveInput(meetingId: number, d: Draft): SaveMinutesInput {
  return {
    meetingId,
    opening: d.opening,
    decisions: d.sections.map((s) => ({ id: s.id, topicId: s.topicId, heading: s.heading, text: s.text })),
    attendance: d.attendance,
    distribution: d.distribution.trim() ? d.distribution : null,
  }
}

/** Whether the editor differs from what the server holds (a proposal that was never saved always counts as unsaved). */
export function isDirty(m: Minutes, d: Draft): boolean {
  return JSON.stringify(saveInput(0, d)) !== JSON.stringify(saveInput(0, draftOf(m)))
}
