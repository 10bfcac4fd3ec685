import { query, offThreadMutation } from '../kernel/procedure'
import { REVIEWERS } from '../common/roles'
import { readInput, checkInput, progressInput, confirmInput, templateInput } from './contract'
import { checkImport, confirmImport, importProgress, readImport } from './service'
import { importTemplate } from './templates'

/**
 * 导入 of the office's past (issue 18), by the 科长. Reading and the dry run are queries: they write nothing (the
 * job is held in memory) and may take their time in chunks; only 确认导入 writes, in one transaction on a worker
 * thread of its own, the request thread's other writes waiting for it (rpc/router.ts).
 */
export const importProcedures = {
  'imports.read': query({
    summary: '读取要导入的Excel或CSV文件，给出列的对应',
    access: REVIEWERS,
    input: readInput,
    handler: readImport,
  }),
  'imports.check': query({
    summary: '试导入：逐行检查，列出不能导入的行，不写入任何数据',
    access: REVIEWERS,
    input: checkInput,
    handler: checkImport,
  }),
  'imports.progress': query({
    summary: '导入的进度',
    access: REVIEWERS,
    input: progressInput,
    handler: (ctx, input) => importProgress(ctx, input.jobId),
  }),
  'imports.confirm': offThreadMutation({
    summary: '确认导入：把检查通过的行一次写入（全部写入或全部不写）',
    access: REVIEWERS,
    input: confirmInput,
    handler: confirmImport,
  }),
  'imports.template': query({
    summary: '下载导入模板（Excel）',
    access: REVIEWERS,
    input: templateInput,
    handler: (_ctx, input) => importTemplate(input.kind),
  }),
}
