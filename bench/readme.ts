/**
 * `npm run bench -- --readme`: the README's 性能 figures written from this run (issue 20), so the table, the
 * machine, the data and the seed's time and size always come from one full run on one machine. Only the block
 * from “最近一次（” to the end of the table under it is replaced; the words around it stay as written.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { markdownTable, type Row } from './measure'
import type { BenchOffice } from './dataset'

const README = resolve(__dirname, '..', 'README.md')
const n = (v: number | undefined) => (v ?? 0).toLocaleString('en-US')

/** The ten years in the office's words; 拟办 and 反馈 are fields of the 收文 and 承办 rows, not rows of their own. */
export function dataLine(office: BenchOffice): string {
  const c = office.counts
  const handled = (c.instructions ?? 0) + (c.assignments ?? 0) + (c.chases ?? 0)
  const built = office.built ? `生成用时 ${office.built.seconds} 秒，文件 ${n(office.built.megabytes)} MB` : '生成用时未记录（沿用了较早生成的数据）'
  return `数据：收文 ${n(c.incoming_documents)} 件（办理记录 ${n(handled)} 条：批示与传阅 ${n(c.instructions)}、承办 ${n(c.assignments)}、催办 ${n(c.chases)}；` +
    `拟办、反馈是收文和承办记录里的栏目，不另计），发文 ${n(c.outgoing_documents)} 件，会议 ${n(c.meetings)} 次、议题 ${n(c.topics)} 个、` +
    `出席记录 ${n(c.attendance)} 条、纪要 ${n(c.minutes)} 份，值班表 ${n(c.rosters)} 份、值班记录 ${n(c.duty_log)} 条，督办 ${n(c.follow_ups)} 件；${built}。`
}

export function writeReadme(rows: Row[], machine: string, office: BenchOffice | null): void {
  const text = readFileSync(README, 'utf8')
  const lines = text.split('\n')
  const start = lines.findIndex((l) => l.startsWith('最近一次（'))
  if (start < 0) throw new Error('README.md 里找不到“最近一次（”一行：性能一节的结构变了，请手工更新')
  let end = lines.findIndex((l, i) => i > start && l.startsWith('|'))
  while (end >= 0 && end < lines.length && lines[end].startsWith('|')) end++
  if (end < 0) throw new Error('README.md 性能一节里找不到表格')
  const date = new Date().toISOString().slice(0, 10)
  const block = [`最近一次（${date}，\`npm run bench -- --readme\` 写入）。机器：${machine}。`, ...(office ? [dataLine(office)] : []), '', markdownTable(rows)]
  writeFileSync(README, [...lines.slice(0, start), ...block, ...lines.slice(end)].join('\n'))
}
