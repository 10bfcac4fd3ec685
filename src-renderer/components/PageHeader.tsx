import type { ReactNode } from 'react'
import { TitleBar } from './TitleBar'

/** The title line every page starts with. */
export function PageHeader(props: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return <TitleBar {...props} order={2} mb="md" />
}
