import { useState } from 'react'
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQuery } from '../../../api/client'
import { Feedback } from '../../../components/Feedback'
import { Section } from '../../../components/Section'
import { hrefOf } from '../../../lib/route'
import { useCan } from '../../../lib/session'
import { OUTGOING_CHANGES, type Outgoing } from './model'

/** The 收文 side shows the link too (已批复 once issued). */
const CHANGES = [...OUTGOING_CHANGES, 'incoming.get'] as const

/**
 * 请示 ↔ 批复 (issue 16): a 批复 or 复函 names the 请示 (or 来函) it answers, found by its 收文号 (收〔2026〕5号, 2026-5) or words
 * of its title; the link opens the 收文, whose page lists this reply and says 已批复 once it is issued.
 */
export function ReplyLinkPanel({ doc }: { doc: Outgoing }) {
  const can = useCan()
  const [typed, setTyped] = useState('')
  const [asked, setAsked] = useState<string | null>(null)
  const found = useQuery('outgoing.answerCandidates', asked ? { text: asked } : null)
  const link = useMutation('outgoing.setReplyTo', { invalidates: CHANGES, success: (d) => (d.replyTo ? `已指定：答复${d.replyTo.numberText}。` : '已取消指定。') })
  const editable = can('outgoing.setReplyTo') && doc.status !== '已作废'
  if (doc.docType !== '批复' && doc.docType !== '函' && !doc.replyTo) return null
  const choose = async (incomingId: number | null) => { if (await link.mutate({ id: doc.id, incomingId })) { setAsked(null); setTyped('') } }

  return (
    <Section title="所答复的请示" description="批复（复函）答复的收文；收文页面显示本件，印发后显示“已批复”">
      <Stack gap="xs" aria-label="所答复的请示">
        {doc.replyTo ? (
          <Group gap="xs">
            <Anchor href={hrefOf(`documents/incoming/${doc.replyTo.id}`)} size="sm">{doc.replyTo.numberText} {doc.replyTo.title}</Anchor>
            <Text size="xs" c="dimmed">{doc.replyTo.sender}　{doc.replyTo.docType}</Text>
            {editable && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => choose(null)}>取消指定</Button>}
          </Group>
        ) : <Text size="sm" c="dimmed">尚未指定。</Text>}
        {editable && (
          <form onSubmit={(e) => { e.preventDefault(); setAsked(typed.trim() || null) }}>
            <Group gap="xs" align="flex-end">
              <TextInput label={doc.replyTo ? '改为答复' : '查找请示'} placeholder="收文号（如 收〔2026〕5号）或标题中的词" value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)} w={320} maxLength={100} />
              <Button type="submit" variant="default" size="sm">查找</Button>
            </Group>
          </form>
        )}
        {asked && found.data && found.data.length === 0 && <Text size="sm" c="dimmed">没有找到符合“{asked}”的请示或来函（已作废的不列出）。</Text>}
        {asked && found.data?.map((c) => (
          <Group key={c.id} gap="xs" aria-label="可答复的收文">
            <Text size="sm">{c.numberText} {c.title}</Text>
            <Text size="xs" c="dimmed">{c.sender}　{c.docType}</Text>
            <Button size="compact-xs" variant="light" onClick={() => choose(c.id)} loading={link.busy}>指定</Button>
          </Group>
        ))}
        <Feedback state={link} />
      </Stack>
    </Section>
  )
}
