import { Alert, List, Paper, Stack, Text, Title } from '@mantine/core'
import { PageHeader } from './PageHeader'

/** An honest page for a part of the office's work that is not built yet: what it will do, and nothing to click. */
export function PlannedPart({ title, purpose, features, basis }: { title: string; purpose: string; features: string[]; basis: string }) {
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <Stack gap="md" maw={820}>
        <Alert color="zhengwu" variant="light" title="本部分正在建设中">
          {title}功能尚未完成，目前不能在本系统中办理。完成后将在此处启用，现有数据不受影响。
        </Alert>
        <Paper withBorder p="md">
          <Title order={3} mb="xs">建成后将提供</Title>
          <List size="sm" spacing={6}>
            {features.map((f) => <List.Item key={f}>{f}</List.Item>)}
          </List>
          <Text size="xs" c="dimmed" mt="md">依据：{basis}</Text>
        </Paper>
      </Stack>
    </>
  )
}
