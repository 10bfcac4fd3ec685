import type { ReactNode } from 'react'
import { Group, Text, Title } from '@mantine/core'

/** The title line every page starts with. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="md" wrap="nowrap">
      <div>
        <Title order={2}>{title}</Title>
        {description && <Text size="sm" c="dimmed" mt={4}>{description}</Text>}
      </div>
      {actions && <Group gap="xs" wrap="nowrap">{actions}</Group>}
    </Group>
  )
}
