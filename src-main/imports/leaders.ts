/**
 * 牵头市领导 and 督办领导 as offices write them in their tables: a name (刘芳), a name with the title (刘芳副市长, 副市长
 * 刘芳), or a title held by one post only (市长, 常务副市长). A name is read against everyone who ever held a 市领导 post
 * (post_holdings), so a 2023 row names the post its leader held then, though the post has changed hands since.
 */
import { chineseDate, type IsoDate } from '../common/dates'
import { bad, cellText, ok, type Cell, type Parsed } from './rules'

/** One holding of a 市领导 post (市长, 副市长, 秘书长, 副秘书长): whose, which post, from and to which day. */
export interface LeaderHolding { postId: number; title: string; name: string; from: IsoDate | null; to: IsoDate | null }

const TITLE_WORDS = /常务副市长|副市长|市长|副秘书长|秘书长|同志/g

const heldOn = (h: LeaderHolding, day: IsoDate) => (h.from === null || h.from <= day) && (h.to === null || day <= h.to)
const postsOf = (hs: readonly LeaderHolding[]) => [...new Set(hs.map((h) => h.postId))]

/** The post the cell names, by its holder's name (on `day` when they held several) or by a title only one post has; empty → null. */
export function parseLeader(cell: Cell, holdings: readonly LeaderHolding[], day: IsoDate): Parsed<number | null> {
  const written = cellText(cell).normalize('NFKC').replace(/\s/g, '')
  if (!written) return ok(null)
  const name = written.replace(TITLE_WORDS, '')
  const byName = name ? holdings.filter((h) => h.name === name) : []
  const candidates = byName.length ? byName : holdings.filter((h) => h.title === written)
  const posts = postsOf(candidates)
  if (posts.length === 1) return ok(posts[0])
  if (posts.length === 0) return bad(`组织机构中没有名为“${written}”的市领导，请写市领导的姓名，或先在组织机构中录入`)
  const then = postsOf(candidates.filter((h) => heldOn(h, day)))
  if (byName.length && then.length === 1) return ok(then[0])
  const titles = [...new Set(candidates.map((h) => h.title))].join('、')
  return bad(byName.length
    ? `${name}担任过多个市领导岗位（${titles}），按任职记录无法确定${chineseDate(day)}所任岗位，请核对组织机构中的任职时间`
    : `“${written}”不止一个岗位，请写市领导的姓名`)
}
