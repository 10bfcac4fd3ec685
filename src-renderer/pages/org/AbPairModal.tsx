import { useState } from 'react'
import { Group, Select, Text } from '@mantine/core'
import { useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { leaderPostOptions } from './DepartmentModal'
import { ORG_CHANGES, type OrgOverview } from './model'
import { cite } from '../../../src-main/common/rules'

/** 设置AB角 (R-P3): two leader posts, neither already paired. */
export function AbPairModal({ org, firstPostId = null, onClose, onSaved }: { org: OrgOverview; firstPostId?: number | null; onClose: () => void; onSaved: () => void }) {
  const paired = org.abPairs.flatMap((p) => [p.postAId, p.postBId])
  const [a, setA] = useState<number | null>(firstPostId)
  const [b, setB] = useState<number | null>(null)
  const save = useMutation('org.saveAbPair', { invalidates: ORG_CHANGES })

  async function submit() {
    if (!a || !b) return
    if (await save.mutate({ postAId: a, postBId: b })) onSaved()
  }

  return (
    <FormModal opened title="设置AB角" onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} fields={['postAId', 'postBId']}>
      <Group grow gap="sm" align="flex-start">
        <Select<number> label="A角" required data={leaderPostOptions(org, [...paired, ...(b ? [b] : [])])} value={a} onChange={setA} error={fieldError(save.error, 'postAId')} />
        <Select<number> label="B角" required data={leaderPostOptions(org, [...paired, ...(a ? [a] : [])])} value={b} onChange={setB} error={fieldError(save.error, 'postBId')} />
      </Group>
      <Text size="xs" c="dimmed">按{cite('R-P3')}，AB角中一方外出时由另一方代行其政务活动职责；双方均外出时由常务副市长代行。每个岗位只能有一个AB角。</Text>
    </FormModal>
  )
}
