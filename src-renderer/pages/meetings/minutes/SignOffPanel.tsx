import { useMemo, useState } from 'react'
import { useMutation, useQuery } from '../../../api/client'
import { Section } from '../../../components/Section'
import { SignOffForm, type RequiredSigners } from '../../../components/SignOffForm'
import { todayIso } from '../../../lib/format'
import { ConsentPanel } from './ConsentPanel'
import type { Minutes } from './model'
import { MEETING_CHANGES } from '../model'
import { quotedSentence } from '../../../../src-main/common/documents'
import { cite } from '../../../../src-main/common/rules'

/**
 * 签发 (R-M5, X-1): who must sign on the chosen day (with acting, R-P2/R-P3), the signer, the opinion
 * and the real date; the number is given by the server at sign-off. Any other leader may be chosen:
 * the server then refuses, quoting the rule.
 */
export function SignOffPanel({ minutes, blockedBy, correctable, onChanged }: {
  minutes: Minutes
  /** The designated role may correct the held meeting (issue 15). */
  correctable: boolean
  /** Why signing must wait (unsaved changes), if it must. */
  blockedBy: string | null
  onChanged: (m: Minutes) => void
}) {
  const [date, setDate] = useState<string | null>(todayIso())
  const answer = useQuery('minutes.signer', date ? { meetingId: minutes.meetingId, date } : null)
  const sign = useMutation('minutes.sign', { invalidates: MEETING_CHANGES })

  const required = useMemo<RequiredSigners>(() => {
    const a = answer.data
    const signers = a?.ok ? a.signers : []
    const reasons = signers.map((s) => s.reason).filter(Boolean)
    return {
      ok: a ? a.ok : minutes.requiredSigner.ok,
      text: a?.text ?? minutes.requiredSignerText,
      detail: a?.ok ? `${a.ruleText}${reasons.length ? ` ${reasons.join('；')}。` : ''}` : null,
      signers: signers.map((s) => ({ personId: s.personId, actingRule: s.actingRule, label: s.actingFor ? `${s.name}（代${s.postTitle}${s.actingFor}）` : `${s.name}（${s.postTitle}）` })),
    }
  }, [answer.data, minutes.requiredSigner.ok, minutes.requiredSignerText])

  async function signOff(signerPersonId: number, opinion: string, on: string) {
    const m = await sign.mutate({ meetingId: minutes.meetingId, signerPersonId, opinion, date: on })
    if (m) onChanged(m)
  }

  return (
    <Section title="签发" description={`纪要签发后按会议类别的编号序列编号（${cite('X-1')}），不能再修改。`}>
      <SignOffForm rule="R-M5" required={required} date={date} onDateChange={setDate} minDate={minutes.meetingDate}
        defaultOpinion="同意印发。" cannot={blockedBy ?? (!minutes.saved ? '请先保存纪要草稿，再签发。' : null)}
        error={sign.error ?? answer.error} onErrorClose={sign.reset} busy={sign.busy} confirmTitle="签发纪要" onSign={signOff}
        confirmText={(who, on, opinion) => `由${who}于${on}签发《${minutes.title}》，签发意见：${quotedSentence(opinion)}签发后纪要即编号，不能再修改。`}>
        {minutes.needsMayorConsent && <ConsentPanel minutes={minutes} correctable={correctable} onRecorded={onChanged} />}
      </SignOffForm>
    </Section>
  )
}
