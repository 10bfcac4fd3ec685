import { MultiSelect, Select, type ComboboxItem, type ComboboxItemGroup, type MultiSelectProps, type SelectProps } from '@mantine/core'
import { byRank, postTitle, type OrgOverview, type PostKind } from '../pages/org/model'
import { LEADER_KINDS } from '../../src-main/common/org'

/**
 * Who a form may name:
 * - leaders: 市政府领导 (市长, 副市长, 秘书长, 副秘书长), e.g. 报告对象, 批准人;
 * - absentees: those whose trips the office files (R-P5): leaders, county heads, department heads;
 * - all: everyone, grouped by their post.
 */
export type PersonScope = 'leaders' | 'absentees' | 'all'

const GROUPS: { label: string; kinds: readonly PostKind[] }[] = [
  { label: '市政府领导', kinds: LEADER_KINDS },
  { label: '县（市、区）主要负责人', kinds: ['县区主要负责人'] },
  { label: '部门主要负责人', kinds: ['部门主要负责人'] },
  { label: '市政府办公室', kinds: ['办公室主任', '办公室副主任', '工作人员'] },
  { label: '其他', kinds: ['其他'] },
]
const SCOPE_GROUPS: Record<PersonScope, number> = { leaders: 1, absentees: 3, all: GROUPS.length }

/**
 * Options grouped by post, each person once under their highest post: "张明远（市长）". `chosen` are the field's current
 * values: one who has since left (归档) stays shown, under 已离任, so an old record opens with its name.
 */
export function personOptions(org: OrgOverview | undefined, scope: PersonScope, exclude: readonly number[] = [], chosen: readonly number[] = []): ComboboxItemGroup<ComboboxItem<number>>[] {
  if (!org) return []
  const seen = new Set<number>(exclude)
  const names = new Map(org.people.map((p) => [p.id, p.name]))
  const groups = GROUPS.slice(0, SCOPE_GROUPS[scope]).map((g) => {
    const items: ComboboxItem<number>[] = []
    for (const post of org.posts.filter((p) => g.kinds.includes(p.kind)).sort(byRank)) {
      if (post.holderId === null || seen.has(post.holderId)) continue
      seen.add(post.holderId)
      items.push({ value: post.holderId, label: `${names.get(post.holderId) ?? ''}（${postTitle(post)}）` })
    }
    return { group: g.label, items }
  })
  if (scope === 'all') {
    // Those who left (归档) hold no post and are offered nowhere; past records still show their names.
    const rest = org.people.filter((p) => !seen.has(p.id) && !p.archivedOn).map((p) => ({ value: p.id, label: p.name }))
    groups.push({ group: '未任岗位人员', items: rest })
  }
  const departed = org.people.filter((p) => p.archivedOn && chosen.includes(p.id) && !seen.has(p.id))
  groups.push({ group: '已离任', items: departed.map((p) => ({ value: p.id, label: `${p.name}（已离任）` })) })
  return groups.filter((g) => g.items.length > 0)
}

type Common = { org: OrgOverview | undefined; scope: PersonScope; exclude?: readonly number[] }

/** One person, chosen by name or post (type to search). */
export function PersonSelect({ org, scope, exclude, ...props }: Common & Omit<SelectProps<number>, 'data'>) {
  return <Select<number> searchable nothingFoundMessage="没有符合的人员" maxDropdownHeight={320} comboboxProps={{ withinPortal: true }}
    data={personOptions(org, scope, exclude, props.value == null ? [] : [props.value])} {...props} />
}

/** Several people, e.g. whom a trip was reported to. */
export function PeopleMultiSelect({ org, scope, exclude, ...props }: Common & Omit<MultiSelectProps<number>, 'data'>) {
  return <MultiSelect<number> searchable nothingFoundMessage="没有符合的人员" maxDropdownHeight={320} comboboxProps={{ withinPortal: true }}
    data={personOptions(org, scope, exclude, props.value ?? [])} {...props} />
}
