/**
 * Issue 19: install.sh as a system service, and uninstall.sh. There is no running systemd here, so
 * systemctl, useradd, chown and id are stand-ins that record what they were asked (id says root and that
 * the service user does not exist yet); the unit file goes to a folder of the test's (SANBAN_SYSTEMD_DIR).
 * What the office relies on is checked for real: the unit's ExecStart, run as written, starts the
 * installed server on the installed paths (Chinese characters and spaces included), and the data and key
 * stay when the program is upgraded or removed.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { cleanUp, officeFolder, tempFolder, track, unpack, VERSION } from './bundle'

afterAll(cleanUp)

const STUBS: Record<string, string> = {
  systemctl: '[ "$1" = is-active ] && exit "${ACTIVE:-3}"; exit 0',
  useradd: 'exit 0',
  chown: 'exit 0',
  id: '[ "$#" = 1 ] && [ "$1" = -u ] && { echo 0; exit 0; }; exit 1',
}

/** A folder of stand-ins that append "name args" to calls.log. */
function stubs(dir: string): string {
  const bin = join(dir, 'stubs')
  mkdirSync(bin)
  for (const [name, body] of Object.entries(STUBS)) {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${join(dir, 'calls.log')}"\n${body}\n`)
    chmodSync(join(bin, name), 0o755)
  }
  return bin
}

/** Runs the unit's ExecStart as systemd would (its quoting is the shell's for these paths) until it listens. */
function startAsUnit(unit: string): Promise<{ output: string; stop: () => Promise<unknown> }> {
  const execStart = /^ExecStart=(.*)$/m.exec(unit)![1]
  const child = track(spawn('/bin/bash', ['-c', `exec ${execStart}`], { env: { PATH: '/nonexistent' }, stdio: ['ignore', 'pipe', 'pipe'] }))
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('请用浏览器打开：')) resolve({ output, stop: () => { child.kill('SIGTERM'); return exited } })
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => reject(new Error(`服务没有启动（退出码 ${code}）：\n${output}`)))
  })
}

it('install.sh 装成系统服务：服务按装好的路径启动三办；再装一次是升级（先停服务）；uninstall.sh 删除程序和服务，数据和密钥保留', async () => {
  const base = tempFolder('sanban-systemd-')
  const bin = stubs(base)
  const unitDir = join(base, 'systemd')
  mkdirSync(unitDir)
  const prefix = join(officeFolder(), 'opt', '三办')
  const data = join(base, 'var lib', '数据')
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, SANBAN_SYSTEMD_DIR: unitDir }
  const calls = () => readFileSync(join(base, 'calls.log'), 'utf8')
  const top = unpack('x64', officeFolder())

  const installed = spawnSync('/bin/bash', [join(top, 'install.sh'), '--prefix', prefix, '--data', data, '--port', '0'], { env, encoding: 'utf8' })
  expect(installed.stderr).toBe('')
  expect(installed.stdout).toContain(`三办 ${VERSION} 已安装并启动（系统服务 sanban，开机自动启动）`)
  expect(calls()).toContain('useradd --system')
  expect(calls()).toMatch(/systemctl daemon-reload\nsystemctl enable --now sanban\n/)
  const unit = readFileSync(join(unitDir, 'sanban.service'), 'utf8')
  expect(unit).toContain(`ExecStart="${prefix}/sanban" --data "${data}" --key-file "${data}.key" --port 0 --intranet --no-demo`)
  expect(unit).toMatch(/^User=sanban$/m)

  const service = await startAsUnit(unit)
  await service.stop()
  expect(service.output).toContain(`数据目录：${data}`)
  expect(existsSync(join(data, '初始账户密码.txt')), '安装说明让管理员到这里看初始密码').toBe(true)
  const key = readFileSync(`${data}.key`)

  // Installing again while the service runs is the upgrade: stop, replace, start.
  writeFileSync(join(base, 'calls.log'), '')
  const again = spawnSync('/bin/bash', [join(top, 'install.sh'), '--prefix', prefix, '--data', data, '--port', '0'], { env: { ...env, ACTIVE: '0' }, encoding: 'utf8' })
  expect(again.status).toBe(0)
  expect(again.stdout).toContain('已升级并重新启动三办服务')
  expect(calls()).toMatch(/systemctl stop sanban\n(.|\n)*systemctl enable --now sanban\n/)

  const removed = spawnSync('/bin/bash', [join(prefix, 'uninstall.sh'), '--prefix', prefix], { env, encoding: 'utf8' })
  expect(removed.status).toBe(0)
  expect(removed.stdout).toContain(`数据目录 ${data} 和密钥文件未删除`)
  expect(existsSync(prefix)).toBe(false)
  expect(existsSync(join(unitDir, 'sanban.service'))).toBe(false)
  expect(existsSync(join(data, 'sanban.sqlite'))).toBe(true)
  expect(readFileSync(`${data}.key`)).toEqual(key)
}, 240_000)
