/**
 * `npm run bench`, Word files (issue 7): a 常务会议 纪要, a ten-page 公文 and a month's office duty roster, each built
 * the way its export procedure builds it — reading the rows from the ten-year database every time — as 科长 (机密).
 * The same 纪要 is also built by python-docx (Debian's python3-docx) from the same data, in the same run, as the peer.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { openConnection, type ReadDb } from '../src-main/db/connection'
import { sqliteOf } from '../src-main/audit/chain'
import { loadSessionUser } from '../src-main/auth/sessions'
import { readSettings } from '../src-main/settings/service'
import type { Reader } from '../src-main/security/clearance'
import { getMinutes } from '../src-main/meetings/minutes/service'
import { minutesPrint } from '../src-main/meetings/prints'
import { minutesDocx, type MinutesPrint } from '../src-main/meetings/docx'
import { requireOutgoing } from '../src-main/documents/outgoing/service'
import { officialDocumentPrint } from '../src-main/documents/print/prints'
import { seriesForPrint } from '../src-main/settings/series'
import { officialDocumentDocx } from '../src-main/documents/print/docx'
import { getRoster } from '../src-main/duty/service'
import { rosterDocx } from '../src-main/duty/docx'
import { dutyPhone } from '../src-main/duty/prints'
import type { BenchOffice } from './dataset'
import { LONG_BODY_EVERY } from './seed-large'
import { latencyRow, timeAsync, type Row, type Timings } from './measure'
import type { Part } from './run'

const LIMIT_MS = 40
const RUNS = 30
const WARMUP = 3
const TOPICS_WANTED = 20
const PYTHON = '/usr/bin/python3'
const PEER_SCRIPT = join(__dirname, 'python-docx-minutes.py')
const PEER_NAME = 'python-docx 同样的纪要'
const NO_PEER = '未安装 python3-docx（apt install python3-docx）'

/** One Word file as its export procedure makes it, from reading the rows to the finished bytes. */
export interface WordCase { operation: string; chosen: string; build: () => Promise<Buffer> }

/** The held 常务会议 whose signed 纪要 has the number of 议定事项 nearest 20; the latest of equals. */
export function minutesMeeting(db: ReadDb): { meetingId: number; decisions: number } {
  return sqliteOf(db).prepare(`
    SELECT m.id AS meetingId, count(d.id) AS decisions
    FROM meetings m JOIN meeting_types t ON t.id = m.type_id JOIN minutes mi ON mi.meeting_id = m.id
    JOIN meeting_decisions d ON d.minutes_id = mi.id
    WHERE t.kind = '常务会议' AND m.status = '已召开'
    GROUP BY m.id ORDER BY abs(count(d.id) - ?), m.date DESC, m.id DESC LIMIT 1`).get(TOPICS_WANTED) as { meetingId: number; decisions: number }
}

/** The latest 已印发 发文 with the ten-page body (every LONG_BODY_EVERY-th), printed as a 文件 rather than a 信函. */
function longDocument(db: ReadDb): number {
  const settings = readSettings(db)
  const rows = sqliteOf(db).prepare(`SELECT id, series FROM outgoing_documents WHERE id % ? = 0 AND status = '已印发' ORDER BY id DESC`)
    .all(LONG_BODY_EVERY) as { id: number; series: string }[]
  const row = rows.find((r) => !seriesForPrint(settings, r.series).letter) ?? rows[0]
  if (!row) throw new Error('基准数据里没有长篇发文')
  return row.id
}

/** The latest published 办公室值班 roster covering one whole calendar month. */
function monthRoster(db: ReadDb): number {
  const row = sqliteOf(db).prepare(`SELECT id FROM rosters WHERE kind = '办公室值班' AND status = '已发布'
    AND substr(from_date, 9) = '01' AND to_date = date(from_date, '+1 month', '-1 day') ORDER BY from_date DESC LIMIT 1`).get() as { id: number } | undefined
  if (!row) throw new Error('基准数据里没有整月的办公室值班表')
  return row.id
}

