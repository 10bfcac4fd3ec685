import { Badge, Tooltip } from '@mantine/core'

/** Marks a row that came with the demo organisation (removable in one action in 设置). */
export function DemoBadge({ show }: { show: boolean }) {
  if (!show) return null
  return (
    <Tooltip label="演示数据：系统自带的示例，可由管理员一次删除" withArrow openDelay={300}>
      <Badge size="xs" variant="outline" color="gray" radius="sm" ml={6} style={{ verticalAlign: 'middle', flexShrink: 0 }}>演示</Badge>
    </Tooltip>
  )
}
