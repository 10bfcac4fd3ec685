import { ActionIcon, Button, Checkbox, Group, NumberInput, SimpleGrid, Table, Text, TextInput } from '@mantine/core'
import { SettingsForm, type Settings } from './SettingsForm'
import { RECLASSIFIER_ROLES } from '../../../src-main/common/reclassification'
import { cite } from '../../../src-main/common/rules'

type Series = Settings['documentSeries'][number]
const DAYS: { key: keyof Settings['handlingWorkingDays']; label: string }[] = [
  { key: '无', label: '一般件' }, { key: '加急', label: '加急件' }, { key: '特急', label: '特急件' },
]

/** The acts the office designates 文秘 and/or 科长 for: each a choice of roles. */
const DESIGNATED: { key: 'reclassifyRoles' | 'meetingCorrectionRoles' | 'voidRoles' | 'importRoles'; label: string; description: string }[] = [
  { key: 'reclassifyRoles', label: '定密变更人员', description: '可以变更收文、发文和议题密级或保密期限的角色（须写明理由并经领导批准）' },
  { key: 'meetingCorrectionRoles', label: '会议更正人员', description: '会议召开后、纪要签发前，可以重新打开会议或更正出席、请假、会前协商情况的角色（须写明理由）' },
  { key: 'voidRoles', label: '公文作废人员', description: '可以作废重复登记的收文、放弃的发文稿（印发前）的角色（须写明理由，作废后不可恢复，收文号和发文字号不再使用）' },
  { key: 'importRoles', label: '导入人员', description: '可以从Excel、CSV导入往年登记簿、组织机构、建议提案和督办台账的角色（每次导入记一条审计记录）' },
]

/**
 * 公文设置 (R-D6, R-D7, X-1): the 发文字号 series (代字, issuing body, red mark, 信函), the time limits by urgency, and
 * who may make a 定密变更 (issue 14), correct a held meeting (issue 15), void a paper (issue 16) and import (issue 18).
 */
export function DocumentSettingsForm() {
  return (
    <SettingsForm title="公文设置" description={`发文字号按代字分序列、每年从1号编起（GB/T 9704-2012 发文字号）；收文交办的办理时限按紧急程度计工作日（${cite('R-D7')}）。`}>
      {(form, set) => {
        const series = form.documentSeries
        const change = (i: number, patch: Partial<Series>) => set({ documentSeries: series.map((s, j) => (j === i ? { ...s, ...patch } : s)) })
        return (
          <>
            <Table aria-label="发文字号序列" withTableBorder>
              <Table.Thead>
                <Table.Tr><Table.Th>机关代字</Table.Th><Table.Th>发文机关</Table.Th><Table.Th>发文机关标志（红头）</Table.Th><Table.Th w={90}>信函格式</Table.Th><Table.Th>部门（部门发文）</Table.Th><Table.Th w={1} /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {series.map((s, i) => (
                  <Table.Tr key={i}>
                    <Table.Td><TextInput aria-label="机关代字" value={s.code} onChange={(e) => change(i, { code: e.currentTarget.value })} /></Table.Td>
                    <Table.Td><TextInput aria-label="发文机关" value={s.issuer} onChange={(e) => change(i, { issuer: e.currentTarget.value })} /></Table.Td>
                    <Table.Td><TextInput aria-label="发文机关标志" value={s.mark} onChange={(e) => change(i, { mark: e.currentTarget.value })} /></Table.Td>
                    <Table.Td><Checkbox aria-label="信函格式" checked={s.letter} onChange={(e) => change(i, { letter: e.currentTarget.checked })} /></Table.Td>
                    {/* R-D5: a department's own series, for its directives to the counties “经市政府同意” (issue 16) */}
                    <Table.Td><TextInput aria-label="部门" placeholder="政府序列不填" value={s.department ?? ''} onChange={(e) => change(i, { department: e.currentTarget.value || undefined })} /></Table.Td>
                    <Table.Td><ActionIcon variant="subtle" color="red" aria-label="删除此序列" disabled={series.length === 1}
                      onClick={() => set({ documentSeries: series.filter((_, j) => j !== i) })}>×</ActionIcon></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">已编号的发文保留原字号；删除序列不影响已有发文。部门向县（区）政府的指示性公文（{cite('R-D5')}）用“部门”一栏为该部门设置的序列。</Text>
              <Button size="xs" variant="default" onClick={() => set({ documentSeries: [...series, { code: '', issuer: form.governmentName, mark: `${form.governmentName}文件`, letter: false }] })}>增加序列</Button>
            </Group>
            <SimpleGrid cols={3} spacing="sm">
              {DAYS.map((d) => (
                <NumberInput key={d.key} label={`${d.label}办理时限（工作日）`} value={form.handlingWorkingDays[d.key]} min={1} max={60} allowDecimal={false}
                  onChange={(v) => set({ handlingWorkingDays: { ...form.handlingWorkingDays, [d.key]: typeof v === 'number' ? v : Number(v) || 0 } })} />
              ))}
            </SimpleGrid>
            <NumberInput label="临期提醒提前（工作日）" description="收文、承办和督办在期限前几个工作日起提醒文秘和科长（提醒）" w={260}
              value={form.reminderWorkingDays} min={1} max={15} allowDecimal={false}
              onChange={(v) => set({ reminderWorkingDays: typeof v === 'number' ? v : Number(v) || 0 })} />
            {DESIGNATED.map((d) => (
              <Checkbox.Group key={d.key} label={d.label} description={`${d.description}；至少一个`}
                value={form[d.key]} onChange={(v) => set({ [d.key]: v as Settings[typeof d.key] })}>
                <Group gap="lg" mt={6}>{RECLASSIFIER_ROLES.map((r) => <Checkbox key={r} value={r} label={r} />)}</Group>
              </Checkbox.Group>
            ))}
          </>
        )
      }}
    </SettingsForm>
  )
}
