import { Center, Group, Loader, Text } from '@mantine/core'

export function Loading({ label = '正在加载…' }: { label?: string }) {
  return (
    <Center py="xl">
      <Group gap="xs"><Loader size="sm" /><Text size="sm" c="dimmed">{label}</Text></Group>
    </Center>
  )
}
