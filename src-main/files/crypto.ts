/**
 * Stored files are encrypted with AES-256-GCM under a data key that lives inside the (encrypted)
 * database: changing the database key re-encrypts that one row, never the files, and a copy of the
 * files folder is useless without the database and its key.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, type CipherGCM } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db, ReadDb } from '../db/connection'
import { settings } from '../settings/schema'

/** Format marker, version 1: MAGIC | 12-byte IV | 16-byte tag | ciphertext. Files before encryption lack it. */
const MAGIC = Buffer.from('SANBANE1', 'latin1')
const IV_BYTES = 12
const TAG_BYTES = 16
/** A reserved settings row: readSettings' schema strips unknown keys, so it never reaches a client. */
const DATA_KEY_SETTING = 'filesDataKey'

export class SealBrokenError extends Error {}

/** The files' data key when one has been made: reading a stored file never creates it. */
export function existingFilesDataKey(db: ReadDb): Buffer | null {
  const row = db.select().from(settings).where(eq(settings.key, DATA_KEY_SETTING)).get()
  return row ? Buffer.from(JSON.parse(row.value) as string, 'hex') : null
}

/** The files' data key, created on first use inside the caller's transaction. */
export function filesDataKey(db: Db): Buffer {
  const existing = existingFilesDataKey(db)
  if (existing) return existing
  const key = randomBytes(32)
  db.insert(settings).values({ key: DATA_KEY_SETTING, value: JSON.stringify(key.toString('hex')) }).run()
  return key
}

/**
 * The name a file is stored under: keyed by the data key, so the same bytes are still stored once,
 * but the folder does not tell anyone whether a document they already know (by its SHA-256) is here.
 */
export function storageName(bytes: Buffer, key: Buffer): string {
  return storageNamer(key).update(bytes).digest('hex')
}

/** storageName() for bytes that come a piece at a time: update with each, digest('hex') at the end. */
export const storageNamer = (key: Buffer) => createHmac('sha256', key)

/** Where the 16-byte tag sits: after MAGIC and the IV. */
export const TAG_OFFSET = MAGIC.length + IV_BYTES

/**
 * seal() a piece at a time, for a file that arrives as a stream (files/uploads.ts): `header` goes first,
 * with zeros where the tag belongs; each `update` gives the next ciphertext; `final` gives the last of it
 * and the tag, which the writer puts at TAG_OFFSET. The result is byte for byte the format seal() writes.
 */
export class Sealer {
  private readonly iv = randomBytes(IV_BYTES)
  private readonly cipher: CipherGCM
  constructor(key: Buffer) {
    this.cipher = createCipheriv('aes-256-gcm', key, this.iv)
    this.cipher.setAAD(MAGIC)
  }
  get header(): Buffer { return Buffer.concat([MAGIC, this.iv, Buffer.alloc(TAG_BYTES)]) }
  update(bytes: Uint8Array): Buffer { return this.cipher.update(bytes) }
  final(): { rest: Buffer; tag: Buffer } {
    const rest = this.cipher.final()
    return { rest, tag: this.cipher.getAuthTag() }
  }
}

export function seal(bytes: Buffer, key: Buffer): Buffer {
  const sealer = new Sealer(key)
  const sealed = Buffer.concat([sealer.header, sealer.update(bytes)])
  const { rest, tag } = sealer.final()
  tag.copy(sealed, TAG_OFFSET)
  return Buffer.concat([sealed, rest])
}

export const isSealed = (stored: Buffer) => stored.subarray(0, MAGIC.length).equals(MAGIC)

/** The plaintext of a stored file; one from before encryption is returned as it is (its checksum is checked by the caller). */
export function unseal(stored: Buffer, key: Buffer): Buffer {
  if (!isSealed(stored)) return stored
  const iv = stored.subarray(MAGIC.length, MAGIC.length + IV_BYTES)
  const tag = stored.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, iv)
  decipher.setAAD(MAGIC)
  decipher.setAuthTag(tag)
  try {
    return Buffer.concat([decipher.update(stored.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()])
  } catch {
    throw new SealBrokenError('authentication failed')
  }
}
