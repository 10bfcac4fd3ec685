/** Which database and key file a command-line tool works on: --data and --key-file, as the server takes them. */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDataDir } from '../system/paths'
import { DATABASE_FILE } from '../db/connection'
import { defaultKeyFile } from '../db/key'

export interface KeyTarget { databaseFile: string; keyFile: string }

export function keyTarget(argv: string[], env: NodeJS.ProcessEnv): KeyTarget {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, 'key-file': { type: 'string' } }, strict: true })
  const dataDir = values.data ?? defaultDataDir(env)
  return { databaseFile: join(dataDir, DATABASE_FILE), keyFile: values['key-file'] ?? env.SANBAN_KEY_FILE ?? defaultKeyFile(dataDir) }
}
