/**
 * Files arrive before the action that keeps them (issue 21): POST /upload, or the desktop's 'upload'
 * channel, streams the bytes through SHA-256, the keyed storage name and AES-256-GCM into a pending file
 * under files/uploads/, and hands back a token. The action (incoming.receive, topics.submit …)
 * then carries { name, mime, upload: token } and storeFile() claims it inside its own transaction. So no
 * call body ever holds a file, and a file is never more than one chunk in memory.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { mkdir, open, rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { Db, ReadDb } from '../db/connection'
import { AppError } from '../kernel/errors'
import { existingFilesDataKey, filesDataKey, Sealer, storageNamer, TAG_OFFSET, unseal } from './crypto'
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../common/files'
import { diskFullMessage, isDiskFull } from '../system/disk-space'

export { MAX_FILE_BYTES }
/** An upload not used by an action within the hour is dropped (the form is filled in and sent by then). */
export const UPLOAD_LIFETIME_MS = 60 * 60_000
/** A 收文 takes up to 50 files; twice that pending per user is plenty, and bounds what one account can park on disk. */
export const MAX_PENDING_PER_USER = 100
/** Pending files end in .tmp: at-rest.ts removes such leftovers at start, so a restart leaves none behind. */
const PENDING_DIR = join('files', 'uploads')

/** A file over MAX_FILE_BYTES: refused as soon as the count passes it (HTTP answers 413). */
export class UploadTooLargeError extends AppError {
  constructor(name?: string) {
    super('VALIDATION', fileTooLargeMessage(name))
  }
}

/** An uploaded file as the claiming action records it. */
export interface ReceivedFile { size: number; sha256: string; path: string }

interface Pending extends ReceivedFile {
  userId: number
  /** The sealed bytes until claimed (null once moved to `path`, or when `path` already held the same bytes). */
  pendingFile: string | null
  /** Which data key sealed it: after a restore that brought another key the upload is stale. */
  keyId: string
  expires: number
}

/** Relative to the data directory: files/ab/ab12…, by the keyed name of the content (crypto.ts storageName). */
export const storedPathOf = (name: string) => join('files', name.slice(0, 2), name)

const staleUpload = (name: string) =>
  new AppError('VALIDATION', `文件「${name}」的上传已失效（超过一小时未提交、服务器已重启或数据已恢复），请重新选择文件`)
const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16)

/**
 * The data key, created in a transaction of its own if this is the office's first file. Read without one otherwise:
 * an upload while an import's worker holds the write lock must not wait for it on the request thread.
 */
const dataKeyOf = (db: Db) => existingFilesDataKey(db) ?? db.$client.transaction(() => filesDataKey(db)).immediate()

/**
 * Seals the chunks into `file` in seal()'s format, counting as it goes: past `limit` it stops reading,
 * removes the file and throws UploadTooLargeError, so an oversized upload is never held whole.
 */
async function sealInto(file: string, key: Buffer, chunks: AsyncIterable<Uint8Array>, limit: number) {
  const sealer = new Sealer(key)
  const sha = createHash('sha256')
  const namer = storageNamer(key)
  const handle = await open(file, 'wx')
  let size = 0
  try {
    await handle.write(sealer.header)
    for await (const chunk of chunks) {
      size += chunk.byteLength
      if (size > limit) throw new UploadTooLargeError()
      sha.update(chunk)
      namer.update(chunk)
      await handle.write(sealer.update(chunk))
    }
    const { rest, tag } = sealer.final()
    await handle.write(rest)
    await handle.write(tag, 0, tag.length, TAG_OFFSET)
    await handle.sync()
  } catch (e) {
    await handle.close()
    await rm(file, { force: true })
    throw e
  }
  await handle.close()
  return { size, sha256: sha.digest('hex'), path: storedPathOf(namer.digest('hex')) }
}

/** The pending uploads of one data directory (one per folder, as the files they point at). */
export class UploadRegistry {
  private readonly pending = new Map<string, Pending>()
  constructor(private readonly dataDir: string, private readonly now: () => number = Date.now) {}

