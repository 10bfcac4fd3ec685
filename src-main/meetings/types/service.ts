import type { ActionContext } from '../../kernel/procedure'
import { AppError } from '../../kernel/errors'
import { updateAudited } from '../../kernel/audited'
import { meetingTypeById } from '../context'
import { meetingTypeSchema, type MeetingType } from './config'
import { meetingTypes } from '../schema'

/** The kind stays (rules apply by kind); everything else a 科长 may change. */
export function saveMeetingType(ctx: ActionContext, input: { id: number; config: MeetingType }) {
  const before = meetingTypeById(ctx.db, input.id)
  if (before.kind !== input.config.kind) throw new AppError('VALIDATION', '「会议类别」不能修改：规则按类别适用，请修改名称和其他设置')
  const config = meetingTypeSchema.parse(input.config)
  return updateAudited(ctx, meetingTypes, '会议类别', input.id, { name: config.name, config: JSON.stringify(config) })
}
