/**
 * Desktop entry: app lifecycle only. The office's work lives in core.ts (shared with
 * server mode); security rules live in electron/policy.ts.
 *
 * Packaging: drizzle/ and out/renderer/ ship as extraResources next to the asar, which
 * is where appRoot() finds them (it walks up to the folder holding drizzle/).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import { type Core } from './core'
import { DATABASE_FILE } from './db/connection'
import { openOffice } from './open-office'
import { explainStartupFailure } from './system/startup-errors'
import { newestBackup } from './preflight'
import { appRoot } from './system/paths'
import { defaultKeyFile } from './db/key'
import { installAppSecurity, secureWebContents } from './electron/install'
import { openIpcBridge } from './electron/ipc'
import { showNotice } from './electron/notify'
import { handleAppScheme, registerAppScheme } from './electron/protocol'
import { createMainWindow } from './electron/window'

app.setName('sanban') // userData = …/sanban, the folder server mode uses too (paths.ts)
app.enableSandbox()

/** --data <dir> or --data=<dir>; Chromium's own switches are left alone (strict: false). */
function dataDirFromArgs(): string {
  const { values } = parseArgs({ args: process.argv.slice(1), options: { data: { type: 'string' } }, strict: false, allowPositionals: true })
  const flag = typeof values.data === 'string' ? values.data : undefined
  return flag ?? process.env.SANBAN_DATA ?? app.getPath('userData')
}

let core: Core | null = null
let closeIpc: (() => void) | null = null

function focusExistingWindow(): void {
  const win = BrowserWindow.getAllWindows()[0]
  if (!win) return
  if (win.isMinimized()) win.restore()
  win.focus()
}

async function start(): Promise<void> {
  const dataDir = dataDirFromArgs()
  const keyFile = process.env.SANBAN_KEY_FILE ?? defaultKeyFile(dataDir)
  try {
    // The same data-folder lock as server mode (open-office.ts): a server on this folder refuses the window, and the other way round.
    core = openOffice({ dataDir, demo: true, keyFile }, { mode: 'desktop' }).core
  } catch (e) {
    const message = explainStartupFailure(e, { dataDir, databaseFile: join(dataDir, DATABASE_FILE), keyFile, newestBackup: newestBackup(dataDir) })
    dialog.showErrorBox('三办无法启动', message)
    app.quit()
    return
  }
  installAppSecurity(session.defaultSession)
  handleAppScheme(join(appRoot(), 'out', 'renderer'))
  closeIpc = openIpcBridge(core, { ipcMain, isAppWindow: (contents) => BrowserWindow.fromWebContents(contents) !== null, notify: showNotice })
  createMainWindow()
  const accounts = core.initialAccounts
  if (accounts.length > 0) {
    const list = accounts.map((a) => `${a.role}：用户名 ${a.username}，初始密码 ${a.password}`).join('\n')
    const where = core.initialPasswordFile ? `\n\n初始密码同时保存在：\n${core.initialPasswordFile}\n各账户首次登录须修改密码，全部修改后该文件自动删除。` : ''
    // No parent window: it is still hidden until painted, and a sheet on it could be hidden too.
    await dialog.showMessageBox({
      type: 'info',
      title: '已创建初始账户',
      message: '三办首次启动，已创建以下账户（三员分立）',
      detail: `${list}${where}`,
      buttons: ['我已记下'],
    })
  }
}

// One window per user profile (a second start focuses the first). This is not what keeps a data folder to one
// process — the profile is per user, not per folder, and a server is no Electron instance — the data-folder
// lock taken in openOffice is.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  registerAppScheme() // before 'ready'
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents))
  app.on('second-instance', focusExistingWindow)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.on('will-quit', () => {
    closeIpc?.()
    core?.close()
    core = null
  })
  app.whenReady().then(start).catch((e: unknown) => {
    dialog.showErrorBox('三办无法启动', e instanceof Error ? e.message : String(e))
    app.quit()
  })
}
