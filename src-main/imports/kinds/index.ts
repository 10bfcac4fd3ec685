import type { ImportableKind, ImportKind } from '../../common/imports'
import { AppError } from '../../kernel/errors'
import type { ImportKindDef } from './kind'
import { incomingKind } from './incoming'
import { outgoingKind } from './outgoing'
import { proposalKind } from './proposals'
import { followUpKind } from './followups'
import { orgKind } from './org'

/** The kinds this build can import; the page offers these. */
// `any`: each kind has its own record type; service.ts treats them alike through ImportKindDef.
export const KINDS: Record<ImportableKind, ImportKindDef<any>> = {
  收文登记簿: incomingKind,
  发文登记簿: outgoingKind,
  建议提案: proposalKind,
  督办事项: followUpKind,
  组织机构: orgKind,
}

export function kindDef(kind: ImportKind): ImportKindDef<Record<string, unknown>> {
  const def = (KINDS as Partial<Record<ImportKind, ImportKindDef<Record<string, unknown>>>>)[kind]
  if (!def) throw new AppError('VALIDATION', `暂不支持导入「${kind}」`)
  return def
}
