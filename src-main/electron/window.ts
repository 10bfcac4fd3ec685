import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { secureWindow } from './install'
import { APP_INDEX_URL, webPreferences } from './policy'

/** The one office window. Shown only once painted, so the user never sees a blank frame. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: '三办',
    show: false,
    autoHideMenuBar: true,
    // Bundled into out/main/index.js; the preload is built to out/preload/index.js.
    webPreferences: webPreferences(join(__dirname, '../preload/index.js'), { devTools: !app.isPackaged }),
  })
  secureWindow(win)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(APP_INDEX_URL)
  return win
}
