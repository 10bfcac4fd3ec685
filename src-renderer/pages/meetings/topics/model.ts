import type { InputOf, OutputOf } from '../../../api/client'

/** The agenda as `meetings.topics` returns it (R-M3). */
export type Agenda = OutputOf<'meetings.topics'>
export type Topic = Agenda['topics'][number]
export type TopicFile = Topic['files'][number]
export type TopicFileKind = InputOf<'meetings.submitTopic'>['files'] extends (infer F)[] | undefined ? F extends { kind: infer K } ? K : never : never

/** The two papers a department delivers with a topic (R-M3), in the order the form asks for them. */
export const TOPIC_FILE_KINDS: readonly TopicFileKind[] = ['议题材料', '议题审批表']

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五: the agenda's item numbers (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]
  const tens = Math.floor(n / 10), ones = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`
}

/** 12 345 bytes → '12.1 KB'. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** A chosen file as the API carries it: name, type and the bytes in base64 (without the data: prefix). */
export function readUpload(file: File): Promise<{ name: string; mime: string; base64: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      resolve({ name: file.name, mime: file.type || 'application/octet-stream', base64: url.slice(url.indexOf(',') + 1) })
    }
    reader.onerror = () => reject(new Error(`无法读取文件「${file.name}」`))
    reader.readAsDataURL(file)
  })
}
