import { useMemo } from 'react'
import { useQuery } from '../../api/client'
import { byRank, isLeaderPost, postTitle } from './model'

/**
 * The signer choices of a sign-off panel: those the rule names first (按规则应由), then every other city
 * leader, so a wrong choice reaches the server and its refusal, quoting the rule, is shown.
 */
export function useSignerOptions(required: readonly { personId: number; label: string }[]) {
  const org = useQuery('org.overview', {})
  return useMemo(() => {
    const names = new Map((org.data?.people ?? []).map((p) => [p.id, p.name]))
    const requiredIds = new Set(required.map((s) => s.personId))
    const seen = new Set<number>()
    const others = (org.data?.posts ?? []).filter(isLeaderPost).sort(byRank).flatMap((p) => {
      if (p.holderId === null || requiredIds.has(p.holderId) || seen.has(p.holderId)) return []
      seen.add(p.holderId)
      return [{ value: String(p.holderId), label: `${names.get(p.holderId) ?? ''}（${postTitle(p)}）` }]
    })
    const groups = []
    if (required.length) groups.push({ group: '按规则应由', items: required.map((s) => ({ value: String(s.personId), label: s.label })) })
    if (others.length) groups.push({ group: '其他市政府领导', items: others })
    return groups
  }, [org.data, required])
}
