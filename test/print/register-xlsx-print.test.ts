/**
 * The 收文登记簿 exported to Excel and printed as LibreOffice Calc prints it (issue 16): dates print as dates
 * (2026-11-06, not a serial number or text), the title only on the first page, the column headings at the top of
 * every page (print titles), every column on the page (one page wide) and no wrapped title printed over the next
 * line. The pictures are in test-results/print/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, type RpcClient, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { hasLibreOffice, renderXlsx, type Rendered } from '../helpers/render'

const OUT = 'test-results/print'
/** Enough to need more than one printed page (landscape, one page wide). */
const DOCUMENTS = 70

let server: TestServer
let api: RpcClient
const demo = demoOffice()
let printed: Rendered

beforeAll(async () => {
  server = await startTestServer()
  api = rpcClient(server.url)
  await api.login()
  await demo.load(api)
  await api.ok('system.setClock', { at: '2026-11-30T17:00:00+08:00' })
  for (let i = 1; i <= DOCUMENTS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0')
    await api.ok('incoming.receive', {
      receivedAt: `2026-11-${day} 09:${String(i % 60).padStart(2, '0')}`, sender: '市住房和城乡建设局', senderDepartmentId: demo.deptId('市住房和城乡建设局'),
      senderNumber: `资住建〔2026〕${i}号`, title: `关于城区第${i}批老旧小区改造项目资金安排和施工组织方案的请示`, docType: '请示',
      classification: '无', secrecyPeriod: null, arrival: '机要交通', files: [],
    })
  }
  expect(hasLibreOffice(), 'LibreOffice（含 Calc）和 poppler 用于打印 Excel').toBe(true)
  const file = await api.ok('registers.exportIncomingXlsx', { year: 2026, sender: '市住房和城乡建设局', docType: '请示' })
  printed = renderXlsx(Buffer.from(file.base64, 'base64'), OUT, 'register-incoming-xlsx')
}, 120_000)
afterAll(async () => { await server.stop() })

describe('收文登记簿 Excel 打印', () => {
  const pages = () => printed.text.split('\f').filter((p) => p.trim())

  it('prints on several pages with the column headings at the top of each, the title on the first only', () => {
    expect(pages().length).toBeGreaterThanOrEqual(2)
    for (const page of pages()) {
      const firstLines = page.trim().split('\n').slice(0, 4).join(' ')
      expect(firstLines).toMatch(/收文号\s+收文日期\s+来文机关/)
    }
    expect(pages()[0]).toContain('收文登记簿（2026年）')
    expect(pages().slice(1).join('')).not.toContain('收文登记簿（2026年）')
  })

  it('prints the dates as dates and every column on the page, each document on its own lines', () => {
    const all = pages().join('\n')
    expect(all).toMatch(/2026-11-\d\d/)
    // The last column (办结日期) is on the page: one page wide.
    expect(pages()[0]).toContain('办结日期')
    for (let i = 1; i <= DOCUMENTS; i++) expect(all).toContain(`资住建〔2026〕${i}号`)
  })
})
