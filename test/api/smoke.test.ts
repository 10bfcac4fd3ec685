import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server.stop() })

describe('smoke', () => {
  it('logs in and reads a day', async () => {
    const api = rpcClient(server.url)
    await api.login()
    expect(await api.ok('calendar.day', { date: '2026-10-10' })).toMatchObject({ working: true, type: '调休上班' })
  })
})
