/**
 * The renderer in Chromium against server mode over the ten years (issue 7): how soon the 收文登记簿 shows
 * its first rows, and that scrolling through 10,000 of them keeps only a screenful of rows in the page.
 * Times are taken inside the page (performance.now, up to the frame after the rows are in the DOM), so the
 * DevTools round trips of Playwright are not counted.
 * (The functions run in the page use its own `performance`: this file imports none from Node to shadow it.)
 */
import type { Page } from 'playwright-core'
import { launchBrowser, signIn, type Browser } from '../test/helpers/browser'
import { latencyRow, summarise, type Row } from './measure'
import type { Part } from './run'
import { SEED_PASSWORD } from './seed-large'
import { buildIfStale, startBenchServer, type BenchServer } from './server-process'
import { bundleRows } from './bundle'

/** Twenty, so that p95 is not simply the slowest of a handful on a machine others share. */
const RUNS = 20
const WARMUP = 2
const SCROLL_ROWS = 10_000
const DOM_LIMIT = 200
/** 100 ms is where an answer stops feeling instant: a page of rows must arrive before the eye misses it. */
const PAGE_LIMIT_MS = 100
/** A full reload to the register's first rows (issue 20): the entry, the signed-in frame and the page's chunk, then the rows. */
const RELOAD_LIMIT_MS = 120
const REGISTER = '[role="table"][aria-label="收文登记簿"]'

/**
 * tsx compiles with esbuild's keepNames, which wraps the functions handed to page.evaluate in a `__name`
 * helper that exists only in Node; the page gets a stand-in that does nothing.
 */
const NAME_SHIM = 'globalThis.__name ??= (f) => f'

type Marks = { __firstRowsAt?: number; __rowsShown: () => boolean }

/**
 * On every document: `__rowsShown()` tells whether a register row with its 收文号 is in the DOM, and
 * `__firstRowsAt` records when the first such row was painted.
 */
function firstRowsMark(selector: string): void {
  const w = window as unknown as Marks
  w.__rowsShown = () => Array.from(document.querySelectorAll(`${selector} [role="row"][aria-rowindex] [role="cell"]`)).some((c) => c.textContent!.trim() !== '')
  const watch = new MutationObserver(() => {
    if (!w.__rowsShown()) return
    watch.disconnect()
    requestAnimationFrame(() => setTimeout(() => { w.__firstRowsAt = performance.now() }))
  })
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }))
}

/** Clicks 公文 in the main navigation (the register is its first tab) and waits for the first painted rows. */
function clickToRegister(): Promise<number> {
  return new Promise((done, fail) => {
    const w = window as unknown as Marks
    const link = document.querySelector<HTMLAnchorElement>('nav[aria-label="主导航"] a[href="#/documents"]')
    if (!link) return fail(new Error('主导航中没有“公文”'))
    const t = performance.now()
    const watch = new MutationObserver(() => {
      if (!w.__rowsShown()) return
      watch.disconnect()
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t)))
    })
    watch.observe(document.body, { childList: true, subtree: true })
    setTimeout(() => { watch.disconnect(); fail(new Error('10 秒内收文登记簿没有显示')) }, 10_000)
    link.click()
  })
}

interface ScrollResult { passed: number; pages: number[]; maxDomRows: number; totalMs: number; hasMore: boolean }

/**
 * Drags the register to its end again and again, as someone looking for an old paper would: each time the next
 * keyset page is fetched and drawn; the row elements in the DOM are counted on every frame on the way.
 */
async function scrollThrough(args: { selector: string; rows: number }): Promise<ScrollResult> {
  const table = document.querySelector(args.selector)!
  const body = table.querySelector<HTMLElement>('.sb-register-body')!
  const loaded = () => Number(table.getAttribute('aria-rowcount')) - 1
  const domRows = () => table.querySelectorAll('[role="row"][aria-rowindex]').length
  let maxDomRows = domRows()
  const frame = () => new Promise<void>((r) => requestAnimationFrame(() => { maxDomRows = Math.max(maxDomRows, domRows()); r() }))
  const pages: number[] = []
  const start = performance.now()
  let hasMore = true
  while (loaded() < args.rows) {
    const before = loaded()
    const t = performance.now()
    body.scrollTop = body.scrollHeight
    // The last page has come when nothing more arrives while no spinner shows.
    while (loaded() === before) {
      await frame()
      if (loaded() === before && !table.querySelector('.mantine-Loader-root') && performance.now() - t > 2_000) { hasMore = false; break }
      if (performance.now() - t > 15_000) throw new Error(`第 ${before} 行之后 15 秒没有载入下一页`)
    }
    if (!hasMore) break
    await frame()
    pages.push(performance.now() - t)
  }
  body.scrollTop = body.scrollHeight
  await frame()
  await frame()
  // The furthest row the eye has reached: the last one whose top is inside the scrolled box.
  const bottom = body.getBoundingClientRect().bottom
  const passed = Math.max(0, ...Array.from(table.querySelectorAll('[role="row"][aria-rowindex]'))
    .filter((r) => r.getBoundingClientRect().top < bottom).map((r) => Number(r.getAttribute('aria-rowindex')) - 1))
  return { passed, pages, maxDomRows, totalMs: performance.now() - start, hasMore }
}

