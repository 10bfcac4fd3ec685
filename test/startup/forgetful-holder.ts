/**
 * Takes a data folder's lock and keeps no reference to it, then forces a garbage collection: the lock must still be
 * held (system/data-lock.ts keeps every lock until released). Run with `node --expose-gc --import tsx`; prints “held”.
 */
import { acquireDataLock } from '../../src-main/system/data-lock'

acquireDataLock(process.env.SANBAN_DATA!, { mode: 'desktop' })
;(globalThis as { gc?: () => void }).gc!()
console.log('held')
setInterval(() => {}, 60_000)
