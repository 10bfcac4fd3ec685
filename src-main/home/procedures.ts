import { z } from 'zod'
import { query } from '../kernel/procedure'
import { today } from './service'
import { READERS } from '../common/roles'

export const homeProcedures = {
  'home.today': query({
    summary: '首页：今日概况',
    access: READERS,
    input: z.object({}),
    handler: ({ db, clock }) => today(db, clock),
  }),
}
