import { describe, expect, it } from 'vitest'
import { procedures } from '../../src-main/rpc/procedures'
import { takesDataOut } from '../../src-main/audit/exports'
import { PROCEDURE_LABELS } from '../../src-main/audit/labels'
import { rpcClient, type InputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'

const { server, api: auditor } = officeServer({ as: 'auditor' })

const rowsOf = async (filter: InputOf<'audit.list'>) => (await auditor.ok('audit.list', filter)).rows

describe('who reads the audit trail (X-5)', () => {
  it('lets only the 安全审计员 read and verify it: 系统管理员, 安全保密管理员 and business users are refused', async () => {
    for (const username of ['admin', 'secadmin', 'kezhang', 'wenmi', 'chayue']) {
      const c = rpcClient(server.url)
      await c.login(username)
      for (const name of ['audit.list', 'audit.verify']) {
        const r = await c.call(name, {})
        expect([username, name, r.status, r.body.error?.code]).toEqual([username, name, 403, 'FORBIDDEN'])
      }
    }
    expect((await auditor.ok('audit.verify', {})).ok).toBe(true)
    expect((await rpcClient(server.url).call('audit.verify', {})).status).toBe(401)
  })
})

describe('what the audit trail records', () => {
  it('records a failed sign-in with the name tried and why it failed, and the chain stays whole', async () => {
    const r = await rpcClient(server.url).call('auth.login', { username: 'wenmi', password: 'wrong-password' })
    expect(r.status).toBe(401)
    const [row] = await rowsOf({ entity: '登录', entityId: 'wenmi' })
    expect(row).toMatchObject({ procedure: 'auth.login', action: '登录', operator: '（未登录）', record: '登录（用户名 wenmi）' })
    expect(row.items).toContainEqual({ field: '结果', before: null, after: expect.stringContaining('失败') })
    expect(row.items).toContainEqual({ field: '来源地址', before: null, after: '127.0.0.1' })
    const report = await auditor.ok('audit.verify', {})
    expect(report).toMatchObject({ ok: true, brokenAt: null })
    expect(report.message).toMatch(/^审计日志完整：已校验 \d+ 条记录/)
  })

  it('records an export with who took it and what was asked for, and nothing for an export that failed', async () => {
    const clerk = rpcClient(server.url)
    await clerk.login()
    const file = await clerk.ok('registers.exportIncomingXlsx', { year: 2026, overdueOnly: true })
    expect(file.filename).toContain('收文登记簿')
    expect((await clerk.call('meetings.exportAgendaDocx', { id: 9999 })).body.error?.code).toBe('NOT_FOUND')
    const rows = await rowsOf({ entity: '导出' })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ procedure: 'registers.exportIncomingXlsx', action: '导出收文登记簿（Excel）', operator: '李科长', record: '导出' })
    expect(rows[0].items).toEqual([
      { field: '年度', before: null, after: '2026' }, { field: '只看逾期', before: null, after: '是' }, { field: '来源地址', before: null, after: '127.0.0.1' },
    ])
  })

  it('pages to the end: handing back the last page\'s next (null) answers the first page again instead of an error', async () => {
    const first = await auditor.ok('audit.list', { limit: 2 })
    expect(first.rows).toHaveLength(2)
    const again = await auditor.call('audit.list', { limit: 2, beforeId: null })
    expect(again.status).toBe(200)
    expect(again.body.result?.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id))
  })

  it('counts the records it checked, so the report grows with every audited action', async () => {
    const before = (await auditor.ok('audit.verify', {})).checked
    const clerk = rpcClient(server.url)
    await clerk.login()
    expect(await auditor.ok('audit.verify', {})).toMatchObject({ ok: true, checked: before + 1 })
  })

  it('names every procedure that writes audit records on the 审计日志 page (labels.ts)', () => {
    const audited = Object.entries(procedures).filter(([name, p]) => p.kind === 'mutation' || takesDataOut(name)).map(([name]) => name)
    expect(audited.filter((name) => !(name in PROCEDURE_LABELS))).toEqual([])
  })
})
