import type { ReactNode } from 'react'
import { Group, Text, Title } from '@mantine/core'

/** A title with an optional description on the left and actions on the right: pages and sections share it. */
export function TitleBar({ title, description, actions, order, mb }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; order: 2 | 3; mb: 'sm' | 'md' }) {
  return (
    <Group justify="space-between" align={order === 2 ? 'flex-end' : 'flex-start'} mb={mb} wrap="nowrap">
      <div>
        <Title order={order}>{title}</Title>
        {description && <Text size="sm" c="dimmed" mt={order === 2 ? 4 : 2}>{description}</Text>}
      </div>
      {actions && <Group gap="xs" wrap="nowrap">{actions}</Group>}
    </Group>
  )
}
