/**
 * The 业务 the audit log is filtered by, each with the procedure prefixes its records carry, and the procedures
 * renamed since records were written: an old record keeps the name it was written under (the log is never
 * rewritten, X-5) and is read as the procedure it became.
 */
export const AUDIT_DOMAINS = [
  { value: 'auth', label: '登录与密码', prefixes: ['auth', 'cli'] },
  { value: 'users', label: '账户', prefixes: ['users'] },
  { value: 'settings', label: '系统设置', prefixes: ['settings', 'system'] },
  { value: 'org', label: '组织机构', prefixes: ['org'] },
  { value: 'absences', label: '领导外出', prefixes: ['absences'] },
  { value: 'calendar', label: '节假日', prefixes: ['calendar'] },
  { value: 'meetings', label: '会议', prefixes: ['meetings', 'meetingTypes', 'topics', 'attendance', 'minutes'] },
  { value: 'documents', label: '公文', prefixes: ['incoming', 'outgoing', 'registers', 'proposals'] },
  { value: 'followups', label: '督办', prefixes: ['followups'] },
  { value: 'duty', label: '值班', prefixes: ['duty'] },
  { value: 'reminders', label: '提醒', prefixes: ['reminders'] },
  { value: 'backup', label: '备份', prefixes: ['backup'] },
  { value: 'imports', label: '导入', prefixes: ['imports'] },
] as const

export type AuditDomain = (typeof AUDIT_DOMAINS)[number]['value']
export const AUDIT_DOMAIN_VALUES = AUDIT_DOMAINS.map((d) => d.value) as [AuditDomain, ...AuditDomain[]]

/** Issue 13 split 办文 into incoming, outgoing, registers and proposals, and 办会 by concern: the names records before it carry. */
export const RENAMED_PROCEDURES: Readonly<Record<string, string>> = {
  'documents.register': 'incoming.receive',
  'documents.updateIncoming': 'incoming.update',
  'documents.review': 'incoming.review',
  'documents.returnIncoming': 'incoming.return',
  'documents.proposeRoute': 'incoming.proposeRoute',
  'documents.propose': 'incoming.propose',
  'documents.send': 'incoming.send',
  'documents.instruct': 'incoming.instruct',
  'documents.consult': 'incoming.consult',
  'documents.assign': 'incoming.assign',
  'documents.feedback': 'incoming.feedback',
  'documents.chase': 'incoming.chase',
  'documents.close': 'incoming.close',
  'documents.get': 'incoming.get',
  'documents.downloadFile': 'incoming.downloadFile',
  'documents.dueSoon': 'incoming.dueSoon',
  'documents.instructionFollowUp': 'followups.fromInstruction',
  'documents.exportRoutingSlipDocx': 'incoming.exportRoutingSlipDocx',
  'documents.templates': 'outgoing.templates',
  'documents.outgoing': 'outgoing.get',
  'documents.draft': 'outgoing.draft',
  'documents.updateDraft': 'outgoing.updateDraft',
  'documents.reviewDraft': 'outgoing.review',
  'documents.requiredSigner': 'outgoing.requiredSigner',
  'documents.signOff': 'outgoing.signOff',
  'documents.number': 'outgoing.number',
  'documents.check': 'outgoing.check',
  'documents.issue': 'outgoing.issue',
  'documents.dispatch': 'outgoing.dispatch',
  'documents.exportDocumentDocx': 'outgoing.exportDocumentDocx',
  'documents.exportSignOffSheetDocx': 'outgoing.exportSignOffSheetDocx',
  'documents.incomingRegister': 'registers.incoming',
  'documents.outgoingRegister': 'registers.outgoing',
  'documents.incomingSenders': 'registers.incomingSenders',
  'documents.outgoingSeries': 'registers.outgoingSeries',
  'documents.exportIncomingRegisterXlsx': 'registers.exportIncomingXlsx',
  'documents.exportOutgoingRegisterXlsx': 'registers.exportOutgoingXlsx',
  'documents.proposals': 'proposals.list',
  'documents.saveProposal': 'proposals.save',
  'documents.replyProposal': 'proposals.reply',

  // Issue 13 split 办会 by concern: meeting types, topics, attendance and minutes.
  'meetings.types': 'meetingTypes.list',
  'meetings.saveType': 'meetingTypes.save',
  'meetings.topics': 'topics.list',
  'meetings.submitTopic': 'topics.submit',
  'meetings.reorderTopics': 'topics.reorder',
  'meetings.moveTopic': 'topics.move',
  'meetings.withdrawTopic': 'topics.withdraw',
  'meetings.reclassifyTopic': 'topics.reclassify',
  'meetings.downloadFile': 'topics.downloadFile',
  'meetings.attendance': 'attendance.get',
  'meetings.recordAttendance': 'attendance.record',
  'meetings.markRestPresent': 'attendance.markRestPresent',
  'meetings.exportAttendanceDocx': 'attendance.exportDocx',
  'meetings.minutes': 'minutes.get',
  'meetings.saveMinutes': 'minutes.save',
  'meetings.minutesSigner': 'minutes.signer',
  'meetings.recordMinutesConsent': 'minutes.recordConsent',
  'meetings.signMinutes': 'minutes.sign',
  'meetings.exportMinutesDocx': 'minutes.exportDocx',
}

/** The procedure a record's name stands for today. */
export const currentProcedureName = (name: string): string => RENAMED_PROCEDURES[name] ?? name

/** The old names whose records belong to a 业务 today (their new names carry its prefixes). */
export const renamedInto = (prefixes: readonly string[]): string[] =>
  Object.entries(RENAMED_PROCEDURES).filter(([, now]) => prefixes.some((p) => now.startsWith(`${p}.`))).map(([old]) => old)
