import { Tabs } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { navigate, useHashPath } from '../../lib/route'
import { IncomingTab } from './incoming/IncomingTab'
import { IncomingPage } from './incoming/IncomingPage'
import { OutgoingTab } from './outgoing/OutgoingTab'
import { OutgoingPage } from './outgoing/OutgoingPage'
import { ProposalsTab } from './proposals/ProposalsTab'

const TABS = [
  { value: 'incoming', label: '收文' },
  { value: 'outgoing', label: '发文' },
  { value: 'proposals', label: '建议提案' },
] as const
type Tab = (typeof TABS)[number]['value']

/**
 * 公文 (办文, 第四十四—五十一条): #/documents/incoming (收文登记簿), #/documents/outgoing (发文登记簿),
 * #/documents/proposals (人大代表建议、政协提案); one document at #/documents/incoming/<id> or #/documents/outgoing/<id>.
 */
export function DocumentsPage() {
  const [, tabText, idText] = useHashPath()
  const tab: Tab = TABS.some((t) => t.value === tabText) ? (tabText as Tab) : 'incoming'
  const id = Number(idText)
  if (idText && Number.isInteger(id) && id > 0) {
    if (tab === 'incoming') return <IncomingPage key={id} id={id} />
    if (tab === 'outgoing') return <OutgoingPage key={id} id={id} />
  }
  return (
    <>
      <PageHeader title="公文" description="收文登记、拟办、批示、承办、催办和办结；发文拟稿、核稿、签发、编号和印发；人大代表建议和政协提案（第四十四至五十一、五十九条）。" />
      <Tabs value={tab} onChange={(v) => v && navigate(`documents/${v}`)} keepMounted={false}>
        <Tabs.List mb="sm">
          {TABS.map((t) => <Tabs.Tab key={t.value} value={t.value}>{t.label}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="incoming"><IncomingTab /></Tabs.Panel>
        <Tabs.Panel value="outgoing"><OutgoingTab /></Tabs.Panel>
        <Tabs.Panel value="proposals"><ProposalsTab /></Tabs.Panel>
      </Tabs>
    </>
  )
}
