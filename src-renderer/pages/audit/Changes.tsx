import { Badge, Text } from '@mantine/core'
import { formatDate, formatDateTime } from '../../lib/format'
import { fieldLabel } from './labels'

type Row = Record<string, unknown>

/** A stored value as the office reads it. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(v)
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v)
    return v
  }
  if (Array.isArray(v)) return v.length ? v.map(showValue).join('、') : '（空）'
  if (typeof v === 'object') return Object.entries(v as Row).map(([k, x]) => `${fieldLabel(k)}：${showValue(x)}`).join('；')
  return String(v)
}

/** A whole record on one wrapping line: 用户名：zhangmin；姓名：张敏；角色：文秘. */
function Fields({ record }: { record: Row }) {
  const entries = Object.entries(record).filter(([k, v]) => k !== 'id' && v !== null && v !== '' && v !== false)
  return (
    <span>
      {entries.map(([k, v], i) => (
        <span key={k}>{i > 0 && '；'}<span className="sb-changes-key">{fieldLabel(k)}：</span>{showValue(v)}</span>
      ))}
    </span>
  )
}

/** What one action changed: a created or deleted record in full, otherwise field: before → after. */
export function Changes({ changes }: { changes: Row | null }) {
  if (!changes) return <Text size="xs" c="dimmed">—</Text>
  for (const [word, color] of [['新建', 'green'], ['删除', 'red']] as const) {
    if (word in changes && Object.keys(changes).length === 1) {
      const record = changes[word]
      return (
        <div className="sb-changes">
          <Badge size="xs" variant="light" color={color} mr={6}>{word}</Badge>
          {record && typeof record === 'object' ? <Fields record={record as Row} /> : null}
        </div>
      )
    }
  }
  return (
    <div className="sb-changes">
      {Object.entries(changes).map(([k, v]) => {
        const [before, after] = Array.isArray(v) && v.length === 2 ? v : [undefined, v]
        return (
          <div key={k}>
            <span className="sb-changes-key">{fieldLabel(k)}：</span>
            {before !== undefined && <><span className="sb-changes-old">{showValue(before)}</span> → </>}
            <span className="sb-changes-new">{showValue(after)}</span>
          </div>
        )
      })}
    </div>
  )
}
