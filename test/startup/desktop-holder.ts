/**
 * Holds a data folder's lock the way the desktop window does (main.ts → openOffice, mode desktop), for the
 * tests: Electron cannot run here. Run as `node --import tsx test/startup/desktop-holder.ts`; prints “held”.
 */
import { acquireDataLock } from '../../src-main/system/data-lock'

// Kept for the process's life, as main.ts keeps its lock.
const lock = acquireDataLock(process.env.SANBAN_DATA!, { mode: 'desktop' })
console.log('held', lock.owner.pid)
setInterval(() => {}, 60_000)
