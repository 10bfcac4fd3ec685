/**
 * 附件说明 (GB/T 9704-2012 §7.3.4): `附件：` then the names; several are numbered 1. 2. … (half-width point), one
 * alone is not. Written once here, so the printed 公文 and the pages list the same 附件 the same way.
 */
export const ATTACHMENT_LABEL = '附件：'

/** Each 附件 with the number it is listed under ('' when it is the only one). */
export const attachmentItems = (names: string[]): { number: string; name: string }[] =>
  names.map((name, i) => ({ number: names.length === 1 ? '' : `${i + 1}.`, name }))

/** The 附件 as 附件说明 lists them: '1.考核办法', '2.分配表' — or the name alone. */
export const attachmentTexts = (names: string[]): string[] => attachmentItems(names).map((a) => a.number + a.name)
