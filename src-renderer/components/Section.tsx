import type { ReactNode } from 'react'
import { Group, Paper, Text, Title } from '@mantine/core'

/** A bordered block of a page with a title bar and optional actions on the right. */
export function Section({ title, description, actions, children }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="md">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div>
          <Title order={3}>{title}</Title>
          {description && <Text size="sm" c="dimmed" mt={2}>{description}</Text>}
        </div>
        {actions && <Group gap="xs" wrap="nowrap">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  )
}
