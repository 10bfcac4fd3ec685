import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { Section } from '../../../components/Section'
import { formatDate } from '../../../lib/format'
import { hrefOf } from '../../../lib/route'
import type { Incoming } from './model'

/**
 * 请示 ↔ 批复 (issue 16): the 发文 that name this 请示 (or 来函) as the one they answer, each linked to its page; the
 * header says 已批复 with the 字号 once one is issued. Shown for a 请示 or 函, and for any 收文 that has a reply.
 */
export function RepliesPanel({ doc }: { doc: Incoming }) {
  if (doc.replies.length === 0 && ((doc.docType !== '请示' && doc.docType !== '函') || doc.voided)) return null
  return (
    <Section title="批复" description="答复本件的发文（在发文页面“所答复的请示”中指定）">
      <Stack gap={4} aria-label="批复">
        {doc.replies.length === 0 && <Text size="sm" c="dimmed">尚无答复本件的批复或复函。</Text>}
        {doc.replies.map((r) => (
          <Group key={r.id} gap="xs">
            <Anchor href={hrefOf(`documents/outgoing/${r.id}`)} size="sm">{r.numberText ?? '（未编号）'} {r.title}</Anchor>
            <Badge size="sm" radius="sm" variant="light" color={r.status === '已印发' ? 'green' : r.status === '已作废' ? 'dark' : 'blue'}>
              {r.status === '已印发' && r.issuedOn ? `${formatDate(r.issuedOn)}印发` : r.status}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Section>
  )
}