/** The three files, each reading its data as the procedure does (minutes.exportDocx, outgoing.exportDocumentDocx, duty.exportRosterDocx). */
export function wordCases(reader: Reader, today: string): { cases: WordCase[]; minutesData: () => MinutesPrint } {
  const { db } = reader
  const meeting = minutesMeeting(db)
  const minutesData = () => minutesPrint(getMinutes(reader, meeting.meetingId, today), readSettings(db), today)
  const documentId = longDocument(db)
  const rosterId = monthRoster(db)
  return {
    minutesData,
    cases: [
      {
        operation: `Word：常务会议纪要（${meeting.decisions}个议题）`,
        chosen: `会议 ${meeting.meetingId}，${meeting.decisions} 项议定事项`,
        build: () => minutesDocx(minutesData()),
      },
      {
        operation: 'Word：公文（10页）',
        chosen: `发文 ${documentId}`,
        build: () => officialDocumentDocx(officialDocumentPrint(requireOutgoing(reader, documentId), readSettings(db), today)),
      },
      {
        operation: 'Word：值班表（一个月）',
        chosen: `值班表 ${rosterId}`,
        build: () => rosterDocx(getRoster(db, rosterId), { ...readSettings(db), dutyPhone: dutyPhone(db) }),
      },
    ],
  }
}

/** The peer's median (ms) building the same 纪要, or why it could not be measured. */
function pythonDocx(data: MinutesPrint): { median: number; p95: number } | { missing: string } {
  const result = spawnSync(PYTHON, [PEER_SCRIPT], {
    input: JSON.stringify({ runs: RUNS, warmup: WARMUP, minutes: data }),
    encoding: 'utf8',
    timeout: 300_000,
  })
  if (result.error || result.status === 3) return { missing: NO_PEER }
  if (result.status !== 0) return { missing: `python-docx 运行失败：${(result.stderr || result.stdout).trim().split('\n').at(-1)}` }
  return JSON.parse(result.stdout) as { median: number; p95: number }
}

/** The 纪要's row, held also to being faster than python-docx building the same 纪要 (or saying why it could not be measured). */
function withPeer(operation: string, t: Timings, data: MinutesPrint, log: (line: string) => void): Row {
  const peer = pythonDocx(data)
  if ('missing' in peer) {
    log(peer.missing)
    // Half the target cannot be checked without the peer: the row is not judged (—), never called 达标.
    const row = latencyRow(operation, t, { median: LIMIT_MS })
    return { ...row, target: `${row.target}，快于 python-docx（未能测得，不评定）`, met: undefined }
  }
  log(`${PEER_NAME}：中位数 ${peer.median.toFixed(1)} ms，p95 ${peer.p95.toFixed(1)} ms（不含解释器启动）`)
  return latencyRow(operation, t, { median: LIMIT_MS, faster: 1 }, { name: PEER_NAME, median: peer.median })
}

export const wordPart: Part = async (office: BenchOffice, log) => {
  const conn = openConnection(office.file, office.key)
  try {
    const kezhang = conn.sqlite.prepare("SELECT id FROM users WHERE username = 'kezhang'").pluck().get() as number
    const reader: Reader = { db: conn.db, user: loadSessionUser(conn.db, kezhang) }
    const { cases, minutesData } = wordCases(reader, office.today)
    const rows: Row[] = []
    for (const c of cases) {
      const bytes = (await c.build()).length
      const t = await timeAsync(c.build, RUNS, WARMUP)
      log(`${c.operation}：${c.chosen}，${Math.round(bytes / 1024)} KB，中位数 ${t.median.toFixed(1)} ms`)
      rows.push(c === cases[0] ? withPeer(c.operation, t, minutesData(), log) : latencyRow(c.operation, t, { median: LIMIT_MS }))
    }
    return rows
  } finally {
    conn.sqlite.close()
  }
}
