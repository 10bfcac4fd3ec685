import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { rpcClient, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { loadDemoOffice } from '../helpers/demo-office'

const office = officeServer()
// admin: the demo office's 科长, who does the business work in these tests.
const { server, api: admin } = office
const sysadmin = office.signedIn('admin')
const auditor = office.signedIn('auditor')

const count = (table: string) => (server.core.conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
const finance = async () => (await loadDemoOffice(admin)).department('市财政局')

describe('signing in', () => {
  it('refuses every procedure but login to a caller without a session', async () => {
    const anon = rpcClient(server.url)
    for (const name of ['org.overview', 'org.savePerson', 'calendar.day', 'audit.list']) {
      const r = await anon.call(name, {})
      expect(r.status).toBe(401)
      expect(r.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' })
    }
  })

  it('refuses a wrong password in Chinese without saying which part was wrong', async () => {
    const r = await rpcClient(server.url).call('auth.login', { username: 'chayue', password: 'wrong-password1' })
    expect(r.status).toBe(401)
    expect(r.body.error?.message).toMatch(/^用户名或密码不正确/)
    const unknown = await rpcClient(server.url).call('auth.login', { username: 'nobody', password: 'wrong-password1' })
    expect(unknown.body.error?.message).toBe('用户名或密码不正确')
  })

  it('keeps a 文秘 out of the administrator\'s procedures', async () => {
    const created = await sysadmin.ok('users.create', { username: 'wenmi1', displayName: '许文杰', role: '文秘', password: 'Wenmi2026a' })
    const secadmin = rpcClient(server.url)
    await secadmin.login('secadmin')
    await secadmin.ok('users.setClearance', { id: created.id, clearance: '内部' })
    const clerk = rpcClient(server.url)
    expect((await clerk.login('wenmi1', 'Wenmi2026a')).mustChangePassword).toBe(true)
    const r = await clerk.call('users.list')
    expect(r.status).toBe(403)
    expect(r.body.error?.code).toBe('FORBIDDEN')
    expect(r.body.error?.message).toContain('文秘')
    expect((await clerk.call('org.overview')).status).toBe(200)
  })

  it('refuses a weak new password, naming the field', async () => {
    const r = await sysadmin.call('auth.changePassword', { oldPassword: 'Admin2026ok', newPassword: 'short' })
    expect(r.body.error).toMatchObject({ code: 'VALIDATION', field: 'newPassword' })
    expect(r.body.error?.message).toContain('「新密码」')
  })
})

describe('bad input never reaches the database', () => {
  it.each([
    ['an empty name', { name: '' }, 'name', '「姓名」不能为空'],
    ['a name of the wrong type', { name: 42 }, 'name', '「姓名」'],
    ['a mobile with letters', { name: '钱学明', mobile: 'abc' }, 'mobile', '「手机」只能包含数字'],
    ['a name far too long', { name: '名'.repeat(300) }, 'name', '「姓名」不能超过20个字'],
  ])('answers %s in Chinese naming the field and writes nothing', async (_what, input, field, message) => {
    const before = [count('people'), count('audit_log')]
    const r = await admin.call('org.savePerson', input)
    expect(r.status).toBe(400)
    expect(r.body.error?.code).toBe('VALIDATION')
    expect(r.body.error?.field).toBe(field)
    expect(r.body.error?.message).toContain(message)
    expect([count('people'), count('audit_log')]).toEqual(before)
  })

  it('refuses a date that does not exist', async () => {
    const r = await admin.call('calendar.day', { date: '2026-02-30' })
    expect(r.body.error).toMatchObject({ code: 'VALIDATION', field: 'date' })
    expect(r.body.error?.message).toBe('「日期」不是有效的日期')
  })

  it('rolls back the whole action when a rule fails half-way (R-P1: a second 市长)', async () => {
    const before = [count('people'), count('posts'), count('audit_log')]
    const dept = await finance()
    const r = await admin.call('org.addPersonToDepartment', { departmentId: dept.id, name: '冒名者', title: '市长', kind: '市长' })
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-P1' })
    expect([count('people'), count('posts'), count('audit_log')]).toEqual(before)
  })

  it('answers an unknown procedure with its own code', async () => {
    const r = await admin.call('org.dropEverything', {})
    expect(r.status).toBe(404)
    expect(r.body.error?.code).toBe('UNKNOWN_PROCEDURE')
  })

  it('answers a record that does not exist with NOT_FOUND', async () => {
    const r = await admin.call('org.deletePerson', { id: 999999 })
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND', message: '人员不存在或已被删除' })
  })

  it('turns a duplicate into a Chinese conflict, not a SQLite message', async () => {
    const r = await admin.call('org.saveDepartment', { name: '市财政局', kind: '市政府部门' })
    expect(r.status).toBe(409)
    expect(r.body.error?.message).toBe('已有相同的记录，不能重复添加')
  })
})

describe('the audit trail', () => {
  it('records who added a person to a department, when, through which procedure, and what was written', async () => {
    const dept = await finance()
    const { person } = await admin.ok('org.addPersonToDepartment', { departmentId: dept.id, name: '钱学明', title: '市财政局副局长', kind: '其他', mobile: '13900000001' })
    const { rows } = await auditor.ok('audit.list', { entity: '人员', entityId: String(person.id) })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ operator: '李科长', procedure: 'org.addPersonToDepartment', entity: '人员', kind: '新建' })
    expect(rows[0].items).toEqual(expect.arrayContaining([{ field: '姓名', before: null, after: '钱学明' }, { field: '手机', before: null, after: '13900000001' }]))
  })

  it('records an edit as the fields that changed, before and after', async () => {
    const p = await admin.ok('org.savePerson', { name: '审计甲', mobile: '13900000002' })
    await admin.ok('org.savePerson', { id: p.id, name: '审计甲', mobile: '13900000003' })
    const { rows } = await auditor.ok('audit.list', { entity: '人员', entityId: String(p.id) })
    expect(rows[0]).toMatchObject({ kind: '修改', items: [{ field: '手机', before: '13900000002', after: '13900000003' }] })
  })

  it('pages newest first by id', async () => {
    const first = await auditor.ok('audit.list', { limit: 2 })
    const second = await auditor.ok('audit.list', { limit: 2, beforeId: must(first.next, '审计日志的下一页') })
    expect(first.rows[0].id).toBeGreaterThan(first.rows[1].id)
    expect(second.rows[0].id).toBeLessThan(first.rows[1].id)
  })
})

describe('the HTTP transport', () => {
  it('refuses a mutation without an Origin header', async () => {
    const noOrigin = rpcClient(server.url, { origin: null })
    const r = await noOrigin.call('auth.login', { username: 'admin', password: 'Admin2026ok' })
    expect(r.status).toBe(403)
    expect(r.body.error?.message).toContain('跨站请求已拒绝')
  })

  it('refuses a mutation from another site even with a valid session', async () => {
    const evil = rpcClient(server.url, { origin: 'http://evil.example' })
    expect((await evil.call('org.savePerson', { name: '某人' })).status).toBe(403)
  })

  it('refuses a request naming a host it does not serve (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.url)
      const req = request({ host: url.hostname, port: url.port, path: '/health', headers: { host: 'attacker.example' } }, (res) => resolve(res.statusCode!))
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(421)
  })

  it('sends the strict Content-Security-Policy', async () => {
    const res = await fetch(`${server.url}/health`)
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'")
  })

  it('sets the session cookie HttpOnly and SameSite=Strict', async () => {
    const res = await fetch(`${server.url}/rpc/auth.login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'admin', password: 'Admin2026ok' }),
    })
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
  })

  it('publishes the contract as OpenAPI generated from the zod schemas, to signed-in users only', async () => {
    expect((await fetch(`${server.url}/rpc/openapi.json`)).status).toBe(401)
    const doc = await (await admin.get('/rpc/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    const save = doc.paths['/rpc/org.savePerson'].post
    expect(save.summary).toBe('新增或修改人员')
    expect(save['x-kind']).toBe('mutation')
    expect(save.requestBody.content['application/json'].schema.properties.name).toMatchObject({ type: 'string', maxLength: 20 })
  })

  it('answers malformed JSON with a Chinese validation error', async () => {
    const res = await fetch(`${server.url}/rpc/calendar.day`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: '{"date":' })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toBe('请求内容不是有效的 JSON')
  })
})

describe('the working-day calendar through the API (R-W2, X-6)', () => {
  it('answers 2027 by weekends (暂定) until it is entered, then from the imported notice', async () => {
    expect(await admin.ok('calendar.day', { date: '2027-10-09' })).toMatchObject({ working: false, type: '周末', provisional: true })
    await admin.ok('calendar.importYear', {
      year: 2027, source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
      text: '2027-10-01 至 2027-10-07 放假 国庆节\n2027-10-09 上班 国庆节',
    })
    expect(await admin.ok('calendar.day', { date: '2027-10-09' })).toMatchObject({ working: true, type: '调休上班' })
    expect(await admin.ok('calendar.day', { date: '2027-10-04' })).toMatchObject({ working: false, name: '国庆节' })
    expect((await admin.ok('calendar.years')).find((y) => y.year === 2027)?.source).toContain('测试用')
  })

  it('lets the administrator correct a single day', async () => {
    await admin.ok('calendar.correctDay', { date: '2027-10-08', kind: '放假', name: '国庆节' })
    expect(await admin.ok('calendar.day', { date: '2027-10-08' })).toMatchObject({ working: false, type: '法定节假日' })
    await admin.ok('calendar.correctDay', { date: '2027-10-08', kind: '平常' })
    expect(await admin.ok('calendar.day', { date: '2027-10-08' })).toMatchObject({ working: true, type: '工作日' })
  })
})
