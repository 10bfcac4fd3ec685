import { query, offThreadMutation } from '../kernel/procedure'
import { CLERKS } from '../common/roles'
import { readInput, checkInput, progressInput, confirmInput, templateInput } from './contract'
import { checkImport, confirmImport, importProgress, readImport, requireImporter } from './service'
import { importTemplate } from './templates'

/** Each call refused for a 文秘 or 科长 the office has not designated (设置—导入人员), before anything is read. */
const byImporter = <C extends Parameters<typeof requireImporter>[0], I, O>(handler: (ctx: C, input: I) => O) => (ctx: C, input: I): O => {
  requireImporter(ctx)
  return handler(ctx, input)
}

/**
 * 导入 of the office's past (issue 18), by the roles the office designates (科长 by default). Reading and the dry run are queries: they write nothing (the
 * job is held in memory) and may take their time in chunks; only 确认导入 writes, in one transaction on a worker
 * thread of its own, the request thread's other writes waiting for it (rpc/router.ts).
 */
export const importProcedures = {
  'imports.read': query({
    summary: '读取要导入的Excel或CSV文件，给出列的对应',
    access: CLERKS,
    input: readInput,
    handler: byImporter(readImport),
  }),
  'imports.check': query({
    summary: '试导入：逐行检查，列出不能导入的行，不写入任何数据',
    access: CLERKS,
    input: checkInput,
    handler: byImporter(checkImport),
  }),
  'imports.progress': query({
    summary: '导入的进度',
    access: CLERKS,
    input: progressInput,
    handler: byImporter((ctx, input) => importProgress(ctx, input.jobId)),
  }),
  'imports.confirm': offThreadMutation({
    summary: '确认导入：把检查通过的行一次写入（全部写入或全部不写）',
    access: CLERKS,
    input: confirmInput,
    handler: byImporter(confirmImport),
  }),
  'imports.template': query({
    summary: '下载导入模板（Excel）',
    access: CLERKS,
    input: templateInput,
    handler: byImporter((_ctx, input) => importTemplate(input.kind)),
  }),
}
