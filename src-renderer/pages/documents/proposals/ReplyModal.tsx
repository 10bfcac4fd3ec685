import { useEffect, useState } from 'react'
import { Select, Text, Textarea } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { todayIso } from '../../../lib/format'
import type { ProposalRow } from './ProposalsTab'
import { SATISFACTION } from '../../../../src-main/common/documents'
import { proposalNumberText } from '../../../../src-main/common/documents'
import { OfficeDateInput } from '../../../components/OfficeDateInput'

/** 答复: the reply, its date and the proposer's satisfaction (R-D8). */
export function ReplyModal({ row, onClose, onSaved }: { row: ProposalRow | null; onClose: () => void; onSaved: () => void }) {
  const reply = useMutation('proposals.reply', { invalidates: ['proposals.list', 'proposals.counts'] })
  const [text, setText] = useState('')
  const [on, setOn] = useState<string | null>(todayIso())
  const [satisfaction, setSatisfaction] = useState<string | null>(null)
  const { reset } = reply
  useEffect(() => { if (row) { setText(row.reply ?? ''); setOn(row.repliedOn ?? todayIso()); setSatisfaction(row.satisfaction ?? null); reset() } }, [row, reset])
  const submit = async () => {
    if (row && await reply.mutate({ id: row.id, reply: text, repliedOn: on ?? '', satisfaction: (satisfaction ?? null) as ProposalRow['satisfaction'] })) onSaved()
  }
  return (
    <FormModal opened={row !== null} title="登记答复" onClose={onClose} onSubmit={submit} busy={reply.busy} error={reply.error} fields={['reply', 'repliedOn']} size="lg">
      {row && <Text size="sm">{row.kind}{proposalNumberText(row.year, row.number)}：{row.title}</Text>}
      <Textarea label="答复内容" autosize minRows={4} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldError(reply.error, 'reply')} required />
      <OfficeDateInput label="答复日期" value={on} onChange={setOn} error={fieldError(reply.error, 'repliedOn')} w={220} />
      <Select label="代表（委员）满意度" data={[...SATISFACTION]} value={satisfaction} onChange={setSatisfaction} clearable placeholder="尚未反馈" w={220} />
    </FormModal>
  )
}
