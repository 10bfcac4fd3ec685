import { useState } from 'react'
import { Button, Stack } from '@mantine/core'
import { Section } from '../../../components/Section'
import { navigate } from '../../../lib/route'
import { NewDraftModal } from './NewDraftModal'
import { OutgoingRegister } from './OutgoingRegister'
import { Can } from '../../../components/Can'

/** 发文: 拟稿 (from a template per 文种) and the 发文登记簿. */
export function OutgoingTab() {
  const [drafting, setDrafting] = useState(false)
  return (
    <Stack gap="md">
      <Section title="发文登记簿" description="拟稿 → 核稿 → 签发 → 编号 → 复核 → 印发 → 核发；点一行查看和办理。"
        actions={<Can do="outgoing.draft"><Button size="xs" onClick={() => setDrafting(true)}>拟稿</Button></Can>}>
        <OutgoingRegister />
      </Section>
      <NewDraftModal opened={drafting} onClose={() => setDrafting(false)}
        onCreated={(doc) => { setDrafting(false); navigate(`documents/outgoing/${doc.id}`) }} />
    </Stack>
  )
}
