import type { Clock } from '../kernel/clock'
import { authProcedures } from '../auth/procedures'
import { settingsProcedures } from '../settings/procedures'
import { calendarMutations, calendarProcedures } from '../calendar/procedures'
import { recomputeIncomingDeadlines } from '../documents/incoming/recompute'
import { auditProcedures } from '../audit/procedures'
import { orgProcedures } from '../org/procedures'
import { absenceProcedures } from '../absences/procedures'
import { homeProcedures } from '../home/procedures'
import { todoProcedures } from '../todo/procedures'
import { reminderProcedures } from '../reminders/procedures'
import { dutyProcedures } from '../duty/procedures'
import { minutesProcedures } from '../meetings/minutes/procedures'
import { followUpProcedures } from '../followups/procedures'
import { meetingProcedures } from '../meetings/procedures'
import { meetingTypeProcedures } from '../meetings/types/procedures'
import { topicProcedures } from '../meetings/topics/procedures'
import { attendanceProcedures } from '../meetings/attendance/procedures'
import { incomingProcedures } from '../documents/incoming/procedures'
import { incomingFileProcedures } from '../documents/incoming/late-files'
import { outgoingProcedures } from '../documents/outgoing/procedures'
import { outgoingVoidReplyProcedures } from '../documents/outgoing/void-procedures'
import { printProcedures } from '../documents/print/procedures'
import { registerProcedures } from '../documents/registers/procedures'
import { proposalProcedures } from '../documents/proposals/procedures'
import { systemProcedures } from '../system/procedures'
import { backupProcedures } from '../backup/procedures'
import { statsProcedures } from '../stats/procedures'
import { importProcedures } from '../imports/procedures'
import { allowedProcedure } from './allowed'

/**
 * The whole API: each domain contributes its `domain.verb` procedures. The renderer takes
 * its types from here (type-only imports), so contract and client never drift apart.
 */
const domainProcedures = {
  ...authProcedures,
  ...settingsProcedures,
  ...homeProcedures,
  ...todoProcedures,
  ...reminderProcedures,
  ...orgProcedures,
  ...absenceProcedures,
  ...calendarProcedures,
  // entering a year recomputes the stored deadlines counted in working days.
  ...calendarMutations([recomputeIncomingDeadlines]),
  ...auditProcedures,
  ...dutyProcedures,
  ...minutesProcedures,
  ...followUpProcedures,
  ...meetingProcedures,
  ...meetingTypeProcedures,
  ...topicProcedures,
  ...attendanceProcedures,
  ...incomingProcedures,
  ...incomingFileProcedures,
  ...outgoingProcedures,
  ...outgoingVoidReplyProcedures,
  ...printProcedures,
  ...registerProcedures,
  ...proposalProcedures,
  ...backupProcedures,
  ...statsProcedures,
  ...importProcedures,
}
export const procedures = { ...domainProcedures, 'auth.allowed': allowedProcedure(domainProcedures) }
export type Procedures = typeof procedures

export function buildProcedures(clock: Clock) {
  return { ...procedures, ...systemProcedures(clock) }
}
