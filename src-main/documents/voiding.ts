/**
 * 作废 (issue 16) of a 收文 or a 发文: only the roles the office designated (设置—公文作废人员) may void. One check for
 * both parts, so the two refusals never differ; the words are common/voiding.ts's, which the page uses to hide the button.
 */
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { voiderProblem } from '../common/voiding'
import { readSettings } from '../settings/service'

/** Refuses a role the office has not designated for voiding (the page hides the button for it too). */
export function requireVoider(ctx: ActionContext): void {
  const problem = voiderProblem(ctx.user!.role, readSettings(ctx.db).voidRoles)
  if (problem) throw new AppError('FORBIDDEN', problem)
}
