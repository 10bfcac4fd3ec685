/**
 * 导入 in Chromium (issue 18): the 科长 brings last year's 收文登记簿 in from the office's own .xlsx — upload, the
 * mapping proposed by the column names and one column chosen by hand, 试导入 listing the rows that cannot come in,
 * 确认导入, its write shown under way while another connection holds the lock — and finds the imported documents in the 收文登记簿. Screenshots in test-results/screenshots/ are looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { openAppSession, openNav, screenshot, signInAs, setServerClock, type AppSession } from '../helpers/browser'
import { rpcClient } from '../helpers/server'
import { xlsxOf } from '../helpers/import-files'

// Needs the built renderer: run `npx electron-vite build` first.
const NOW = '2026-11-10T10:00:00+08:00'
let s: AppSession

beforeAll(async () => {
  s = await openAppSession(NOW)
  await setServerClock(s.server.url, NOW)
  await s.page.setViewportSize({ width: 1366, height: 1000 })
}, 60_000)
afterAll(async () => { await s?.close() })

/** The column chosen for an item of the mapping (its combobox; the option list carries the same label). */
const columnFor = (item: string) => s.page.getByRole('combobox', { name: `「${item}」对应的列` })
const section = (title: string) => s.page.locator('.mantine-Paper-root').filter({ has: s.page.getByRole('heading', { name: title, exact: true }) })

describe('导入收文登记簿', () => {
  it('上传 → 核对列的对应（改一列）→ 试导入列出不能导入的行 → 确认导入，登记簿里查得到', async () => {
    const { page } = s
    const file = await xlsxOf([
      ['收文编号', '收文日期', '来文单位', '文件标题', '文种', '密级', '处理结果', '经办人'],
      ['收〔2025〕101号', '2025-3-7', '市财政局', '关于下达2025年第一批专项资金的通知', '通知', '', '已办结', '王芳'],
      ['收〔2025〕102号', '2025年3月9日', '市水利局', '关于春季水利工程建设情况的报告', '报告', '秘密★1年', '已办结', '王芳'],
      ['收〔2025〕103号', '2025-2-30', '市民政局', '关于养老服务补贴的请示', '请示', '', '已办结', '王芳'],
      ['收〔2025〕104号', '2025-3-12', '省国家保密局', '关于某事项的通知', '通知', '绝密', '已办结', '王芳'],
    ])
    await signInAs(page, s.server.url, 'kezhang')
    await openNav(page, '导入')
    await page.locator('input[type=file]').setInputFiles({ name: '2025年收文登记簿.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
    const mapping = section('2. 核对列的对应')
    await expect.poll(() => mapping.isVisible()).toBe(true)
    await expect.poll(() => mapping.getByText('共4行', { exact: false }).isVisible()).toBe(true)
    await expect.poll(() => columnFor('收文号').inputValue()).toBe('收文编号')
    await expect.poll(() => columnFor('标题').inputValue()).toBe('文件标题')
    // 处理结果 is not one of the names for 办理情况: the user chooses it.
    expect(await columnFor('办理情况').inputValue()).toBe('')
    await columnFor('办理情况').click()
    await page.getByRole('option', { name: '处理结果', exact: true }).click()
    await screenshot(page, 'imports-1-mapping')

    await page.getByRole('button', { name: '试导入', exact: true }).click()
    const refused = page.getByRole('table', { name: '不能导入的行' })
    await expect.poll(() => refused.locator('tbody tr').count()).toBe(2)
    expect(await refused.locator('tbody tr').allInnerTexts()).toEqual([
      '第4行\t签收日期\t“2025年2月30日”不是有效的日期',
      '第5行\t密级\t绝密文件不得录入本系统',
    ])
    await expect.poll(() => page.getByLabel('检查结果').innerText()).toContain('将新增 2 条')
    await screenshot(page, 'imports-2-dry-run')

    // Another connection holds the write lock for a moment, as a colleague's long write would: the page shows the
    // write under way in the server's background, then the result once the lock is let go.
    const holder = new Database(s.server.core.conn.sqlite.name)
    holder.exec('BEGIN IMMEDIATE')
    try {
      await page.getByRole('button', { name: '确认导入（新增2条，更新0条）' }).click()
      const writing = page.getByLabel('写入进度')
      await expect.poll(() => writing.innerText()).toContain('在服务器后台进行，其他人可照常查阅')
      await screenshot(page, 'imports-3-writing', { underWay: true })
    } finally {
      holder.exec('COMMIT')
      holder.close()
    }
    await expect.poll(() => page.getByRole('status').filter({ hasText: '导入完成' }).isVisible()).toBe(true)
    expect(await page.getByRole('status').filter({ hasText: '导入完成' }).innerText()).toContain('已新增 2 条')
    await screenshot(page, 'imports-4-done')
    await page.getByRole('button', { name: '查看收文登记簿' }).click()
    await expect.poll(() => page.url()).toContain('#/documents/incoming')

    const api = rpcClient(s.server.url)
    await api.login()
    const page2025 = await api.ok('registers.incoming', { year: 2025 })
    expect(page2025.rows.map((r) => [r.title, r.status]).sort()).toEqual([['关于下达2025年第一批专项资金的通知', '已办结'], ['关于春季水利工程建设情况的报告', '已办结']])
  }, 60_000)
})
