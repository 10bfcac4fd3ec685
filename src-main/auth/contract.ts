/** Accounts' inputs, defined once (X-5): the procedures check calls against them, the services take their output types. */
import { z } from 'zod'
import { id, text } from '../kernel/fields'
import { ROLES } from '../common/roles'
import { CLEARANCES } from '../common/classification'

const username = z.string().describe('用户名').trim().regex(/^[A-Za-z0-9_.-]{2,32}$/, '应为2至32位字母、数字、下划线、点或减号')
const password = (label: string) => z.string().describe(label).min(1, '不能为空').max(128, '过长')

export const loginInput = z.object({ username, password: password('密码') })
export type LoginInput = z.output<typeof loginInput>

export const passwordChangeInput = z.object({ oldPassword: password('原密码'), newPassword: password('新密码') })
export type PasswordChangeInput = z.output<typeof passwordChangeInput>

/** A new business account; it cannot sign in until the 安全保密管理员 sets its clearance. */
export const newUserInput = z.object({ username, displayName: text('姓名', 20), role: z.enum(ROLES).describe('角色'), password: password('初始密码') })
export type NewUserInput = z.output<typeof newUserInput>

export const userUpdateInput = z.object({ id: id('账户'), displayName: text('姓名', 20).optional(), role: z.enum(ROLES).describe('角色').optional(), disabled: z.boolean().describe('停用').optional() })
export type UserUpdateInput = z.output<typeof userUpdateInput>

export const passwordResetInput = z.object({ id: id('账户'), password: password('新密码') })
export type PasswordResetInput = z.output<typeof passwordResetInput>

export const clearanceInput = z.object({ id: id('账户'), clearance: z.enum(CLEARANCES).describe('密级') })
export type ClearanceInput = z.output<typeof clearanceInput>
