import { z } from 'zod'
import { query } from '../kernel/procedure'
import { READERS } from '../common/roles'
import { todoListInput } from './contract'
import { myTodo, todoCounts } from './service'

export const todoProcedures = {
  'todo.list': query({
    summary: '我的待办：本角色待办理的各环节（按环节分组，含工作日期限和办理链接）',
    access: READERS,
    input: todoListInput,
    handler: (ctx, { group }) => myTodo(ctx, ctx.clock, group),
  }),
  'todo.counts': query({
    summary: '我的待办各类的件数（导航上的数字）',
    access: READERS,
    input: z.object({}),
    handler: (ctx) => todoCounts(ctx, ctx.clock),
  }),
}
