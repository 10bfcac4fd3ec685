/** File limits the window checks before sending and the main process enforces (files/uploads.ts). */

/** 20 MB per file: a scanned 议题审批表 or a topic file with its annexes fits. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** The refusal of a file over the limit, the same whichever side notices. */
export const fileTooLargeMessage = (name?: string) =>
  `文件${name ? `「${name}」` : ''}超过${MAX_FILE_BYTES / 1024 / 1024}MB，不能上传；请压缩或拆分后再上传`
