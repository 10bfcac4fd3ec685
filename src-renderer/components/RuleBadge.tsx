import { Badge, Tooltip } from '@mantine/core'
import { isRuleId, RULES } from '../../src-main/common/rules'

/** The rule an answer or a warning rests on (R-P2, R-P4 …), small, with its article and gist on hover (common/rules.ts). */
export function RuleBadge({ rule, color = 'zhengwu' }: { rule: string; color?: string }) {
  const badge = <Badge size="xs" variant="light" color={color} radius="sm" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>{rule}</Badge>
  if (!isRuleId(rule)) return badge
  const { article, gist } = RULES[rule]
  return <Tooltip label={`${article}：${gist}`} withArrow openDelay={300}>{badge}</Tooltip>
}
