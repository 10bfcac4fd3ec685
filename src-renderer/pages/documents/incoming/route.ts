import { useQuery } from '../../../api/client'
import { formatMonthDay, todayIso } from '../../../lib/format'
import type { Incoming } from './model'

/**
 * The proposed route as the rules answer it on a day (R-D3 with R-P2/R-P3): who holds the post and who acts for
 * them that day. The 送批 default and the 拟办 summary both read it, so neither names a leader who is away.
 */
export function useRouteOn(doc: Incoming, date: string | null, enabled = true) {
  const info = doc.proposalInfo
  const input = enabled && info && date ? {
    id: doc.id, date,
    ...(info.route === '市长' ? { major: true } : info.route === '秘书长' ? { withinOneDepartment: true, secretaryPostId: info.routePostId } : {}),
  } : null
  const route = useQuery('incoming.proposeRoute', input)
  const answer = route.data && route.data.postId === info?.routePostId ? route.data : null
  return {
    /** Still asking: nobody is suggested yet (suggesting the holder first would pre-fill an absent leader). */
    asking: !!input && route.loading && !route.data,
    /** Whoever answers for the post that day: the acting leader, else the holder. */
    answererId: answer ? answer.actorId ?? answer.holderId : null,
    /** 杨帆今日出差，由刘芳代行 — or null when the holder is there. */
    acting: answer?.acting ? answer : null,
  }
}

/** 今日 or 12月3日: the day an acting answer is for. */
export const actingDay = (date: string | null): string => (!date || date === todayIso() ? '今日' : formatMonthDay(date))
