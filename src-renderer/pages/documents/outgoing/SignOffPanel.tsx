import { useMemo, useState } from 'react'
import { Alert, Group, Text } from '@mantine/core'
import { useMutation, useQuery } from '../../../api/client'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { SignOffForm, type RequiredSigners } from '../../../components/SignOffForm'
import { formatDate, todayIso } from '../../../lib/format'
import { OUTGOING_CHANGES, type Outgoing } from './model'
import { useCan } from '../../../lib/session'
import { quotedSentence } from '../../../../src-main/common/documents'
import { cite } from '../../../../src-main/common/rules'

/**
 * 签发 (R-D4, R-D5, X-1): who must sign on the chosen day (with acting, R-P2/R-P3), the signer, a clear
 * opinion and the real date. Any other leader may be chosen: the server then refuses, quoting the rule.
 */
export function SignOffPanel({ doc, blockedBy, onChanged }: { doc: Outgoing; blockedBy: string | null; onChanged: () => void }) {
  const [date, setDate] = useState<string | null>(todayIso())
  const signed = doc.signed
  const answer = useQuery('outgoing.requiredSigner', !signed && date ? { id: doc.id, date } : null)
  const sign = useMutation('outgoing.signOff', { invalidates: OUTGOING_CHANGES })

  const required = useMemo<RequiredSigners>(() => {
    const a = answer.data
    const signers = a?.ok ? a.signers : []
    const acting = signers.filter((s) => s.actingFor).map((s) => s.reason)
    return {
      ok: a ? a.ok : doc.requiredSigner.ok,
      text: a?.text ?? doc.requiredSignerText,
      detail: a?.ok ? `${a.ruleText}${acting.length ? ` ${acting.join('；')}。` : ''}` : null,
      signers: signers.map((s) => ({ personId: s.personId, actingRule: s.actingRule, label: s.actingFor ? `${s.name}（代${s.role}${s.actingFor}）` : `${s.name}（${s.role}）` })),
    }
  }, [answer.data, doc.requiredSigner.ok, doc.requiredSignerText])

  if (signed) {
    return (
      <Section title="签发">
        <Group gap={6} wrap="wrap" role="note" aria-label="签发情况">
          <RuleBadge rule="R-D4" />
          <Text size="sm">
            {`${signed.name ?? ''}${signed.actingFor ? `（代${signed.actingFor}）` : ''}于${formatDate(signed.on)}签发，签发意见：“${signed.opinion ?? ''}”`}
          </Text>
        </Group>
      </Section>
    )
  }

  const reviewing = doc.status === '拟稿' || doc.status === '核稿中'
  const cannot = blockedBy
    ?? (reviewing ? `核稿尚未完成，下一步应由${doc.nextReviewStep ?? '办公室负责人'}核稿，核稿后才能签发。` : null)
  async function signOff(signerId: number, opinion: string, on: string) {
    const d = await sign.mutate({ id: doc.id, signerId, opinion, date: on })
    if (d) onChanged()
  }

  return (
    <Section title="签发" description={`领导签发时签署明确的意见、姓名和完整的日期；圈阅视为同意。签发后才能编发文字号（${cite('X-1')}），文稿不能再修改。`}>
      <SignOffForm rule="R-D4" alsoRules={doc.countyDirective ? ['R-D5'] : []} required={required} date={date} onDateChange={setDate} minDate={doc.reviews.at(-1)?.reviewedOn}
        defaultOpinion="同意。" opinionHint="圈阅的，记为“同意”" cannot={cannot} error={sign.error ?? answer.error} onErrorClose={sign.reset} busy={sign.busy}
        confirmTitle="签发公文" onSign={signOff} may={useCan()('outgoing.signOff')}
        confirmText={(who, on, opinion) => `由${who}于${on}签发《${doc.title}》，签发意见：${quotedSentence(opinion)}签发后文稿不能再修改，随后编发文字号。`}>
        {doc.countyDirectiveProblem && (
          <Alert color="red" variant="light" py="xs">
            <Group gap={6} wrap="nowrap" align="flex-start"><RuleBadge rule="R-D5" color="red" /><Text size="sm">{doc.countyDirectiveProblem}</Text></Group>
          </Alert>
        )}
      </SignOffForm>
    </Section>
  )
}
