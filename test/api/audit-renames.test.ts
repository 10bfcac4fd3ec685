import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, type TestServer } from '../helpers/server'
import { writeAudit } from '../../src-main/audit/trail'
import { AuditTrail } from '../../src-main/kernel/audit-trail'
import { RENAMED_PROCEDURES } from '../../src-main/common/audit-domains'
import { procedureLabel } from '../../src-main/audit/labels'

/*
 * Issue 13 renamed the 办文 procedures (documents.register → incoming.receive …). The audit log is never rewritten
 * so records written before keep their old names: the 安全审计员 still finds them under 公文 and reads them
 * in the same words as today's.
 */
let server: TestServer
let auditor: ReturnType<typeof rpcClient>
beforeAll(async () => {
  server = await startTestServer()
  const { sqlite, db } = server.core.conn
  const trail = new AuditTrail()
  trail.record({ entity: '收文', id: 1, after: { 标题: '关于防汛工作的请示' } })
  sqlite.transaction(() => writeAudit(db, new Date('2026-11-02T01:00:00Z'), null, 'documents.register', trail)).immediate()
  const clerk = rpcClient(server.url)
  await clerk.login()
  await clerk.ok('outgoing.draft', { docType: '通知', signKind: '一般', series: '资府发', title: '关于做好冬季防火工作的通知', body: '各县（区）人民政府：……' })
  auditor = rpcClient(server.url)
  await auditor.login('auditor')
})
afterAll(async () => { await server.stop() })

describe('audit records from before the 办文 procedures were renamed (X-5)', () => {
  it('are found under 公文 together with today\'s records', async () => {
    const { rows } = await auditor.ok('audit.list', { domain: 'documents' })
    const names = rows.map((r: { procedure: string }) => r.procedure)
    expect(names).toContain('documents.register')
    expect(names).toContain('outgoing.draft')
    expect(names.every((n: string) => /^(incoming|outgoing|registers|proposals|documents)\./.test(n))).toBe(true)
  })

  it('read in the same words as the procedure they became', () => {
    expect(procedureLabel('documents.register')).toBe('签收登记收文')
    expect(procedureLabel('documents.register')).toBe(procedureLabel('incoming.receive'))
    for (const [old, now] of Object.entries(RENAMED_PROCEDURES)) {
      expect(server.core.router.procedures[now], `${old} → ${now}`).toBeDefined()
      expect(server.core.router.procedures[old], old).toBeUndefined()
    }
  })
})
