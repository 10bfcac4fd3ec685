import type { ProcedureName } from '../../api/client'

/**
 * The Chinese names the audit page shows. Procedure names are checked against the contract,
 * so a renamed procedure fails the type check here; one missing from the map shows by its name.
 */
export const PROCEDURE_LABELS: Partial<Record<ProcedureName, string>> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改自己的密码',
  'users.create': '新建账户',
  'users.update': '修改账户',
  'users.resetPassword': '重置账户密码',
  'settings.update': '修改系统设置',
  'calendar.importYear': '录入节假日安排',
  'calendar.correctDay': '更正某日安排',
  'calendar.deleteYear': '删除节假日安排',
  'org.savePerson': '新增或修改人员',
  'org.deletePerson': '删除人员',
  'org.addPersonToDepartment': '在单位中添加人员',
  'org.saveDepartment': '新增或修改单位',
  'org.deleteDepartment': '删除单位',
  'org.savePost': '新增或修改岗位',
  'org.deletePost': '删除岗位',
  'org.setPortfolio': '设置分管领域和单位',
  'org.saveAbPair': '设置AB角',
  'org.deleteAbPair': '解除AB角',
  'org.removeDemo': '删除演示数据',
  'org.loadDemo': '载入演示数据',
  'absences.save': '登记或修改领导外出',
  'absences.delete': '删除领导外出记录',
}

export const procedureLabel = (name: string) => PROCEDURE_LABELS[name as ProcedureName] ?? name

/** The prefixes the log can be filtered by (the part of `domain.verb` before the dot). */
export const DOMAINS = [
  { value: 'auth', label: '登录与密码' },
  { value: 'users', label: '账户' },
  { value: 'settings', label: '系统设置' },
  { value: 'org', label: '组织机构' },
  { value: 'absences', label: '领导外出' },
  { value: 'calendar', label: '节假日' },
]

/** Record kinds as the services name them. */
export const ENTITIES = ['账户', '系统设置', '节假日安排', '人员', '单位', '岗位', 'AB角', '领导外出', '演示数据']

/** Field names of stored records (camelCase columns) in the office's words; Chinese keys pass through. */
const FIELD_LABELS: Record<string, string> = {
  id: '编号', username: '用户名', displayName: '姓名', role: '角色', disabled: '停用', mustChangePassword: '须修改密码',
  createdAt: '创建时间', lastLoginAt: '最近登录', cityName: '城市名称', governmentName: '政府名称', officeName: '办公室名称',
  sessionIdleMinutes: '无操作自动退出（分钟）', year: '年份', source: '来源通知', importedAt: '录入时间', date: '日期', kind: '类别',
  name: '名称', officePhone: '办公电话', mobile: '手机', note: '备注', isDemo: '演示数据', supervisorPostId: '分管领导岗位',
  phone: '电话', sortOrder: '排序', title: '岗位名称', departmentId: '所在单位', holderId: '任职人员', isExecutive: '负责常务工作',
  portfolio: '分管领域', postAId: 'A角岗位', postBId: 'B角岗位', personId: '人员', startDate: '开始日期', endDate: '结束日期',
  destination: '去向', reason: '事由', actingPersonId: '代行人', approval: '审批', approvedById: '批准人', approvedOn: '批准日期',
}

export const fieldLabel = (key: string) => FIELD_LABELS[key] ?? key
