import { z } from 'zod'
import { query, mutation } from '../../kernel/procedure'
import { id } from '../../kernel/fields'
import { listMeetingTypes } from '../context'
import { meetingTypeSchema } from './config'
import { saveMeetingType } from './service'
import { READERS, REVIEWERS } from '../../common/roles'

/** 会议类别: each type's members, 列席, cycle, topic deadline and minutes title and numbering. */
export const meetingTypeProcedures = {
  'meetingTypes.list': query({
    summary: '会议类别及其规则设置',
    access: READERS,
    input: z.object({}),
    handler: ({ db }) => listMeetingTypes(db),
  }),
  'meetingTypes.save': mutation({
    summary: '修改会议类别设置（组成人员、列席、周期、议题时限、纪要标题和编号）',
    access: REVIEWERS,
    input: z.object({ id: id('会议类别'), config: meetingTypeSchema }),
    handler: saveMeetingType,
  }),
}
