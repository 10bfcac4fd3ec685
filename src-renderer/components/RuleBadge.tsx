import { Badge, Tooltip } from '@mantine/core'

/** The rule an answer or a warning rests on (R-P2, R-P4 …), small, with the rule's gist on hover. */
const GIST: Record<string, string> = {
  'R-P1': '岗位设置（第四至九条）',
  'R-P2': '市长外出期间由常务副市长代行（第八条）',
  'R-P3': 'AB角工作制度（第五十七条）',
  'R-P4': '市长与常务副市长一般不同时外出（第七十六条）',
  'R-P5': '领导外出报告与备案（第七十六条）',
}

export function RuleBadge({ rule, color = 'zhengwu' }: { rule: string; color?: string }) {
  const badge = <Badge size="xs" variant="light" color={color} radius="sm" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>{rule}</Badge>
  const gist = GIST[rule]
  return gist ? <Tooltip label={gist} withArrow openDelay={300}>{badge}</Tooltip> : badge
}
