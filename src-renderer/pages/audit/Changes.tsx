import { Badge, Text } from '@mantine/core'
import type { OutputOf } from '../../api/client'

type AuditRow = OutputOf<'audit.list'>['rows'][number]

/**
 * What one action changed, as the server labelled it (audit/view.ts): a created or deleted record in full,
 * otherwise field: before → after. A 秘密/机密 record's content never arrives here; the server says so instead.
 */
export function Changes({ row }: { row: AuditRow }) {
  if (!row.items.length) return <Text size="xs" c="dimmed">—</Text>
  const whole = row.kind === '新建' || row.kind === '删除'
  return (
    <div className="sb-changes">
      {whole && <Badge size="xs" variant="light" color={row.kind === '新建' ? 'green' : 'red'} mr={6}>{row.kind}</Badge>}
      {row.items.map((i, n) => (
        <div key={n} style={whole ? { display: 'inline' } : undefined}>
          {whole && n > 0 && '；'}
          <span className="sb-changes-key">{i.field}：</span>
          {i.before !== null && <><span className="sb-changes-old">{i.before}</span> → </>}
          {i.field === '内容' && row.withheld
            ? <span style={{ color: 'var(--mantine-color-gray-7)', fontStyle: 'italic' }}>{i.after}</span>
            : <span className="sb-changes-new">{i.after}</span>}
        </div>
      ))}
    </div>
  )
}