  /** Streams one file in for `userId`; the returned token stands for it in an action for UPLOAD_LIFETIME_MS. */
  async receive(db: Db, userId: number, chunks: AsyncIterable<Uint8Array>, limit = MAX_FILE_BYTES): Promise<{ upload: string; size: number; sha256: string }> {
    this.sweep()
    if ([...this.pending.values()].filter((p) => p.userId === userId).length >= MAX_PENDING_PER_USER) {
      throw new AppError('CONFLICT', `已上传但尚未使用的文件过多（${MAX_PENDING_PER_USER}个），请先提交已上传的文件，或一小时后再试`)
    }
    const key = dataKeyOf(db)
    const pendingFile = join(PENDING_DIR, `${randomBytes(16).toString('hex')}.tmp`)
    await mkdir(join(this.dataDir, PENDING_DIR), { recursive: true })
    const received = await sealInto(join(this.dataDir, pendingFile), key, chunks, limit).catch((e: unknown) => {
      if (isDiskFull(e)) throw new AppError('DISK_FULL', `${diskFullMessage(this.dataDir)}，文件未能保存。请系统管理员清理磁盘后重试`)
      throw e
    })
    if (received.size === 0) {
      rmSync(join(this.dataDir, pendingFile))
      throw new AppError('VALIDATION', '文件为空，不能上传')
    }
    // Synchronous from here on: a sweep or a claim cannot run between the check and the registration.
    const stored = existsSync(join(this.dataDir, received.path))
    if (stored) rmSync(join(this.dataDir, pendingFile))
    const upload = randomBytes(24).toString('base64url')
    this.pending.set(upload, { ...received, userId, pendingFile: stored ? null : pendingFile, keyId: keyId(key), expires: this.now() + UPLOAD_LIFETIME_MS })
    // Not the stored name: it is keyed so that the folder tells no one which known documents it holds.
    return { upload, size: received.size, sha256: received.sha256 }
  }

  /**
   * The uploaded file for an action of `userId`, moved to its stored name (synchronous: it runs inside the
   * action's transaction). A token may be used again until it expires, so an action that was refused and
   * is sent again needs no new upload; a rolled-back action leaves at most an unreferenced stored file.
   */
  claim(db: Db, userId: number | undefined, upload: string, name: string): ReceivedFile {
    const p = this.live(userId, upload, name, filesDataKey(db))
    const target = join(this.dataDir, p.path)
    if (p.pendingFile) {
      const from = join(this.dataDir, p.pendingFile)
      if (!existsSync(from)) throw staleUpload(name)
      if (existsSync(target)) rmSync(from)
      else { mkdirSync(dirname(target), { recursive: true }); renameSync(from, target) }
      p.pendingFile = null
    } else if (!existsSync(target)) throw staleUpload(name)
    return { size: p.size, sha256: p.sha256, path: p.path }
  }

  /**
   * The plain bytes of an upload that is read, not kept (导入 reads a spreadsheet and stores no file): the token
   * is spent and its pending file removed. Checked against its checksum like every stored file.
   */
  read(db: ReadDb, userId: number | undefined, upload: string, name: string): Buffer {
    const key = existingFilesDataKey(db)
    const p = this.live(userId, upload, name, key)
    const full = join(this.dataDir, p.pendingFile ?? p.path)
    if (!key || !existsSync(full)) throw staleUpload(name)
    const bytes = unseal(readFileSync(full), key)
    if (createHash('sha256').update(bytes).digest('hex') !== p.sha256) throw new AppError('CONFLICT', `文件「${name}」上传后校验值不符，请重新选择文件`)
    if (p.pendingFile) rmSync(full, { force: true })
    this.pending.delete(upload)
    return bytes
  }

  /** The pending upload behind a token, if it is this user's, not expired, and sealed with the data key in use. */
  private live(userId: number | undefined, upload: string, name: string, key: Buffer | null): Pending {
    this.sweep()
    const p = this.pending.get(upload)
    if (!p || p.userId !== userId || !key || p.keyId !== keyId(key)) throw staleUpload(name)
    return p
  }

  /** Drops expired uploads and their pending files. */
  private sweep(): void {
    const now = this.now()
    for (const [token, p] of this.pending) {
      if (p.expires > now) continue
      if (p.pendingFile) rmSync(join(this.dataDir, p.pendingFile), { force: true })
      this.pending.delete(token)
    }
  }
}

const registries = new Map<string, UploadRegistry>()

/** The registry of a data directory: the transports receive into it, storeFile() claims from it. */
export function uploadsIn(dataDir: string): UploadRegistry {
  const key = resolve(dataDir)
  let registry = registries.get(key)
  if (!registry) registries.set(key, registry = new UploadRegistry(key))
  return registry
}
