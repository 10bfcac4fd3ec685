/**
 * Issue 19: upgrades keep the office's data and key. The x64 archive unpacked over an older install leaves
 * its data and key as they were, and starts on the office the previous release left (the migration before
 * the newest, test/dist/previous-level.ts): migrates it with the pre-upgrade backup and shows the 收文 it
 * had; and the install script refuses to put a program over data a newer release has migrated,
 * or over a newer program, changing nothing.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openConnection } from '../../src-main/db/connection'
import { readKeyFile } from '../../src-main/db/key'
import { journal } from '../db/harness'
import { rpcClient } from '../helpers/server'
import { bareEnv, cleanUp, officeFolder, ROOT, startBundle, tempFolder, unpack, VERSION } from './bundle'

afterAll(cleanUp)

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const latest = () => journal().at(-1)!

/** The previous release's office, written by the sources' own code (a child process, like the server tests). */
function previousOffice(dataDir: string, keyFile: string, title: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'previous-level.ts'), dataDir, keyFile, title], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`写上一版本的数据失败：${r.stderr}`)
}

/** Signs in to the archive's server on `top` and looks for the 收文; also which version answered (its API description). */
async function findIncoming(top: string, title: string, args: string[] = []): Promise<{ titles: string[]; output: string; version: string }> {
  const server = await startBundle(top, bareEnv('x64'), args)
  const api = rpcClient(server.url)
  await api.login()
  // The whole register, not a search: the previous release's row was written without the search index.
  const page = await api.ok('registers.incoming', {})
  const { info } = await (await api.get('/rpc/openapi.json')).json() as { info: { version: string } }
  expect(await server.stop()).toBe(0)
  return { titles: page.rows.map((r) => r.title).filter((t) => t === title), output: server.output(), version: info.version }
}

function install(top: string, prefix: string, data: string) {
  return spawnSync('/bin/bash', [join(top, 'install.sh'), '--no-systemd', '--prefix', prefix, '--data', data], { encoding: 'utf8' })
}

describe('升级', () => {
  it('新版本解开覆盖在旧版本的目录上：数据和密钥不变，新程序首次启动时升级数据库，先做升级前备份，收文还在', async () => {
    // The older install: this archive's layout under an older version number (no older release exists yet),
    // with the data the previous migration level left.
    const top = unpack('x64', officeFolder())
    const older = '0.0.9'
    renameSync(join(top, 'lib', VERSION), join(top, 'lib', older))
    writeFileSync(join(top, 'sanban'), readFileSync(join(top, 'sanban'), 'utf8').replace(`version=${VERSION}`, `version=${older}`))
    writeFileSync(join(top, 'VERSION'), `${older}\n`)
    const title = '关于上一版本数据升级的请示'
    previousOffice(join(top, 'data'), join(top, 'data.key'), title)
    const key = sha256(join(top, 'data.key'))
    const database = sha256(join(top, 'data', 'sanban.sqlite'))

    unpack('x64', join(top, '..'))
    expect(sha256(join(top, 'data.key'))).toBe(key)
    expect(sha256(join(top, 'data', 'sanban.sqlite'))).toBe(database)
    expect(readdirSync(join(top, 'lib')).sort()).toEqual([older, VERSION].sort())

    const upgraded = await findIncoming(top, title)
    expect(upgraded.titles).toEqual([title])
    expect(upgraded.version).toBe(VERSION)
    expect(upgraded.output).toContain('已升级数据库，升级前备份：')
    expect(readdirSync(join(top, 'data', 'backups')).filter((f) => /^升级前备份-.*\.sqlite$/.test(f))).toHaveLength(1)
    const { sqlite } = openConnection(join(top, 'data', 'sanban.sqlite'), readKeyFile(join(top, 'data.key')))
    expect((sqlite.prepare('SELECT MAX(created_at) AS at FROM __drizzle_migrations').get() as { at: number }).at).toBe(latest().when)
    sqlite.close()
    expect(sha256(join(top, 'data.key'))).toBe(key)
  }, 240_000)

  it('install.sh 装在上一版本的数据上照常升级；数据已被较新版本升级过，或已装的版本更新，都拒绝并说明，不改动程序和数据', async () => {
    const top = unpack('x64', officeFolder())
    const base = tempFolder('sanban-install-')
    const prefix = join(base, 'opt', '三办')
    const data = join(base, 'var', 'data')

    // Over the previous release's data the install goes ahead: the first start migrates it.
    previousOffice(data, `${data}.key`, '关于安装时保留数据的请示')
    const first = install(top, prefix, data)
    expect(first.stderr).toBe('')
    expect(first.stdout).toContain(`三办 ${VERSION} 已安装到 ${prefix}`)
    expect(readFileSync(join(prefix, 'VERSION'), 'utf8').trim()).toBe(VERSION)
    const upgraded = await findIncoming(prefix, '关于安装时保留数据的请示', ['--data', data])
    expect(upgraded.titles).toEqual(['关于安装时保留数据的请示'])

    // A newer release has migrated this data: one more migration than this program knows.
    const { sqlite } = openConnection(join(data, 'sanban.sqlite'), readKeyFile(`${data}.key`))
    sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('newer-release', ?)").run(latest().when + 1000)
    sqlite.close()
    const database = sha256(join(data, 'sanban.sqlite'))
    const refused = install(top, prefix, data)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain('三办安装失败：')
    expect(refused.stderr).toContain('已由较新版本的三办升级过，本版本不能使用它')
    expect(existsSync(`${prefix}.new`)).toBe(false)
    expect(sha256(join(data, 'sanban.sqlite'))).toBe(database)

    writeFileSync(join(prefix, 'VERSION'), '99.0.0\n')
    const older = install(top, prefix, join(base, 'other-data'))
    expect(older.status).toBe(1)
    expect(older.stderr).toContain(`已安装三办 99.0.0，比本安装包（${VERSION}）新，不能降级`)
    expect(readFileSync(join(prefix, 'VERSION'), 'utf8')).toBe('99.0.0\n')
  }, 240_000)
})
