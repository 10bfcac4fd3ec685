/** 导入's inputs (issue 18), defined once: the procedures check calls against them, the service takes their output types. */
import { z } from 'zod'
import { text } from '../kernel/fields'
import { IMPORT_KINDS } from '../common/imports'

const kind = z.enum(IMPORT_KINDS).describe('导入类别')
const jobId = z.string().describe('导入编号').min(8).max(40)
/** field key → the header of the column it is read from. */
const mapping = z.record(z.string().max(40), z.string().max(200)).describe('列对应')

export const readInput = z.object({
  kind,
  fileName: text('文件名', 200),
  /** The file's bytes, base64 (the body limit when signed in, 8 MB, holds a 5 MB file). */
  content: z.string().describe('文件内容').max(7_200_000, '文件超过5MB，请分成几个文件分别导入'),
})
export const checkInput = z.object({ jobId, mapping })
export const progressInput = z.object({ jobId })
export const confirmInput = z.object({ jobId, saveMapping: z.boolean().describe('保存列对应').default(true) })
export const templateInput = z.object({ kind })
