import { designatedProblem } from './roles'
/** 导入 (issue 18): the kinds of the office's past that can be brought in from Excel/CSV, as the page lists them. */
export const IMPORT_KINDS = ['收文登记簿', '发文登记簿', '组织机构', '建议提案', '督办事项'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

/** The kinds this build imports (imports/kinds/index.ts has one reader for each; the page offers these). */
export const IMPORTABLE_KINDS = ['收文登记簿', '发文登记簿', '组织机构', '建议提案', '督办事项'] as const satisfies readonly ImportKind[]
export type ImportableKind = (typeof IMPORTABLE_KINDS)[number]

/** Why this role may not import: 导入 is done by the roles the office designates (设置—导入人员, 科长 by default); null when it may. */
export function importerProblem(role: string, designated: readonly string[]): string | null {
  return designatedProblem(role, designated, { name: '导入', setting: '导入人员', cannot: '导入。' })
}

/** The largest file accepted: an import is read whole into memory (the file itself travels as an upload, not in a call). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

/** The phases of a read, a check and a write, for the page's progress bar. */
export const IMPORT_PHASES = ['读取文件', '检查', '写入', '完成'] as const
