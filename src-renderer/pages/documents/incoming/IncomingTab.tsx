import { useState } from 'react'
import { Button, Stack } from '@mantine/core'
import { useQuery } from '../../../api/client'
import { Section } from '../../../components/Section'
import { navigate } from '../../../lib/route'
import { IncomingRegister } from './IncomingRegister'
import { RegisterModal } from './RegisterModal'
import { Can } from '../../../components/Can'

/** 收文: 签收登记 and the 收文登记簿. */
export function IncomingTab() {
  const [registering, setRegistering] = useState(false)
  const org = useQuery('org.overview', {})
  return (
    <Stack gap="md">
      <Section title="收文登记簿" description="签收登记 → 初审 → 拟办 → 领导批示 → 承办 → 办结；点一行查看和办理。"
        actions={<Can do="incoming.receive"><Button size="xs" onClick={() => setRegistering(true)}>登记收文</Button></Can>}>
        <IncomingRegister />
      </Section>
      <RegisterModal opened={registering} org={org.data} onClose={() => setRegistering(false)}
        onSaved={(doc) => { setRegistering(false); navigate(`documents/incoming/${doc.id}`) }} />
    </Stack>
  )
}
