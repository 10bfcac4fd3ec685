/** The words for every start-up failure the system reports in its own terms (system/startup-errors.ts). */
import { describe, expect, it } from 'vitest'
import { startupMessage, type StartupContext } from '../../src-main/system/startup-errors'
import { DataDirBusyError, busyRemedy } from '../../src-main/system/data-lock'

const ctx: StartupContext = {
  dataDir: '/srv/sanban', databaseFile: '/srv/sanban/sanban.sqlite', keyFile: '/srv/sanban.key', port: 5730,
  freeMb: 20_000, newestBackup: '/srv/sanban/backups/三办备份-2026-11-24-1230-定时/sanban.sqlite', dataDirAccess: 'ok',
}
const sys = (code: string, extra: object = {}) => Object.assign(new Error(`${code}: system text`), { code, ...extra })
const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code })

const cases: [string, unknown, Partial<StartupContext>, RegExp][] = [
  ['busy port', sys('EADDRINUSE', { syscall: 'listen' }), {}, /^端口 5730 已被其他程序占用.*--port 5731/],
  ['port below 1024 without rights', sys('EACCES', { syscall: 'listen' }), { port: 80 }, /没有权限监听端口 80.*--port/],
  ['no permission on a file', sys('EACCES', { syscall: 'open', path: '/srv/sanban/sanban.lock' }), {}, /^没有读写权限：\/srv\/sanban\/sanban\.lock.*chown/],
  ['read-only disk (errno)', sys('EROFS'), {}, /所在的磁盘是只读的.*重新挂载/],
  ['data path is a file (mkdir)', sys('EEXIST'), {}, /^数据路径 \/srv\/sanban 是一个文件，不是文件夹.*--data/],
  ['data path under a file', sys('ENOTDIR'), {}, /是一个文件，不是文件夹/],
  ['disk full (errno)', sys('ENOSPC'), { freeMb: 0 }, /^磁盘空间不足（剩余 0 MB）.*删除不需要的文件/],
  ['disk full (SQLite)', sqlite('SQLITE_FULL', 'database or disk is full'), { freeMb: 3 }, /^磁盘空间不足（剩余 3 MB）/],
  ['disk I/O error on a nearly full disk', sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'), { freeMb: 1 }, /^磁盘空间不足（剩余 1 MB）/],
  ['disk I/O error with space left', sqlite('SQLITE_IOERR_READ', 'disk I/O error'), {}, /^读写数据库文件 .* 时磁盘出错（SQLITE_IOERR_READ）.*检查磁盘.*请恢复备份/],
  ['malformed database', sqlite('SQLITE_CORRUPT', 'database disk image is malformed'), {}, /^数据库文件 \/srv\/sanban\/sanban\.sqlite 已损坏.*请恢复备份.*三办备份-2026-11-24-1230-定时/],
  ['corrupt index', sqlite('SQLITE_CORRUPT_INDEX', 'malformed'), { newestBackup: null }, /已损坏.*请恢复备份.*backups 文件夹/],
  ['not a database', sqlite('SQLITE_NOTADB', 'file is not a database'), {}, /已损坏.*请恢复备份/],
  ['readonly database, no permission', sqlite('SQLITE_READONLY', 'attempt to write a readonly database'), { dataDirAccess: 'EACCES' }, /^没有读写权限：\/srv\/sanban。/],
  ['readonly database on a read-only disk', sqlite('SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database'), { dataDirAccess: 'EROFS' }, /磁盘是只读的/],
  ['cannot open, read-only mount', sqlite('SQLITE_CANTOPEN', 'unable to open database file'), { dataDirAccess: 'EROFS' }, /磁盘是只读的/],
  ['cannot open, permissions', sqlite('SQLITE_CANTOPEN', 'unable to open database file'), {}, /^没有读写权限：\/srv\/sanban\/sanban\.sqlite（或数据目录/],
  ['database held by another program', sqlite('SQLITE_BUSY', 'database is locked'), {}, /正被其他程序打开.*关闭它/],
  ['Sanban\'s own refusal passes as it is', new Error('数据库密钥不正确：用所给的密钥无法打开 …'), {}, /^数据库密钥不正确：用所给的密钥无法打开 …$/],
  ['the folder in use', new DataDirBusyError({ pid: 42, mode: 'server', since: '2026-11-25T01:30:00Z', port: 5730, token: 'x' }, '/srv/sanban', busyRemedy(null)), {}, /^数据目录 \/srv\/sanban 正由三办服务器（进程 42，.*端口 5730）使用/],
  ['anything else', new TypeError('Cannot read properties of undefined'), {}, /^发生了未预料的错误（Cannot read properties of undefined）。请把这条信息告诉维护人员。/],
]

describe('start-up failures in the operator\'s words', () => {
  it.each(cases)('%s', (_name, error, over, expected) => {
    const message = startupMessage(error, { ...ctx, ...over })
    expect(message).toMatch(expected)
    expect(message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('every mapped message says that no file was changed, or how to restore', () => {
    for (const [, error, over] of cases.slice(0, 18)) expect(startupMessage(error, { ...ctx, ...over })).toMatch(/本次未改动任何文件|请恢复备份/)
  })
})
