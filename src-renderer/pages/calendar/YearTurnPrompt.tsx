import { useState } from 'react'
import { Alert, Button, Group, Modal, Text } from '@mantine/core'
import { useCan } from '../../lib/session'
import { ImportYearForm } from './ImportYearForm'

/**
 * 首页, the year's turn: a year whose holiday arrangement is missing — next year's from 1 November — with the
 * one step to enter it, for whoever may (文秘、科长). Others see the message, which names who enters it.
 */
export function YearTurnPrompt({ prompt }: { prompt: { year: number; message: string } | null }) {
  const can = useCan()
  const [open, setOpen] = useState(false)
  // Kept after the prompt itself is gone (the home page reloads without it once the year is entered).
  const [done, setDone] = useState<number | null>(null)
  if (done) return <Alert color="green" variant="light" py="xs" role="status">已录入{done}年的节假日安排，相关日期和期限已按通知重算。</Alert>
  if (!prompt) return null
  return (
    <Alert color="orange" variant="light" title={`${prompt.year}年的节假日安排尚未录入`} role="status">
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm">{prompt.message}</Text>
        {can('calendar.importYear') && <Button size="xs" onClick={() => setOpen(true)} style={{ flexShrink: 0 }}>粘贴通知录入</Button>}
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} size="lg" closeOnClickOutside={false}
        title={<Text fw={600}>录入{prompt.year}年的节假日安排</Text>}>
        <ImportYearForm year={prompt.year} replacing={false} onCancel={() => setOpen(false)} onDone={() => { setOpen(false); setDone(prompt.year) }} />
      </Modal>
    </Alert>
  )
}
