import type { ReactNode } from 'react'
import { Paper } from '@mantine/core'
import { TitleBar } from './TitleBar'

/** A bordered block of a page with a title bar and optional actions on the right. */
export function Section({ children, ...bar }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="md">
      <TitleBar {...bar} order={3} mb="sm" />
      {children}
    </Paper>
  )
}
