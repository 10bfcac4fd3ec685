import type { RuleId } from '../common/rules'
import { ruleViolation } from './errors'

/**
 * A rule's answer: allowed, or refused with the rule and a reason in the rules' words. Pure rules return it and
 * never throw; the service decides what a refusal does (`enforce` turns it into the RULE error the API reports).
 */
export type Decision<T = object> = ({ ok: true } & T) | { ok: false; rule: RuleId; reason: string }

/** For a service: a refusal becomes the RULE error the API reports, citing the rule. */
export function enforce<T>(d: Decision<T>): { ok: true } & T {
  if (!d.ok) throw ruleViolation(d.rule, d.reason)
  return d
}
