import { useEffect, useState } from 'react'
import { SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { formatDate, todayIso } from '../../../lib/format'
import { CHASE_METHODS, type ChaseMethod } from '../../../../src-main/common/documents'
import { INCOMING_CHANGES, type Incoming } from './model'

const FIELDS = ['method', 'contact', 'answer', 'promisedOn', 'note']

/**
 * 催办 (R-D7, issue 16): how the office chased (电话/短信/书面/当面), whom it reached, what they answered and the date they
 * promised. A promised date on a rest day is kept with a warning, shown after saving (`onWarnings`).
 */
export function ChaseModal({ doc, target, onClose, onWarnings }: {
  doc: Incoming
  /** The 承办 chased, or null for the document itself (at a leader or in the office); undefined while closed. */
  target: { assignmentId: number; department: string } | null | undefined
  onClose: () => void
  onWarnings: (warnings: string[]) => void
}) {
  const chase = useMutation('incoming.chase', { invalidates: INCOMING_CHANGES, success: `已记录催办${target?.department ?? ''}。` })
  const [method, setMethod] = useState<ChaseMethod>('电话')
  const [contact, setContact] = useState('')
  const [answer, setAnswer] = useState('')
  const [promisedOn, setPromisedOn] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const opened = target !== undefined
  const { reset } = chase
  useEffect(() => {
    if (!opened) return
    reset(); setMethod('电话'); setContact(''); setAnswer(''); setPromisedOn(null); setNote('')
  }, [opened, reset])

  async function submit() {
    const done = await chase.mutate({
      id: doc.id, assignmentId: target?.assignmentId ?? null, method, contact: contact.trim() || null, answer: answer.trim() || null,
      promisedOn, note: note.trim() || null,
    })
    if (done) { onWarnings(done.warnings); onClose() }
  }
  const err = (f: string) => fieldError(chase.error, f)
  return (
    <FormModal opened={opened} size={560} title={`催办：${target ? target.department : doc.numberText}`} onClose={onClose} onSubmit={submit}
      busy={chase.busy} error={chase.error} fields={FIELDS} submitLabel="记录催办">
      <Stack gap="sm" aria-label="催办">
        <div>
          <Text size="sm" fw={500} mb={4}>催办方式</Text>
          <SegmentedControl data={[...CHASE_METHODS]} value={method} onChange={(v) => setMethod(v as ChaseMethod)} aria-label="催办方式" />
        </div>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="对方接洽人" placeholder="如：办公室王科长" maxLength={60} value={contact} onChange={(e) => setContact(e.currentTarget.value)} error={err('contact')} />
          <OfficeDateInput label="承诺办结日期" clearable value={promisedOn} onChange={(v) => setPromisedOn(v ? String(v) : null)} minDate={todayIso()} error={err('promisedOn')} />
        </SimpleGrid>
        <Textarea label="对方答复" autosize minRows={2} maxLength={1000} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} error={err('answer')} />
        <Textarea label="催办情况（备注）" autosize minRows={1} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('note')} />
        <Text size="xs" c="dimmed">催办人为当前账户，催办日期为今天；每次催办都留有记录。</Text>
      </Stack>
    </FormModal>
  )
}

/** Every chase of the document, newest last: date, who, whom, how, the answer and the promise. */
export function ChaseTable({ chases }: { chases: Incoming['chases'] }) {
  return (
    <Table withTableBorder striped aria-label="催办记录">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={110}>日期</Table.Th><Table.Th w={90}>催办人</Table.Th><Table.Th w={140}>催办对象</Table.Th><Table.Th w={70}>方式</Table.Th>
          <Table.Th>接洽人、答复</Table.Th><Table.Th w={110}>承诺办结</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {chases.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.chasedOn)}</Table.Td>
            <Table.Td>{c.chaser}</Table.Td>
            <Table.Td>{c.departmentName ?? '文件'}</Table.Td>
            <Table.Td>{c.method ?? '—'}</Table.Td>
            <Table.Td>
              <Text size="sm">{[c.contact, c.answer].filter(Boolean).join('：') || '—'}</Text>
              {c.note && <Text size="xs" c="dimmed">{c.note}</Text>}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.promisedOn ? formatDate(c.promisedOn) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
