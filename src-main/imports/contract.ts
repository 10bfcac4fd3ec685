/** 导入's inputs (issue 18), defined once: the procedures check calls against them, the service takes their output types. */
import { z } from 'zod'
import { IMPORT_KINDS } from '../common/imports'
import { uploadSchema } from '../files/service'
import { KINDS } from './kinds'
import type { Mapping } from './rules'

const kind = z.enum(IMPORT_KINDS).describe('导入类别')
const jobId = z.string().describe('导入编号').min(8).max(40)
/** Every field any kind reads: a mapping's keys come from these, so its size is bounded (rpc/body.ts limits). */
const FIELD_KEYS = [...new Set(Object.values(KINDS).flatMap((k) => k.fields.map((f) => f.key)))] as [string, ...string[]]
/** field key → the header of the column it is read from. */
const mapping = z.partialRecord(z.enum(FIELD_KEYS), z.string().max(200)).describe('列对应')
  .transform((m): Mapping => Object.fromEntries(Object.entries(m).filter((e): e is [string, string] => e[1] !== undefined)))

/** The file travels ahead as an upload (POST /upload or the desktop's channel), never inside the call. */
export const readInput = z.object({ kind, file: uploadSchema })
export const checkInput = z.object({ jobId, mapping })
export const progressInput = z.object({ jobId })
export const confirmInput = z.object({ jobId, saveMapping: z.boolean().describe('保存列对应').default(true) })
export const templateInput = z.object({ kind })
