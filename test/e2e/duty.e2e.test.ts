import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, must, rpcClient, type TestServer } from '../helpers/server'
import { dialogNamed, downloadFrom, openAppSession, openNav, screenshot, setServerClock as setServerClockOf, signIn, type AppSession } from '../helpers/browser'
import { unzipPart } from '../helpers/zip'

// Needs the built renderer: run `npx electron-vite build` first.
// The browser's clock is fixed at 20 November 2026, so 生成排班 offers 2026年12月 and the log's
// default search period covers the entry written; the server's clock starts there too (a swap touches only shifts
// not yet past, in the server's office time) and is moved for 首页 and for a swap once December has begun.

let app: AppSession
let server: TestServer
let page: Page

beforeAll(async () => {
  app = await openAppSession('2026-11-20T09:00:00+08:00')
  ;({ server, page } = app)
})
afterAll(async () => { await app?.close() })

const open = (label: string) => openNav(page, label)
const dialog = (title: string) => dialogNamed(page, title)
const setServerClock = (at: string) => setServerClockOf(server.url, at)

const rosterRows = () => page.getByRole('table', { name: '排班表' }).locator('tbody tr')

const OFFICE_ROLES = ['带班', '主班', '副班'] as const
type OnDuty = { name: string; officePhone: string; mobile: string }
/** The open roster as the page shows it: date → role → name and phones (each cell is "name" over "office / mobile"). */
async function shownRoster(roles: readonly string[]): Promise<Record<string, Record<string, OnDuty>>> {
  const rows = await page.getByRole('table', { name: '排班表' }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ date: tr.getAttribute('data-date')!, cells: [...tr.querySelectorAll('td')].slice(1).map((td) => (td as HTMLElement).innerText) })))
  const out: Record<string, Record<string, OnDuty>> = {}
  for (const { date, cells } of rows) {
    out[date] = {}
    roles.forEach((role, i) => {
      // The first line is the name, followed on the leaders' roster by the post (张明远 市长).
      const [first, phones = ''] = cells[i].split('\n').map((t) => t.trim()).filter(Boolean)
      const name = first.split(' ')[0]
      const [officePhone = '', mobile = ''] = phones.split(' / ')
      out[date][role] = { name, officePhone, mobile }
    })
  }
  return out
}
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8))}日`

const download = (button: string) => downloadFrom(page, button)
/** The texts of the table rows in document.xml, each cell's <w:t> joined. */
const docxRows = (xml: string) => xml.split('<w:tr>').slice(1).map((tr) => [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
  .map((tc) => [...tc[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
/** The first sheet's rows as text: shared strings resolved, inline strings read. */
function sheetRows(xlsx: string): string[][] {
  let shared: string[] = []
  try {
    shared = [...unzipPart(xlsx, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''))
  } catch { /* no shared strings */ }
  return [...unzipPart(xlsx, 'xl/worksheets/sheet1.xml').matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
    const inner = c[2] ?? ''
    if (/t="s"/.test(c[1])) return shared[Number(inner.match(/<v>(\d+)<\/v>/)![1])]
    return inner.match(/<t[^>]*>([^<]*)<\/t>/)?.[1] ?? inner.match(/<v>([^<]*)<\/v>/)?.[1] ?? ''
  }))
}

/** Set by the tests as they go: the 10月1日 leader, and the two people swapped in December. */
let nationalDayLeader: OnDuty
let swap: { date: string; back: string; requester: OnDuty; counterpart: OnDuty }

describe('值班 in the browser', () => {
  it('signs in', async () => {
    await setServerClock('2026-11-20T09:00:00+08:00')
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('R-W1 generates the 国庆 2026 领导带班 roster: 10月1日 to 7日, a leader with phones each day', async () => {
    await open('值班')
    await page.getByRole('button', { name: '生成排班' }).click()
    const form = dialog('生成排班')
    await form.getByText('领导带班（节假日）', { exact: true }).click()
    await form.getByLabel('节假日', { exact: true }).first().click()
    await page.getByRole('option', { name: /^国庆节/ }).click()
    await form.getByRole('button', { name: '生成草稿' }).click()
    await form.waitFor({ state: 'detached' })

    await page.getByText('已生成草稿：2026年国庆节市政府领导带班表').waitFor()
    await expect.poll(() => rosterRows().count()).toBe(7)
    const rows = await rosterRows().allInnerTexts()
    expect(rows[0]).toContain('10月1日 星期四')
    expect(rows[6]).toContain('10月7日')
    expect(rows.every((r) => r.includes('国庆节') && !r.includes('未安排'))).toBe(true)
    expect(rows.join('\n')).toContain('张明远')
    expect(await page.getByRole('table', { name: '轮班统计' }).locator('tbody tr').count()).toBe(7)
    const shown = await shownRoster(['带班领导'])
    for (const day of Object.values(shown)) expect(day.带班领导).toMatchObject({ officePhone: expect.stringMatching(/^0\d{2,3}-\d{7,8}$/), mobile: expect.stringMatching(/^1\d{10}$/) })
    nationalDayLeader = shown['2026-10-01'].带班领导
    // R-W1: each leader's post beside the name, and the office's staff column (no October office roster yet).
    expect(rows[0]).toContain(`${nationalDayLeader.name} 市长`)
    expect(rows.every((r) => r.includes('办公室值班表尚未发布'))).toBe(true)
    await screenshot(page, 'duty-roster-holiday')

    await page.getByRole('button', { name: '发布', exact: true }).click()
    await dialog('发布值班表').getByRole('button', { name: '发布' }).click()
    await page.getByText(/^已发布：2026年国庆节市政府领导带班表/).waitFor()
    await page.getByRole('button', { name: '返回列表' }).click()
  })

  it('X-4 generates 2026年12月 office duty and publishes it', async () => {
    await page.getByRole('button', { name: '生成排班' }).click()
    const form = dialog('生成排班')
    expect(await form.getByLabel('月份', { exact: true }).first().inputValue()).toBe('12月')
    await form.getByRole('button', { name: '生成草稿' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByText('已生成草稿：2026年12月市政府办公室值班表').waitFor()
    await expect.poll(() => rosterRows().count()).toBe(31)
    expect(await rosterRows().first().innerText()).toMatch(/12月1日 星期二/)

    await page.getByRole('button', { name: '发布', exact: true }).click()
    await dialog('发布值班表').getByRole('button', { name: '发布' }).click()
    await page.getByText(/^已发布：2026年12月市政府办公室值班表/).waitFor()
    await page.getByRole('button', { name: '删除草稿' }).waitFor({ state: 'detached' })
  })

  it('X-4 refuses a swap without the consents and says why', async () => {
    await page.getByRole('button', { name: '换班' }).click()
    const form = dialog('换班')
    await form.getByLabel(/^申请人的值班/).first().click()
    await page.getByRole('option').filter({ hasText: '12月3日' }).filter({ hasText: '主班' }).click()
    await form.getByLabel(/^对方（接替的人）/).first().click()
    await page.getByRole('option').first().click()
    await form.getByRole('button', { name: '登记换班' }).click()
    const refusal = form.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.innerText()).toMatch(/办公室工作惯例：不能换班/)
    await form.getByRole('button', { name: '取消' }).click()
    await form.waitFor({ state: 'detached' })
  })

  it('X-4 swaps two people (asked, the other accepted, the 带班 consented): the roster and the change record show it', async () => {
    const before = await shownRoster(OFFICE_ROLES)
    const onDuty = (date: string) => Object.values(before[date]).map((p) => p.name)
    const date = '2026-12-03'
    const requester = before[date].主班
    // The counterpart: the 主班 of a later day, free on the 3rd, on a day the requester is free.
    const back = Object.keys(before).find((d) => d > date && !onDuty(d).includes(requester.name) && !onDuty(date).includes(before[d].主班.name))!
    const counterpart = before[back].主班
    swap = { date, back, requester, counterpart }

    await page.getByRole('button', { name: '换班' }).click()
    const form = dialog('换班')
    await form.getByLabel(/^申请人的值班/).first().click()
    await page.getByRole('option').filter({ hasText: '12月3日' }).filter({ hasText: '主班' }).click()
    await form.getByLabel(/^对方（接替的人）/).first().click()
    await page.getByRole('option', { name: counterpart.name, exact: true }).click()
    await form.getByLabel('换回日期').first().click()
    await page.getByRole('option').filter({ hasText: `${monthDay(back)}（` }).click()
    await form.getByLabel('对方已同意').check()
    // Each date's own 带班 consents, by name.
    const leadOf = (d: string) => before[d].带班.name
    await form.getByLabel(`12月3日（星期四）带班${leadOf(date)}已同意`).check()
    await form.getByLabel(new RegExp(`^${monthDay(back)}（星期.）带班${leadOf(back)}已同意$`)).check()
    await form.getByLabel('说明').fill('申请人家中有事')
    await form.getByRole('button', { name: '登记换班' }).click()
    await form.waitFor({ state: 'detached' })

    const record = `办公室工作惯例：${requester.name}与${counterpart.name}换班——2026年12月3日主班由${counterpart.name}担任，2026年${monthDay(back)}主班由${requester.name}担任；对方已同意，2026年12月3日带班${leadOf(date)}、2026年${monthDay(back)}带班${leadOf(back)}已同意。`
    await page.getByRole('status').filter({ hasText: `已记录：${record}` }).waitFor()
    const after = await shownRoster(OFFICE_ROLES)
    expect(after[date].主班).toEqual(counterpart)
    expect(after[back].主班).toEqual(requester)
    for (const d of Object.keys(before).filter((d) => d !== date && d !== back)) expect(after[d]).toEqual(before[d])
    const changes = page.getByRole('region', { name: '变更记录' })
    await changes.getByText('换班', { exact: true }).waitFor()
    expect(await changes.innerText()).toContain(`${record}说明：申请人家中有事`)
    await screenshot(page, 'duty-roster')
  })

  it('downloads the December roster as Word and Excel with the swapped people and everyone\'s phones on the right dates', async () => {
    const shown = await shownRoster(OFFICE_ROLES)
    const expected = (date: string) => OFFICE_ROLES.flatMap((role) => [shown[date][role].name, shown[date][role].officePhone, shown[date][role].mobile])
    for (const date of Object.keys(shown)) for (const p of Object.values(shown[date])) expect(p.officePhone && p.mobile).toBeTruthy()

    const word = await download('导出Word')
    expect(word.filename).toBe('资阳市人民政府办公室2026年12月值班表.docx')
    expect(word.buf.subarray(0, 2).toString('latin1')).toBe('PK')
    const xml = unzipPart(word.path, 'word/document.xml')
    expect(xml).toContain('资阳市人民政府办公室2026年12月值班表')
    const rows = docxRows(xml)
    expect(rows[1].slice(1)).toEqual(['姓名', '办公电话', '手机', '姓名', '办公电话', '手机', '姓名', '办公电话', '手机'])
    const body = rows.slice(2)
    expect(body).toHaveLength(31)
    for (const date of Object.keys(shown)) expect(body.find((r) => r[0].startsWith(`${monthDay(date)} `))!.slice(1)).toEqual(expected(date))
    expect(body.find((r) => r[0].startsWith(`${monthDay(swap.date)} `))![4]).toBe(swap.counterpart.name)
    expect(body.find((r) => r[0].startsWith(`${monthDay(swap.back)} `))![4]).toBe(swap.requester.name)

    const excel = await download('导出Excel')
    expect(excel.filename).toBe('资阳市人民政府办公室2026年12月值班表.xlsx')
    expect(excel.buf.subarray(0, 2).toString('latin1')).toBe('PK')
    const sheet = sheetRows(excel.path)
    expect(sheet[0][0]).toBe('资阳市人民政府办公室2026年12月值班表')
    const days = sheet.slice(4, 35)
    for (const [i, date] of Object.keys(shown).entries()) {
      expect(days[i][0]).toMatch(new RegExp(`^${monthDay(date)} 星期`))
      expect(days[i].slice(1)).toEqual(expected(date))
    }
  })

  it('writes an urgent duty-log entry about 防汛 and finds it by searching', async () => {
    await page.getByRole('tab', { name: '值班记录' }).click()
    const form = page.getByRole('form', { name: '填写值班记录' })
    await form.getByLabel('时间').fill('2026-11-20 08:40')
    await form.getByLabel('来电单位').fill('市应急管理局')
    await form.getByLabel('姓名').fill('周海')
    await form.getByLabel('电话').fill('028-26610110')
    await form.getByLabel(/^内容/).fill('通报：上游水库泄洪，请各县区做好防汛准备')
    await form.getByLabel('处理情况').fill('已报告带班领导，通知各县（区）值班室')
    await form.getByLabel('告知何人').fill('何振华')
    await form.getByLabel('紧急').check()
    await form.getByRole('button', { name: '记录' }).click()
    await form.getByText('已记录。').waitFor()

    await page.getByLabel('查询文字').fill('防汛')
    await page.getByRole('button', { name: '查询' }).click()
    const rows = page.getByRole('table', { name: '值班记录列表' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().innerText()).toContain('防汛')
    expect(await rows.first().getAttribute('data-urgent')).toBe('true')

    await page.getByLabel('查询文字').fill('地震')
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByText(/没有含“地震”的值班记录/).waitFor()
    await page.getByLabel('查询文字').fill('防汛')
    await page.getByRole('button', { name: '查询' }).click()
    await expect.poll(() => rows.first().innerText()).toContain('防汛')
    await screenshot(page, 'duty-log')
  })

  /** 首页's 今日值班 rows: role → [name, office phone, mobile]. */
  const todayCard = async () => Object.fromEntries(await page.getByRole('table', { name: '今日值班' }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.getAttribute('data-role')!, [...tr.querySelectorAll('td')].slice(1).map((td) => (td as HTMLElement).innerText.trim())]))) as Record<string, string[]>

  it('首页 on 2026年12月3日 shows 今日值班 with names and phones, the swapped 主班 among them', async () => {
    await setServerClock('2026-12-03T09:00:00+08:00')
    await open('首页')
    await page.getByRole('heading', { name: '2026年12月3日 星期四' }).waitFor()
    await page.getByRole('table', { name: '今日值班' }).waitFor()
    const card = await todayCard()
    expect(Object.keys(card)).toEqual(['办公室带班', '主班', '副班'])
    expect(card.主班).toEqual([swap.counterpart.name, swap.counterpart.officePhone, swap.counterpart.mobile])
    for (const [name, officePhone, mobile] of Object.values(card)) {
      expect(name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/)
      expect(officePhone).toMatch(/^0\d{2,3}-\d{7,8}$/)
      expect(mobile).toMatch(/^1\d{10}$/)
    }
    await screenshot(page, 'home-duty')
  })

  it('首页 on 国庆 2026年10月1日 shows the 带班领导 with his phones', async () => {
    await setServerClock('2026-10-01T09:00:00+08:00')
    await page.reload()
    await page.getByRole('heading', { name: '2026年10月1日 星期四' }).waitFor()
    await page.getByRole('table', { name: '今日值班' }).waitFor()
    const card = await todayCard()
    expect(card.带班领导).toEqual([nationalDayLeader.name, nationalDayLeader.officePhone, nationalDayLeader.mobile])
    // No office roster for October was published: shown as not arranged, not left out.
    expect(card.主班[0]).toBe('未安排')
    await screenshot(page, 'home-duty-holiday')
  })
})

describe('值班 without dead ends (issue 15)', () => {
  const optionTexts = async () => { await page.getByRole('option').first().waitFor(); return page.getByRole('option').allInnerTexts() }
  /** The day of December in an option's text (12月10日（星期四） 主班 …). */
  const decemberDay = (text: string) => Number(must(text.match(/^12月(\d+)日/), `选项“${text}”的日期`)[1])

  it('X-4 on 12月10日 the 换班 lists offer no past shift; the roster has its own address and a reload reopens it', async () => {
    await setServerClock('2026-12-10T10:00:00+08:00')
    await open('值班')
    await page.getByRole('link', { name: '打开2026年12月市政府办公室值班表' }).click()
    await expect.poll(() => rosterRows().count()).toBe(31)
    expect(page.url()).toMatch(/#\/duty\/\d+$/)
    await page.reload()
    await expect.poll(() => rosterRows().count()).toBe(31)
    await page.getByRole('heading', { name: '2026年12月市政府办公室值班表' }).waitFor()

    await page.getByRole('button', { name: '换班' }).click()
    const form = dialog('换班')
    await form.getByLabel(/^申请人的值班/).first().click()
    const given = await optionTexts()
    expect(given.length).toBe(22 * 3)
    expect(Math.min(...given.map(decemberDay))).toBe(10)
    await page.getByRole('option').filter({ hasText: '12月15日' }).filter({ hasText: '主班' }).click()
    await form.getByLabel(/^对方（接替的人）/).first().click()
    await page.getByRole('option').first().click()
    await form.getByLabel('换回日期').first().click()
    const back = await optionTexts()
    expect(back.length).toBeGreaterThan(0)
    expect(back.every((t) => decemberDay(t) >= 10)).toBe(true)
    await page.keyboard.press('Escape')
    await form.getByText(/^12月15日（星期二）带班.+已同意$/).waitFor()
    await screenshot(page, 'duty-swap-future-only')
    await form.getByRole('button', { name: '取消' }).click()
    await form.waitFor({ state: 'detached' })
  })

  it('X-4 the handover offers the day\'s duty staff, not the 市长, and picking 主班 fills who hands over and who takes over', async () => {
    const api = rpcClient(server.url)
    await api.login()
    const nov = await api.ok('duty.generate', { kind: '办公室值班', from: '2026-11-01', to: '2026-11-30' })
    await api.ok('duty.publish', { id: nov.id })
    const roster = await api.ok('duty.get', { id: nov.id })
    const nameOn = (date: string, role: string) => must(must(roster.days.find((d) => d.date === date), date).duties.find((d) => d.role === role)?.person, `${date} ${role}`).name

    await page.getByRole('tab', { name: '值班记录' }).click()
    const form = page.getByRole('form', { name: '交接班' })
    await form.getByLabel('交班人').click()
    const offered = await optionTexts()
    expect(offered.slice(0, 3)).toEqual([`${nameOn('2026-11-20', '带班')}（带班）`, `${nameOn('2026-11-20', '主班')}（主班）`, `${nameOn('2026-11-20', '副班')}（副班）`])
    expect(offered).not.toContain('张明远')
    await page.keyboard.press('Escape')
    await form.getByLabel('班次').click()
    await page.getByRole('option', { name: '主班', exact: true }).click()
    expect(await form.getByLabel('交班人').inputValue()).toBe(`${nameOn('2026-11-20', '主班')}（主班）`)
    expect(await form.getByLabel('接班人').inputValue()).toBe(`${nameOn('2026-11-21', '主班')}（主班）`)
    await form.getByLabel(/^交接内容/).fill('防汛通报已传达，明早核实各县区回复')
    await form.getByRole('button', { name: '记录' }).click()
    await form.getByText('已记录交接班。').waitFor()
    const row = page.getByRole('table', { name: '交接班记录' }).locator('tbody tr').filter({ hasText: '防汛通报已传达' })
    expect(await row.innerText()).toContain(`${nameOn('2026-11-20', '主班')} → ${nameOn('2026-11-21', '主班')}`)
    await screenshot(page, 'duty-handover')
  })

  it('R-W2 生成排班 for 2027年1月, a year without holiday data, says so and who enters it, and drafts the roster marked 暂定', async () => {
    await page.getByRole('tab', { name: '排班表' }).click()
    await page.getByRole('button', { name: '生成排班' }).click()
    const form = dialog('生成排班')
    await form.getByLabel('年份', { exact: true }).first().click()
    await page.getByRole('option', { name: '2027年', exact: true }).click()
    await form.getByLabel('月份', { exact: true }).first().click()
    await page.getByRole('option', { name: '1月', exact: true }).click()
    const notice = form.getByRole('status').filter({ hasText: '2027年的节假日安排尚未录入' })
    await notice.waitFor()
    expect(await notice.innerText()).toContain('请文秘或科长在“节假日”中')
    await screenshot(page, 'duty-generate-unknown-year')
    await form.getByRole('button', { name: '生成草稿' }).click()
    await form.waitFor({ state: 'detached' })
    await expect.poll(() => rosterRows().count()).toBe(31)
    await page.getByRole('status').filter({ hasText: /2027年的节假日安排尚未录入.*暂定/ }).waitFor()
    expect(page.url()).toMatch(/#\/duty\/\d+$/)
    await page.getByRole('button', { name: '返回列表' }).click()
  })

  it('the 查阅 account sees the rosters, the log and their exports, and no button it may not use', async () => {
    await page.getByRole('button', { name: '退出' }).click()
    await signIn(page, server.url, 'chayue', ADMIN_PASSWORD)
    await open('值班')
    await page.getByRole('table', { name: '值班表' }).waitFor()
    expect(await page.getByRole('button', { name: '生成排班' }).count()).toBe(0)
    await page.getByRole('link', { name: '打开2026年12月市政府办公室值班表' }).click()
    await expect.poll(() => rosterRows().count()).toBe(31)
    await page.getByRole('button', { name: '导出Word' }).waitFor()
    for (const name of ['换班', '发布', '删除草稿']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0)
    await screenshot(page, 'duty-chayue-roster')

    await page.getByRole('tab', { name: '值班记录' }).click()
    await page.getByRole('table', { name: '值班记录列表' }).waitFor()
    expect(await page.getByRole('form', { name: '填写值班记录' }).count()).toBe(0)
    expect(await page.getByRole('form', { name: '交接班' }).count()).toBe(0)
    await page.getByRole('table', { name: '交接班记录' }).getByText('防汛通报已传达').waitFor()
    await screenshot(page, 'duty-chayue-log')

    await page.getByRole('tab', { name: '不排班日期' }).click()
    await page.getByRole('table', { name: '不排班日期' }).waitFor()
    expect(await page.getByRole('form', { name: '登记不排班日期' }).count()).toBe(0)
  })
})