async function waitForRegisterRows(page: Page): Promise<void> {
  await page.locator(`${REGISTER} [role="row"][aria-rowindex]`).first().waitFor()
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
  await page.waitForTimeout(150)
}

/** From the 首页, a click on 公文 until the register's first rows are painted; back to 首页 between runs. */
async function byNavigation(page: Page, url: string): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await page.goto(`${url}/#/home`)
    await settled(page)
    const ms = await page.evaluate(clickToRegister)
    if (i >= WARMUP) samples.push(ms)
  }
  return samples
}

/** Reloading the register's address (F5, or opening it from a bookmark): from navigation start to the first painted rows. */
async function byPageLoad(page: Page, url: string): Promise<number[]> {
  await page.goto(`${url}/#/documents/incoming`)
  await waitForRegisterRows(page)
  const samples: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
    await page.reload()
    await page.waitForFunction(() => (window as unknown as Marks).__firstRowsAt !== undefined, undefined, { timeout: 10_000 })
    const ms = await page.evaluate(() => (window as unknown as Marks).__firstRowsAt!)
    if (i >= WARMUP) samples.push(ms)
    await settled(page)
  }
  return samples
}

const n = (v: number) => v.toLocaleString('en-US')

function scrollRows(r: ScrollResult): Row[] {
  const pages = summarise(r.pages)
  const through = r.passed >= SCROLL_ROWS
  return [
    {
      operation: '浏览器：滚动一万行时的DOM行数',
      figure: `最多 ${r.maxDomRows} 行（滚过 ${n(r.passed)} 行）`,
      target: `DOM < ${DOM_LIMIT} 行`,
      met: through && r.maxDomRows < DOM_LIMIT,
    },
    {
      operation: '浏览器：滚过一万行（每次拖到底，逐页载入 100 行；服务器共用结果：开）',
      figure: `共 ${(r.totalMs / 1000).toFixed(1)} s，${r.pages.length} 页，每页中位数 ${pages.median.toFixed(0)} ms、p95 ${pages.p95.toFixed(0)} ms`,
      target: `每页 p95 ≤ ${PAGE_LIMIT_MS} ms`,
      met: through && pages.p95 <= PAGE_LIMIT_MS,
    },
  ]
}

export const browserPart: Part = async (office, log) => {
  buildIfStale()
  let server: BenchServer | undefined
  let browser: Browser | undefined
  try {
    server = await startBenchServer(office)
    browser = await launchBrowser()
    const { page, context } = browser
    page.setDefaultTimeout(15_000)
    await context.addInitScript({ content: NAME_SHIM })
    await context.addInitScript(firstRowsMark, REGISTER)
    // The register opens on this year; a data set built in an earlier year is looked at on its own last day.
    if (office.today.slice(0, 4) !== String(new Date().getFullYear())) {
      log(`数据截至 ${office.today}，浏览器时钟定在该日`)
      await page.clock.setFixedTime(new Date(`${office.today}T10:00:00+08:00`))
    }
    await signIn(page, server.url, 'kezhang', SEED_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()

    log(`从首页点“公文”到收文登记簿显示首屏（${RUNS} 次）`)
    const nav = summarise(await byNavigation(page, server.url))
    log(`刷新收文登记簿页面到显示首屏（${RUNS} 次）`)
    const load = summarise(await byPageLoad(page, server.url))

    log(`滚过 ${n(SCROLL_ROWS)} 行`)
    await page.goto(`${server.url}/#/documents/incoming`)
    await waitForRegisterRows(page)
    const t = performance.now()
    const scrolled = await page.evaluate(scrollThrough, { selector: REGISTER, rows: SCROLL_ROWS })
    log(`滚过 ${n(scrolled.passed)} 行，用时 ${((performance.now() - t) / 1000).toFixed(1)} s${scrolled.hasMore ? '' : '（已到登记簿末尾）'}`)

    // The server shares register pages between PCs (its default): a reload's first page is often one already asked for.
    return [
      ...bundleRows(),
      latencyRow('浏览器：收文登记簿首屏（从首页点“公文”；服务器共用结果：开）', nav, { p95: 500 }),
      latencyRow('浏览器：收文登记簿首屏（刷新整页，页面按路由分块；服务器共用结果：开）', load, { p95: RELOAD_LIMIT_MS }),
      ...scrollRows(scrolled),
    ]
  } finally {
    await browser?.close()
    await server?.stop()
  }
}
