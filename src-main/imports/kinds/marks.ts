/**
 * How an imported record is told from one registered here: 收文's 登记人 reads “张三（导入）”, a 发文's 附注 starts with
 * 历史发文（导入）. A later import may update only records an import brought in; a number already used by a
 * document handled in this system is refused as a duplicate, never overwritten.
 */
export const IMPORTED_MARK = '（导入）'
export const importedBy = (by: string) => `${by}${IMPORTED_MARK}`
export const IMPORTED_NOTE = '历史发文（导入）'
