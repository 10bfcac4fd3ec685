/**
 * A server in its own process, run as `node --import tsx test/backup/server-process.ts` (no tsx wrapper
 * process in between, so a SIGKILL reaches the server itself). Prints {"url": …} once it listens.
 */
import { startServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'

void startServer({ dataDir: process.env.SANBAN_DATA!, port: 0, clock: adjustableClock() }).then((s) => console.log(JSON.stringify({ url: s.url })))
