import { Badge, Tooltip } from '@mantine/core'
import { citeShort, isRuleId, RULES } from '../../src-main/common/rules'

/**
 * The rule an answer or a warning rests on, small, as users cite it — 第四十八条, 公文条例 — with the full citation and
 * its gist on hover (common/rules.ts). The catalogue id (R-D4) is for code and tests, never shown.
 */
export function RuleBadge({ rule, color = 'zhengwu' }: { rule: string; color?: string }) {
  if (!isRuleId(rule)) return null
  const { article, gist } = RULES[rule]
  return (
    <Tooltip label={`${article}：${gist}`} withArrow openDelay={300} multiline maw={360}>
      <Badge size="xs" variant="light" color={color} radius="sm" style={{ flexShrink: 0 }} data-rule={rule}>{citeShort(rule)}</Badge>
    </Tooltip>
  )
}
