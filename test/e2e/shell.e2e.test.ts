import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, BUSINESS_USER, must, rpcClient, startTestServer, type TestServer } from '../helpers/server'
import { field, launchBrowser, screenshot, signIn, type Browser } from '../helpers/browser'

const BUSINESS_NAV = ['首页', '待办', '会议', '公文', '督办', '值班', '领导外出', '统计', '组织机构', '节假日']

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const nav = () => browser.page.getByRole('navigation', { name: '主导航' })
/** The navigation's entries as read, without the count beside 待办 (issue 17). */
const navLabels = async () => (await nav().getByRole('link').allInnerTexts()).map((t) => t.replace(/\s*\d+$/, ''))
/** Clicks a navigation entry and waits until the shell shows that page. */
const open = async (label: string) => {
  await nav().getByRole('link', { name: label, exact: true }).click()
  await browser.page.waitForFunction((title) => document.title === title, `${label} - 三办`)
}

describe('the application shell', () => {
  it('shows the login screen with the hint about the first administrator password', async () => {
    const { page } = browser
    await page.goto(`${server.url}/`)
    await expect.poll(() => page.getByRole('button', { name: '登录', exact: true }).isVisible()).toBe(true)
    expect(await page.getByText('初始账户密码.txt', { exact: false }).isVisible()).toBe(true)
    await screenshot(page, 'login')
  })

  it('refuses a wrong password with the server’s Chinese message', async () => {
    const { page } = browser
    await signIn(page, server.url, 'admin', 'wrong-password-1')
    await page.getByText('用户名或密码不正确').waitFor()
  })

  it('signs the 科长 in and shows the office\'s work and its business settings, in order', async () => {
    const { page } = browser
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await nav().waitFor()
    // The 科长 also has 导入 (issue 18: 设置—导入人员, 科长 by default), shown once the settings have come.
    await expect.poll(navLabels).toEqual([...BUSINESS_NAV, '导入', '设置'])
    await page.getByText('资阳市人民政府办公室').first().waitFor()
    expect(await page.getByRole('banner').innerText()).toContain('李科长（科长）')
    await screenshot(page, 'shell-home')
  })

  it('marks 2026年10月1日 as 国庆节 and 10月10日 as 调休上班 on the 节假日 page', async () => {
    const { page } = browser
    await open('节假日')
    await page.getByRole('combobox', { name: '年份' }).click()
    await page.getByRole('option', { name: '2026年', exact: true }).click()
    const oct1 = page.locator('[data-date="2026-10-01"]')
    await oct1.waitFor()
    expect(await oct1.getAttribute('data-daytype')).toBe('法定节假日')
    expect(await oct1.getAttribute('title')).toBe('2026年10月1日 星期四，法定节假日（国庆节）')
    const oct10 = page.locator('[data-date="2026-10-10"]')
    expect(await oct10.getAttribute('data-daytype')).toBe('调休上班')
    expect(await oct10.innerText()).toContain('班')
    expect(await page.getByText('国务院办公厅关于2026年部分节假日安排的通知', { exact: false }).first().isVisible()).toBe(true)
    await screenshot(page, 'calendar-2026')
  })

  it('lets the 科长 make 2026年10月9日 a holiday by clicking it', async () => {
    const { page } = browser
    await page.locator('[data-date="2026-10-09"]').click()
    const dialog = page.getByRole('dialog', { name: '更正日期安排' })
    await dialog.getByText('放假（法定节假日）').click()
    await field(page, '节日名称').fill('国庆节')
    await screenshot(page, 'calendar-correct-day')
    await dialog.getByRole('button', { name: '保存更正' }).click()
    await page.getByText('已更正2026年10月9日的安排（原为工作日）。').waitFor()
    await expect.poll(() => page.locator('[data-date="2026-10-09"]').getAttribute('data-daytype')).toBe('法定节假日')
  })

  it('says plainly when a year’s holidays are not entered and offers the import form', async () => {
    const { page } = browser
    await page.getByRole('button', { name: '下一年' }).click()
    await page.getByText('该年的节假日安排尚未录入').waitFor()
    await screenshot(page, 'calendar-2027-not-entered')
  })

  it('imports the 2027 arrangement typed from the notice', async () => {
    const { page } = browser
    await field(page, '来源通知').fill('国务院办公厅关于2027年部分节假日安排的通知')
    await field(page, '通知全文').fill('2027-01-01 放假 元旦\n2027-10-01 至 2027-10-07 放假 国庆节\n2027-09-26 上班 国庆节')
    await page.getByRole('button', { name: '读取并核对' }).click()
    await page.getByText('读到2027年的安排：放假8天，调休上班1天。').waitFor()
    await page.getByRole('button', { name: '确认录入2027年的安排' }).click()
    await page.getByText('已录入2027年的节假日安排。').waitFor()
    await expect.poll(() => page.locator('[data-date="2027-10-07"]').getAttribute('data-daytype')).toBe('法定节假日')
    expect(await page.locator('[data-date="2027-09-26"]').getAttribute('data-daytype')).toBe('调休上班')
    expect(await page.getByRole('combobox', { name: '年份' }).inputValue()).toBe('2027年')
  })

  it('shows the 科长 the business settings and the demo data card, and removes the demo data after asking first', async () => {
    const { page } = browser
    await open('设置')
    await page.getByRole('button', { name: '删除演示数据' }).waitFor()
    expect(await page.getByText('会议类别').first().isVisible()).toBe(true)
    expect(await page.getByText('账户管理').count()).toBe(0)
    await screenshot(page, 'settings-business')
    for (const [label, file] of [['领导外出', 'absences'], ['组织机构', 'org']] as const) {
      await open(label)
      await screenshot(page, file)
    }
    await open('设置')
    await page.getByRole('button', { name: '删除演示数据' }).click()
    await page.getByRole('dialog', { name: '删除演示数据' }).waitFor()
    await screenshot(page, 'settings-remove-demo')
    await page.getByRole('button', { name: '确认删除' }).click()
    await page.getByText(/^演示数据已删除：人员\d+人/).waitFor()
  })

  it('shows the 系统管理员 only the names, the accounts and the backups (X-5)', async () => {
    const { page } = browser
    await page.getByRole('button', { name: '退出' }).click()
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD)
    await nav().waitFor()
    expect(await nav().getByRole('link').allInnerTexts()).toEqual(['设置', '备份与恢复'])
    await page.getByRole('row').filter({ hasText: 'secadmin' }).waitFor()
    expect(await field(page, '办公室名称').inputValue()).toBe('资阳市人民政府办公室')
    expect(await page.getByRole('button', { name: '删除演示数据' }).count()).toBe(0)
    await page.getByRole('button', { name: '新建账户' }).click()
    const dialog = page.getByRole('dialog', { name: '新建账户' })
    await field(page, '用户名').fill('zhangmin')
    await field(page, '姓名').fill('张敏')
    await field(page, '初始密码').fill('Chushi2026')
    await screenshot(page, 'settings-new-user')
    await dialog.getByRole('button', { name: '新建' }).click()
    await page.getByText('已新建账户“张敏”（zhangmin）', { exact: false }).waitFor()
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'zhangmin' }).innerText()).toContain('待审核密级')
    await screenshot(page, 'settings')
    await page.goto(`${server.url}/#/meetings`)
    await page.getByText('当前账户（系统管理员）不能使用“会议”。').waitFor()
  })

  it('lets the 安全保密管理员 approve the new account with a clearance', async () => {
    const { page } = browser
    await page.getByRole('button', { name: '退出' }).click()
    await signIn(page, server.url, 'secadmin', ADMIN_PASSWORD)
    await nav().waitFor()
    expect(await nav().getByRole('link').allInnerTexts()).toEqual(['安全保密'])
    await page.getByRole('row').filter({ hasText: 'zhangmin' }).getByRole('button', { name: '审核密级' }).click()
    await page.getByRole('dialog', { name: '设置人员密级' }).waitFor()
    await page.getByRole('dialog', { name: '设置人员密级' }).getByRole('combobox', { name: '密级' }).click()
    await page.getByRole('option', { name: '秘密' }).click()
    await page.getByRole('button', { name: '审核通过' }).click()
    await page.getByText('已将“张敏”的密级设为秘密，该账户现在可以登录。').waitFor()
    await screenshot(page, 'security')
  })

  it('shows the 安全审计员 the creation and the approval of the account in the 审计日志', async () => {
    const { page } = browser
    await page.getByRole('button', { name: '退出' }).click()
    await signIn(page, server.url, 'auditor', ADMIN_PASSWORD)
    await nav().waitFor()
    expect(await nav().getByRole('link').allInnerTexts()).toEqual(['审计日志'])
    const created = page.getByRole('row').filter({ hasText: '新建账户' }).first()
    await created.waitFor()
    expect(await created.innerText()).toContain('系统管理员')
    expect(await page.getByRole('row').filter({ hasText: '设置密级并审核账户' }).first().innerText()).toContain('安全保密管理员')
    await screenshot(page, 'audit')
  })

  it('filters the 审计日志 by 业务 and pages through it with 加载更多', async () => {
    const { page } = browser
    const api = rpcClient(server.url)
    for (let i = 0; i < 55; i++) await api.login()
    await page.reload()
    await page.getByRole('row').filter({ hasText: '登录' }).first().waitFor()
    const rows = () => page.getByRole('table', { name: '审计日志' }).locator('tbody tr')
    expect(await rows().count()).toBe(50)
    await page.getByRole('button', { name: '加载更多' }).click()
    await expect.poll(() => rows().count()).toBeGreaterThan(50)
    await page.getByRole('combobox', { name: '业务' }).click()
    await page.getByRole('option', { name: '节假日' }).click()
    await expect.poll(() => rows().count()).toBe(2)
    expect(await rows().allInnerTexts()).toEqual([expect.stringContaining('录入节假日安排'), expect.stringContaining('更正某日安排')])
  })

  it('makes a new 文秘 change the initial password before anything else, then shows only the office\'s work', async () => {
    const { page } = browser
    await page.getByRole('button', { name: '退出' }).click()
    await signIn(page, server.url, 'zhangmin', 'Chushi2026')
    await page.getByText('请先修改密码').waitFor()
    expect(await nav().count()).toBe(0)
    await screenshot(page, 'change-password')
    await field(page, '原密码').fill('Chushi2026')
    await field(page, '新密码').fill('Zhangmin2026')
    await field(page, '再次输入新密码').fill('Zhangmin2026')
    await page.getByRole('button', { name: '修改并进入系统' }).click()
    await nav().waitFor()
    expect(await navLabels()).toEqual(BUSINESS_NAV)
    expect(await page.getByRole('banner').innerText()).toContain('张敏（文秘）')
    await page.goto(`${server.url}/#/audit`)
    await page.getByText('当前账户（文秘）不能使用“审计日志”。').waitFor()
    // 导入 is the 科长's unless the office designates 文秘 too (设置—导入人员).
    await page.goto(`${server.url}/#/imports`)
    await page.getByText('当前账户（文秘）不能使用“导入”。').waitFor()
    expect(await navLabels()).toEqual(BUSINESS_NAV)
  })

  it('shows a 查阅 account the holidays without the means to change them', async () => {
    const { page } = browser
    await page.getByRole('button', { name: '退出' }).click()
    await signIn(page, server.url, 'chayue', ADMIN_PASSWORD)
    await open('节假日')
    await page.locator('[data-date="2026-10-01"]').waitFor()
    expect(await page.getByText('如发现安排与通知不符，请联系文秘或科长更正。').isVisible()).toBe(true)
    await screenshot(page, 'calendar-chayue')
  })

  it('sends a user whose session was ended back to the login screen, saying why', async () => {
    const { page } = browser
    const api = rpcClient(server.url)
    await api.login('admin')
    const chayue = must((await api.ok('users.list')).find((u) => u.username === 'chayue'), '账号 chayue')
    await api.ok('users.resetPassword', { id: chayue.id, password: 'Chongzhi2026' })
    await nav().getByRole('link', { name: '首页', exact: true }).click()
    await page.getByText('登录已失效').waitFor()
    expect(await page.getByRole('button', { name: '登录', exact: true }).isVisible()).toBe(true)
    await screenshot(page, 'login-session-ended')
  })
  it('covers the screen after the set minutes without input and asks for the password again', async () => {
    const { page } = browser
    await page.clock.install()
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await nav().waitFor()
    await page.clock.fastForward('10:05')
    const lock = page.getByRole('dialog', { name: '屏幕已锁定' })
    await lock.waitFor()
    await screenshot(page, 'screen-locked')
    await field(page, '密码').fill('wrong-password-1')
    await lock.getByRole('button', { name: '解锁' }).click()
    await lock.getByText(/^用户名或密码不正确/).waitFor()
    await field(page, '密码').fill(ADMIN_PASSWORD)
    await lock.getByRole('button', { name: '解锁' }).click()
    await lock.waitFor({ state: 'detached' })
    expect(await nav().getByRole('link').count()).toBe(BUSINESS_NAV.length + 2)
  })
})
