import { Badge, Select } from '@mantine/core'
import { CLASSIFICATIONS, canSee, classificationMark, withinApproval, type Classification } from '../../src-main/common/classification'
import { useSession } from '../lib/session'

/** Why a level cannot be chosen here, or null: the server refuses the same (security/clearance.ts). */
function blockedBecause(level: Classification, approved: Classification, clearance: Parameters<typeof canSee>[0]): string | null {
  if (!withinApproval(approved, level)) return '超出本系统批准的密级'
  if (!canSee(clearance, level)) return '超出您的涉密等级'
  return null
}

/**
 * 密级 for a registration (收文, 发文, 议题): the levels above the system's approval (设置—系统最高密级) or the
 * clerk's own clearance are shown but cannot be chosen, with the reason; 绝密 is not offered at all.
 */
export function ClassificationSelect({ value, onChange, error }: {
  value: Classification
  onChange: (v: Classification) => void
  error?: React.ReactNode
}) {
  const { user, settings } = useSession()
  const approved = settings?.approvedClassification ?? '机密'
  const data = CLASSIFICATIONS.map((c) => {
    const blocked = c === value ? null : blockedBecause(c, approved, user.clearance)
    const label = c === '无' ? '非涉密' : c
    return { value: c, label: blocked ? `${label}（${blocked}）` : label, disabled: !!blocked }
  })
  return (
    <Select label="密级" data={data} value={value} allowDeselect={false} error={error}
      onChange={(v) => v && onChange(v as Classification)} comboboxProps={{ withinPortal: true }} />
  )
}

/** 机密★10年 / 秘密 as a red outlined badge; nothing for a non-classified item. */
export function ClassificationBadge({ classification, period }: { classification: string; period?: string | null }) {
  const mark = classificationMark(classification, period)
  return mark && <Badge variant="outline" radius="sm" color="red" aria-label="密级">{mark}</Badge>
}
