import { Button, Group, Select } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useQuery } from '../../api/client'
import { AUDIT_DOMAINS, type AuditDomain } from '../../../src-main/common/audit-domains'

export interface AuditFilter {
  range: [string | null, string | null]
  userId: string | null
  domain: AuditDomain | null
  entity: string | null
  classification: '秘密' | '机密' | '涉密' | null
}

export const NO_FILTER: AuditFilter = { range: [null, null], userId: null, domain: null, entity: null, classification: null }

const DOMAINS = AUDIT_DOMAINS.map(({ value, label }) => ({ value, label }))
const LEVELS = [{ value: '涉密', label: '秘密和机密' }, { value: '秘密', label: '秘密' }, { value: '机密', label: '机密' }]

export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const users = useQuery('users.list', {})
  const entities = useQuery('audit.entities', {})
  const set = (patch: Partial<AuditFilter>) => onChange({ ...value, ...patch })
  const userOptions = (users.data ?? []).map((u) => ({ value: String(u.id), label: `${u.displayName}（${u.username}）` }))
  const empty = JSON.stringify(value) === JSON.stringify(NO_FILTER)
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DatePickerInput type="range" label="日期" placeholder="全部日期" w={260} size="xs" clearable
        valueFormat="YYYY年M月D日" labelSeparator="至" value={value.range}
        onChange={(range) => set({ range: range as [string | null, string | null] })} />
      <Select label="操作人" placeholder="全部" w={180} size="xs" clearable data={userOptions} value={value.userId} onChange={(v) => set({ userId: v })} />
      <Select label="业务" placeholder="全部" w={140} size="xs" clearable data={DOMAINS} value={value.domain} onChange={(v) => set({ domain: v as AuditDomain | null })} />
      <Select label="记录类别" placeholder="全部" w={140} size="xs" clearable searchable data={entities.data ?? []} value={value.entity} onChange={(v) => set({ entity: v })} />
      <Select label="密级" placeholder="全部" w={130} size="xs" clearable data={LEVELS} value={value.classification}
        onChange={(v) => set({ classification: v as AuditFilter['classification'] })} />
      <Button variant="default" size="xs" disabled={empty} onClick={() => onChange(NO_FILTER)}>清除筛选</Button>
    </Group>
  )
}
