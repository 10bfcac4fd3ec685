/**
 * 密级 and clearance (涉密人员分级). A document or topic marked 无 is 公开/内部; 绝密 never
 * enters this system, whatever the settings say.
 */
export const CLASSIFICATIONS = ['无', '秘密', '机密'] as const
export type Classification = (typeof CLASSIFICATIONS)[number]

export const CLEARANCES = ['内部', '秘密', '机密'] as const
export type Clearance = (typeof CLEARANCES)[number]

const RANK: Record<Classification | Clearance, number> = { 无: 0, 内部: 0, 秘密: 1, 机密: 2 }

/** The classifications a person with this clearance may see, for SQL `IN (…)` filters. */
export function visibleClassifications(clearance: Clearance): Classification[] {
  return CLASSIFICATIONS.filter((c) => RANK[c] <= RANK[clearance])
}

export const canSee = (clearance: Clearance, classification: Classification): boolean => RANK[classification] <= RANK[clearance]

/** Whether the system's approval (设置—系统最高密级) allows registering this classification. */
export const withinApproval = (approved: Classification, classification: Classification): boolean => RANK[classification] <= RANK[approved]

/**
 * 密级和保密期限 as marked on the document, shown on every page, register, export and print: 机密★1年
 * (机密 alone without a period); null for an unclassified item (GB/T 9704 7.2.2).
 */
export function classificationMark(classification: string | null | undefined, period?: string | null): string | null {
  if (!classification || classification === '无') return null
  return period ? `${classification}★${period}` : classification
}

/** The 密级 as a field shows it — 机密★1年, or 非涉密 for a document without one — on pages, forms and prints alike. */
export const classificationText = (classification: string | null | undefined, period?: string | null): string =>
  classificationMark(classification, period) ?? '非涉密'
