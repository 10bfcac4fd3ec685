/**
 * 作废 of a 发文 not yet issued (issue 16): an abandoned draft, or a signed or numbered one that will not go out, is voided
 * with a reason by the designated role (设置—公文作废人员). The row stays, marked 已作废; a 字号 it was given stays on it
 * and is never given again (numbering takes the series' highest plus one, voided rows included), so the register shows
 * that number as 作废 instead of a gap. Before the act the page shows what it will stop; it cannot be undone.
 */
import type { ActionContext } from '../../kernel/procedure'
import { AppError } from '../../kernel/errors'
import { updateAudited } from '../../kernel/audited'
import { chineseDate } from '../../common/dates'
import { OUTGOING_VOIDABLE } from '../../common/documents'
import { VOID_IS_FINAL } from '../../common/voiding'
import { requireVoider } from '../voiding'
import type { Reader } from '../../security/clearance'
import { outgoingDocuments } from '../schema'
import { getOutgoing, requireOutgoing, type OutgoingRow } from './service'

const what = (row: OutgoingRow) => row.numberText ?? `发文稿《${row.title}》`

/** What voiding this 发文 will stop, the last line saying it cannot be undone. */
export function outgoingVoidWarnings(row: OutgoingRow): string[] {
  return [
    row.numberText
      ? `发文字号${row.numberText}随本件作废，不再使用：下一件${row.series}文件仍按顺序编号，登记簿中本号显示为“已作废”。`
      : '本稿尚未编号，不占用发文字号；登记簿中本稿显示为“已作废”。',
    ...(row.signedOn ? [`${row.signerName ?? ''}于${chineseDate(row.signedOn)}的签发随之作废，本件不能再编号、复核或印发。`] : ['作废后不能再核稿、签发。']),
    ...(row.replyToId ? ['本件对所答复请示的批复关系随之失效，该请示不会显示“已批复”。'] : []),
    VOID_IS_FINAL,
  ]
}

export function outgoingVoidCheck(reader: Reader, id: number) {
  const row = requireOutgoing(reader, id)
  const voidable = OUTGOING_VOIDABLE.includes(row.status)
  return {
    voidable,
    reason: voidable ? null : row.status === '已作废' ? `${what(row)}已作废` : `${what(row)}已印发，不能作废：已发出的公文如需废止，应另行发文`,
    warnings: voidable ? outgoingVoidWarnings(row) : [],
  }
}

/** 作废: by the designated role, with a reason. */
export function voidOutgoing(ctx: ActionContext, input: { id: number; reason: string }) {
  requireVoider(ctx)
  const row = requireOutgoing(ctx, input.id)
  const check = outgoingVoidCheck(ctx, input.id)
  if (!check.voidable) throw new AppError('CONFLICT', check.reason!)
  updateAudited(ctx, outgoingDocuments, '发文', row.id, { status: '已作废', voidedOn: ctx.clock.today(), voidedBy: ctx.user?.displayName ?? null, voidReason: input.reason })
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

