import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { id } from '../kernel/fields'
import { ADMINISTRATORS, SECURITY_ADMIN, SYSTEM_ADMIN } from '../common/roles'
import { changeOwnPassword, confirmAccount, createUser, listUsers, resetPassword, setClearance, unlockUser, updateUser } from './service'
import { login } from './signin'
import { clearanceInput, loginInput, newUserInput, passwordChangeInput, passwordResetInput, userUpdateInput } from './contract'

export const authProcedures = {
  'auth.login': mutation({
    summary: '登录',
    access: 'public',
    input: loginInput,
    handler: login,
  }),
  'auth.logout': mutation({
    summary: '退出登录',
    access: 'public',
    input: z.object({}),
    handler: ({ session }) => { session.signOut(); return null },
  }),
  'auth.me': query({
    summary: '当前登录的账户',
    access: 'public',
    input: z.object({}),
    handler: ({ user }) => user,
  }),
  'auth.changePassword': mutation({
    summary: '修改自己的密码',
    access: 'signedIn',
    input: passwordChangeInput,
    handler: (ctx, input) => { changeOwnPassword(ctx, input); return null },
  }),
  'users.list': query({
    summary: '账户列表',
    access: ADMINISTRATORS,
    input: z.object({}),
    handler: ({ db }) => listUsers(db),
  }),
  'users.create': mutation({
    summary: '新建账户',
    access: SYSTEM_ADMIN,
    input: newUserInput,
    handler: createUser,
  }),
  'users.update': mutation({
    summary: '修改账户',
    access: SYSTEM_ADMIN,
    input: userUpdateInput,
    handler: updateUser,
  }),
  'users.resetPassword': mutation({
    summary: '重置账户密码（须经安全保密管理员确认后才能登录）',
    access: SYSTEM_ADMIN,
    input: passwordResetInput,
    handler: (ctx, input) => { resetPassword(ctx, input); return null },
  }),
  'users.setClearance': mutation({
    summary: '设置人员密级（并审核新账户）',
    access: SECURITY_ADMIN,
    input: clearanceInput,
    handler: setClearance,
  }),
  'users.confirm': mutation({
    summary: '确认账户（新建或重置密码后须经确认才能登录）',
    access: SECURITY_ADMIN,
    input: z.object({ id: id('账户') }),
    handler: confirmAccount,
  }),
  'users.unlock': mutation({
    summary: '解除账户锁定',
    access: SECURITY_ADMIN,
    input: z.object({ id: id('账户') }),
    handler: unlockUser,
  }),
}
