import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { homedir, platform } from 'node:os'

/**
 * The checkout (or the packaged app's resource folder) that holds `drizzle/` and
 * `out/renderer/`. Sources run from src-main/ under vitest and from out/main/ when
 * built, so we walk up to the folder with the migrations journal instead of guessing.
 */
export function appRoot(start = __dirname): string {
  let dir = resolve(start)
  for (;;) {
    if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`找不到程序目录（自 ${start} 向上未找到 drizzle/ 迁移文件）`)
    dir = parent
  }
}

export const APP_DIR_NAME = 'sanban'

/** The user's application-data folder, the same one Electron's app.getPath('userData') gives. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SANBAN_DATA) return env.SANBAN_DATA
  switch (platform()) {
    case 'win32': return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
    case 'darwin': return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
    default: return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
  }
}
