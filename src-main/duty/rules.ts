/**
 * Duty (值班) rules as pure functions over plain data — R-W1 (领导带班 on statutory holidays),
 * R-W2 (the holiday calendar drives the days), X-4 (the office's 带班/主班/副班, swaps with
 * consent), R-P4 (市长 and 常务副市长 not away together). The schema, service and pages wire these.
 */
export { DEFAULT_HOLIDAY_WEIGHT, dutyDays, fairnessCounts, leaderDutyDays, periodProblem, unavailableReason, type DutyAssignment, type DutyDay, type DutyExclusion, type DutyGap, type DutyRoster, type DutyTally, type DutyWarning, type FairnessRow } from './common'
export { DUTY_ROLES, type DutyRole } from '../common/duty'
export { generateLeaderRoster, rp4Warnings, type LeaderRosterInput } from './leaders'
export { generateOfficeRoster, type OfficeRosterInput } from './office'
export { gapsAfterPublish, swapDuty, type PublishedGap, type RecordedConsent, type SwapConsent, type SwapRequest, type SwapResult } from './changes'
