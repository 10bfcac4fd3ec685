/** What a backup holds, written last (after its checks pass) and read first when it is restored. */
import { z } from 'zod'
import { BACKUP_KINDS } from './rules'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const manifestSchema = z.object({
  format: z.literal('sanban-backup'),
  formatVersion: z.literal(1),
  appVersion: z.string(),
  /** The last migration applied to the copy (drizzle's journal timestamp and the migration's hash). */
  migration: z.object({ createdAt: z.number().int(), hash: z.string() }),
  createdAt: z.iso.datetime(),
  kind: z.enum(BACKUP_KINDS),
  database: z.object({ size: z.number().int().nonnegative(), sha256, integrity: z.literal('ok') }),
  /** Every attachment the copy refers to, each checked against its checksum when copied. */
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256 })),
  /** Attachments the database refers to that were missing or damaged in the data folder when the backup was taken. */
  missingFiles: z.array(z.object({ path: z.string(), reason: z.string() })),
  /** Row counts of the main tables, for the administrator's eye. */
  counts: z.record(z.string(), z.number().int()),
})
export type Manifest = z.output<typeof manifestSchema>
