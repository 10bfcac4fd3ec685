import { Button, Group, SimpleGrid, TagsInput, Text } from '@mantine/core'
import type { MinutesAttendance } from './model'

const LISTS: { key: keyof MinutesAttendance; label: string; hint: string }[] = [
  { key: 'present', label: '出席', hint: '组成人员和邀请参加的人员' },
  { key: 'onLeave', label: '请假', hint: '姓名（事由），如：王志强（出差）' },
  { key: 'attending', label: '列席', hint: '代会的写作：王五（代某某）' },
]

/** 出席 / 请假 / 列席 as printed in the minutes: one name per tag, prefilled from the attendance record. */
export function AttendanceLists({ value, onChange, onRefill, refilling }: {
  value: MinutesAttendance
  onChange: (v: MinutesAttendance) => void
  onRefill: () => void
  refilling: boolean
}) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        {LISTS.map((l) => (
          <div key={l.key} role="group" aria-label={`${l.label}名单`}>
            <TagsInput label={`${l.label}（${value[l.key].length}人）`} description={l.hint}
              value={value[l.key]} onChange={(v) => onChange({ ...value, [l.key]: v })} splitChars={[',', '，', '、']}
              acceptValueOnBlur placeholder="输入姓名后按回车" clearable maxTags={200} />
          </div>
        ))}
      </SimpleGrid>
      <Group gap="xs" mt="xs">
        <Button size="xs" variant="default" onClick={onRefill} loading={refilling}>按出席记录重新填写</Button>
        <Text size="xs" c="dimmed">按“出席”页的登记重新带出三份名单（替换上面的名单，保存草稿后生效）。</Text>
      </Group>
    </>
  )
}
