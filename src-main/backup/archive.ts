/**
 * The whole-office export is one tar file (POSIX ustar): one file to carry to a new PC, readable by
 * standard tools. Reading checks every entry, because the file comes from outside: only a backup's own
 * entry names are accepted, so an archive cannot write anywhere but its own folder.
 */
import { open, mkdir, stat, type FileHandle } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { AppError } from '../kernel/errors'
import { isBackupEntry } from './rules'

const BLOCK = 512
const CHUNK = 1024 * 1024
/** ustar's 11 octal digits of size. */
const MAX_ENTRY = 8 ** 11 - 1

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK)
  const put = (value: string, offset: number, length: number) => h.write(value, offset, length, 'utf8')
  const octal = (n: number, length: number) => n.toString(8).padStart(length - 1, '0')
  put(name, 0, 100)
  put(octal(0o644, 8), 100, 8)
  put(octal(0, 8), 108, 8)
  put(octal(0, 8), 116, 8)
  put(octal(size, 12), 124, 12)
  put(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12)
  h.fill(' ', 148, 156)
  put('0', 156, 1)
  put('ustar\u000000', 257, 8)
  put(octal(checksum(h), 7), 148, 7)
  return h
}

const checksum = (h: Buffer): number => {
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]
  return sum
}

async function copyRange(from: FileHandle, to: FileHandle, fromAt: number, toAt: number, length: number): Promise<void> {
  const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(length, 1)))
  for (let done = 0; done < length;) {
    const { bytesRead } = await from.read(buffer, 0, Math.min(buffer.length, length - done), fromAt + done)
    if (bytesRead === 0) throw new AppError('VALIDATION', '文件比记录的短，可能不完整')
    await to.write(buffer, 0, bytesRead, toAt + done)
    done += bytesRead
  }
}

/** Writes `entries` (paths relative to `root`) into one tar file; `progress` sees the share of bytes written. */
export async function writeTar(file: string, root: string, entries: string[], progress: (fraction: number) => void): Promise<void> {
  const sizes = await Promise.all(entries.map(async (e) => (await stat(join(root, e))).size))
  const total = sizes.reduce((a, b) => a + b, 0) || 1
  const out = await open(file, 'w')
  try {
    let at = 0
    let written = 0
    for (const [i, entry] of entries.entries()) {
      if (sizes[i] > MAX_ENTRY) throw new AppError('INTERNAL', `${entry} 超过 8GB，无法导出为一个文件`)
      await out.write(header(entry, sizes[i], new Date()), 0, BLOCK, at)
      at += BLOCK
      const source = await open(join(root, entry), 'r')
      try { await copyRange(source, out, 0, at, sizes[i]) } finally { await source.close() }
      at += Math.ceil(sizes[i] / BLOCK) * BLOCK
      written += sizes[i]
      progress(written / total)
    }
    await out.write(Buffer.alloc(BLOCK * 2), 0, BLOCK * 2, at)
    await out.truncate(at + BLOCK * 2)
    await out.sync()
  } finally {
    await out.close()
  }
}

const notAnExport = (why: string) => new AppError('VALIDATION', `所选文件不是三办导出的数据文件（${why}），未作任何改动`)

function parseHeader(h: Buffer): { name: string; size: number } | null {
  if (h.every((b) => b === 0)) return null
  const text = (offset: number, length: number) => h.toString('utf8', offset, offset + length).replace(/\0.*$/s, '')
  if (!text(257, 6).startsWith('ustar') || Number.parseInt(text(148, 8).trim(), 8) !== checksum(h)) throw notAnExport('文件头校验不符')
  const type = text(156, 1)
  const name = text(0, 100)
  const size = Number.parseInt(text(124, 12).trim(), 8)
  if ((type !== '0' && type !== '') || !isBackupEntry(name) || !Number.isSafeInteger(size) || size < 0) throw notAnExport(`含有不应有的内容「${name.slice(0, 80)}」`)
  return { name, size }
}

/** Extracts a whole-office export into `folder` (which must be empty), entry by entry, refusing anything unexpected. */
export async function readTar(file: string, folder: string, progress: (fraction: number) => void): Promise<void> {
  const input = await open(file, 'r')
  try {
    const total = (await input.stat()).size
    const h = Buffer.alloc(BLOCK)
    const seen = new Set<string>()
    for (let at = 0; ;) {
      if ((await input.read(h, 0, BLOCK, at)).bytesRead < BLOCK) throw notAnExport('文件不完整')
      const entry = parseHeader(h)
      if (!entry) return
      if (seen.has(entry.name)) throw notAnExport(`重复的内容「${entry.name}」`)
      seen.add(entry.name)
      at += BLOCK
      const dest = join(folder, entry.name)
      await mkdir(dirname(dest), { recursive: true })
      const out = await open(dest, 'wx')
      try { await copyRange(input, out, at, 0, entry.size); await out.sync() } finally { await out.close() }
      at += Math.ceil(entry.size / BLOCK) * BLOCK
      progress(at / total)
    }
  } finally {
    await input.close()
  }
}
