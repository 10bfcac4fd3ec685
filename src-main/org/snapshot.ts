/**
 * The organisation as the rules see it (R-P1): posts and their holders, AB pairs, portfolios and units, read once
 * per action by org/service.ts. Pure data and lookups; the acting rules (absences/rules.ts) stand on it.
 */
import type { DepartmentKind, PostKind } from '../common/org'
import type { IsoDate } from '../common/dates'

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
  /**
   * 任职记录: who held which post from when to when. With it, `orgOn` gives the holders of any day; without it
   * (a snapshot built by hand), every day reads the holders in `posts`.
   */
  holdings?: readonly Holding[]
}
/** One person holding one post over days, inclusive; null ends are open (before the records began, still in office). */
export interface Holding {
  postId: number
  personId: number
  fromDate: IsoDate | null
  toDate: IsoDate | null
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

export const holdsOn = (h: Holding, date: IsoDate) => (h.fromDate === null || h.fromDate <= date) && (h.toDate === null || date <= h.toDate)

/**
 * The organisation on `date` (R-P1 turnover): each post's holder is the one in office that day, so the rules and
 * acting answer for a past or present day with the people of that day. A post with no recorded holdings keeps the
 * holder in `posts` (a post made before 任职记录 existed, or by hand in a test).
 */
export function orgOn<T extends OrgSnapshot>(org: T, date: IsoDate): T {
  if (!org.holdings?.length) return org
  const byPost = holdingsByPost(org.holdings)
  const posts = org.posts.map((p) => {
    const list = byPost.get(p.id)
    if (!list) return p
    const holder = list.find((h) => holdsOn(h, date))?.personId ?? null
    return holder === p.holderId ? p : { ...p, holderId: holder }
  })
  return { ...org, posts }
}

// Grouped once per loaded snapshot: the absence list asks for the holders of every day of every trip.
const grouped = new WeakMap<readonly Holding[], Map<number, Holding[]>>()
function holdingsByPost(holdings: readonly Holding[]): Map<number, Holding[]> {
  let map = grouped.get(holdings)
  if (!map) {
    map = new Map()
    for (const h of holdings) map.set(h.postId, [...(map.get(h.postId) ?? []), h])
    grouped.set(holdings, map)
  }
  return map
}
