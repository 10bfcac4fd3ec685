import type { InputOf, Invalidation, OutputOf } from '../../api/client'
import { isLeaderKind } from '../../../src-main/common/org'

/** The organisation as org.overview returns it (R-P1). */
export type OrgOverview = OutputOf<'org.overview'>
export type Person = OrgOverview['people'][number]
export type Department = OrgOverview['departments'][number]
export type Post = OrgOverview['posts'][number]
export type AbPair = OrgOverview['abPairs'][number]
export type PostKind = InputOf<'org.savePost'>['kind']
export type DepartmentKind = InputOf<'org.saveDepartment'>['kind']

/** A change to the directory: names, posts and 分管 show on nearly every page, so every answer on screen is asked again. */
export const ORG_CHANGES: readonly Invalidation[] = ['*']

// A Record keyed by the server's enum: the compiler notices when a kind is added or renamed.
const POST_KIND_ORDER: Record<PostKind, number> = {
  市长: 0, 副市长: 1, 秘书长: 2, 副秘书长: 3, 县区主要负责人: 4, 部门主要负责人: 5,
  办公室主任: 6, 办公室副主任: 7, 工作人员: 8, 其他: 9,
}
export const POST_KINDS = (Object.keys(POST_KIND_ORDER) as PostKind[]).sort((a, b) => POST_KIND_ORDER[a] - POST_KIND_ORDER[b])

export const DEPARTMENT_KIND_LABEL: Record<DepartmentKind, string> = {
  市政府部门: '市政府部门',
  县区: '县（市、区）',
  办公室内设: '办公室内设机构',
  其他单位: '其他单位',
}
export const DEPARTMENT_KINDS = Object.keys(DEPARTMENT_KIND_LABEL) as DepartmentKind[]

export const isLeaderPost = (p: Pick<Post, 'kind'>) => isLeaderKind(p.kind)

/** Posts in the office's order: by kind, then the order the office gave them. */
export const byRank = (a: Post, b: Post) =>
  POST_KIND_ORDER[a.kind] - POST_KIND_ORDER[b.kind] || a.sortOrder - b.sortOrder || a.id - b.id

export function leaderPosts(org: OrgOverview): Post[] {
  return org.posts.filter(isLeaderPost).sort(byRank)
}

/** 常务副市长 shown as such, whatever the post's own title says. */
export const postTitle = (p: Pick<Post, 'title' | 'isExecutive'>) =>
  p.isExecutive && !p.title.includes('常务') ? `${p.title}（常务）` : p.title

/** A person's highest-ranking post, as the rules pick it. */
export function principalPostOf(org: OrgOverview, personId: number): Post | undefined {
  return org.posts.filter((p) => p.holderId === personId).sort(byRank)[0]
}

/** '' for a missing phone, so tables stay quiet. */
export const phoneText = (v: string | null | undefined) => v ?? ''

/** Table cells that must not wrap: names, phones, dates. */
export const NOWRAP = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const
