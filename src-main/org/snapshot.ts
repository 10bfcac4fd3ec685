/**
 * The organisation as the rules see it (R-P1): posts and their holders, AB pairs, portfolios and units, read once
 * per action by org/service.ts. Pure data and lookups; the acting rules (absences/rules.ts) stand on it.
 */
import type { DepartmentKind, PostKind } from '../common/org'

/** The organisation as the acting rules see it: posts, their holders' names, AB pairs, portfolios. */
export interface LeaderPost {
  id: number
  title: string
  kind: PostKind
  holderId: number | null
  isExecutive: boolean
  departmentId: number | null
}
export interface OrgSnapshot {
  posts: readonly LeaderPost[]
  names: ReadonlyMap<number, string>
  abPairs: readonly (readonly [number, number])[]
  /** department id → the post whose portfolio covers it (分管领导). */
  supervisors: ReadonlyMap<number, number | null>
}
/** The snapshot plus the units, so named 列席 units and topic units resolve to people (meetings). */
export interface OrgWithUnits extends OrgSnapshot {
  departments: ReadonlyMap<number, { name: string; kind: DepartmentKind }>
}
const RANK: PostKind[] = ['市长', '副市长', '秘书长', '副秘书长', '县区主要负责人', '部门主要负责人', '办公室主任', '办公室副主任', '工作人员', '其他']

export const mayorPost = (org: OrgSnapshot) => org.posts.find((p) => p.kind === '市长')
export const executivePost = (org: OrgSnapshot) => org.posts.find((p) => p.kind === '副市长' && p.isExecutive)
/** A person's principal post: the highest-ranking one they hold. */
export function principalPost(org: OrgSnapshot, personId: number): LeaderPost | undefined {
  return org.posts.filter((p) => p.holderId === personId).sort((a, b) => RANK.indexOf(a.kind) - RANK.indexOf(b.kind))[0]
}

export function abPartner(org: OrgSnapshot, postId: number): LeaderPost | undefined {
  const pair = org.abPairs.find(([a, b]) => a === postId || b === postId)
  if (!pair) return undefined
  const other = pair[0] === postId ? pair[1] : pair[0]
  return org.posts.find((p) => p.id === other)
}
