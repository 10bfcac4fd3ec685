import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { ADMIN_PASSWORD, startTestServer, type TestServer } from './server'

export const CHROMIUM = '/usr/bin/chromium'
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results/screenshots')
export const DOWNLOAD_DIR = resolve(__dirname, '../../test-results/downloads')
const RENDERER_INDEX = resolve(__dirname, '../../out/renderer/index.html')

export interface Browser {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** Debian's Chromium with a fresh profile, in Chinese, at a typical office screen size; `timezoneId` sets the PC's zone. */
export async function launchBrowser(options: { timezoneId?: string } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`没有找到 Chromium（${CHROMIUM}）：请运行 apt-get install -y chromium fonts-noto-cjk`)
  if (!existsSync(RENDERER_INDEX)) throw new Error('没有找到构建好的界面（out/renderer）：请先运行 npx electron-vite build')
  const profile = mkdtempSync(join(tmpdir(), 'sanban-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    locale: 'zh-CN',
    reducedMotion: 'reduce',
    viewport: { width: 1366, height: 860 },
    timezoneId: options.timezoneId,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  // Fail with Playwright's own message (which element was not found) before vitest's timeout.
  page.setDefaultTimeout(8_000)
  return {
    context,
    page,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }) },
  }
}

/** The input labelled exactly `label` (a required field's label ends in " *"). */
export const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}( \\*)?$`))

/** Signs in through the login screen, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#/home`)
  await field(page, '用户名').fill(username)
  await field(page, '密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

/**
 * Signs out whoever was signed in (their cookie dropped) and signs `username` in with the test password, waiting for the
 * navigation: for tests that look at one page as several roles.
 */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.context().clearCookies()
  await signIn(page, baseUrl, username, ADMIN_PASSWORD)
  await page.getByRole('navigation', { name: '主导航' }).waitFor()
}

/**
 * Writes test-results/screenshots/<name>.png (the whole page, from the top: a full-page picture of a scrolled
 * page draws the fixed title bar mid-page) and returns its path. `underWay`: the picture is of a step still running
 * (its button's spinner showing), not of the page once loaded.
 */
export async function screenshot(page: Page, name: string, { underWay = false } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  // A page still loading shows a spinner; the picture is of the loaded page.
  if (!underWay) await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path, fullPage: true })
  return path
}

/** Opens a part of the product from the main navigation. */
export const openNav = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label, exact: true }).click()

/** A Mantine modal, by its title (date pickers' popovers are dialogs too). */
export const dialogNamed = (page: Page, title: string) => page.getByRole('dialog', { name: title })

/** Moves the test server's office clock (server started with an adjustable clock), as a page on it would. */
export async function setServerClock(baseUrl: string, at: string): Promise<void> {
  const res = await fetch(`${baseUrl}/rpc/system.setClock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ at }),
  })
  if (res.status !== 200) throw new Error(`system.setClock 失败：${res.status}`)
}

/**
 * A test server and a signed-out browser on it, with the browser's clock fixed so pages open on
 * the month the test expects whatever day it runs. What every end-to-end file starts with.
 */
export interface AppSession {
  server: TestServer
  browser: Browser
  page: Page
  close(): Promise<void>
}

export async function openAppSession(browserTime: string): Promise<AppSession> {
  const server = await startTestServer()
  const browser = await launchBrowser()
  await browser.page.clock.setFixedTime(new Date(browserTime))
  return { server, browser, page: browser.page, close: async () => { await browser.close(); await server.stop() } }
}

/** Clicks an export button and returns the file the browser saved (kept under test-results/downloads/). */
export async function downloadFrom(page: Page, button: string): Promise<{ filename: string; path: string; buf: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()])
  mkdirSync(DOWNLOAD_DIR, { recursive: true })
  const path = join(DOWNLOAD_DIR, file.suggestedFilename())
  rmSync(path, { force: true })
  await file.saveAs(path)
  if (await file.failure()) throw new Error(`下载失败：${await file.failure()}`)
  return { filename: file.suggestedFilename(), path, buf: readFileSync(path) }
}
