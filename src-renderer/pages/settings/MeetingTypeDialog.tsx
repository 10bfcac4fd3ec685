import { useEffect, useState } from 'react'
import { MultiSelect, NumberInput, Select, SimpleGrid, Switch, TagsInput, TextInput, Text } from '@mantine/core'
import { useMutation, type InputOf } from '../../api/client'
import { FormModal } from '../../components/FormModal'
import { POST_KINDS } from '../org/model'
import { MEETING_VIEWS } from '../meetings/model'
import type { MeetingTypeRow } from './MeetingTypesSection'
import { cite } from '../../../src-main/common/rules'

type Config = InputOf<'meetingTypes.save'>['config']
type PostKinds = Config['convenerPostKinds']

const toConfig = ({ id: _id, sortOrder: _order, ...config }: MeetingTypeRow): Config => config

function KindsField({ label, value, onChange }: { label: string; value: PostKinds; onChange: (v: PostKinds) => void }) {
  return <MultiSelect label={label} data={POST_KINDS} value={value} onChange={(v) => onChange(v as PostKinds)} clearable />
}

/** One meeting type's settings; the server checks them with the same schema the rules read. */
export function MeetingTypeDialog({ type, onClose, onSaved }: { type: MeetingTypeRow | null; onClose: () => void; onSaved: (name: string) => void }) {
  const [c, setC] = useState<Config | null>(null)
  const save = useMutation('meetingTypes.save', { invalidates: MEETING_VIEWS })
  const { reset } = save
  useEffect(() => { if (type) { setC(toConfig(type)); reset() } }, [type, reset])
  if (!type || !c) return null
  const set = <K extends keyof Config>(key: K, value: Config[K]) => setC({ ...c, [key]: value })
  const submit = async () => { if (await save.mutate({ id: type.id, config: c })) onSaved(c.name) }

  return (
    <FormModal opened title={`修改会议类别：${type.name}`} onClose={onClose} onSubmit={submit} busy={save.busy} error={save.error} size="xl">
      <Text size="xs" c="dimmed">类别“{type.kind}”决定适用的规则（如常务会议的法定人数、议题时限），不能修改。</Text>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label="会议名称" value={c.name} onChange={(e) => set('name', e.currentTarget.value)} required />
        <Select label="到会人数要求" data={[{ value: '过半数', label: `过半数组成人员到会（${cite('R-M2')}）` }, { value: '无', label: '无要求' }]}
          value={c.quorum} onChange={(v) => v && set('quorum', v as Config['quorum'])} allowDeselect={false} />
        <KindsField label="组成人员（按岗位类别）" value={c.members.postKinds} onChange={(v) => set('members', { ...c.members, postKinds: v })} />
        <Switch mt="lg" label="市政府组成部门主要负责人为组成人员（全体会议）" checked={c.members.departmentHeads}
          onChange={(e) => set('members', { ...c.members, departmentHeads: e.currentTarget.checked })} />
        <TagsInput label="邀请参加的单位" description="其主要负责人受邀参加，如 军分区" value={c.invited.units} onChange={(v) => set('invited', { units: v })} />
        <KindsField label="列席人员（按岗位类别）" value={c.attending.postKinds} onChange={(v) => set('attending', { ...c.attending, postKinds: v })} />
        <TagsInput label="列席单位" description="其主要负责人列席" value={c.attending.units} onChange={(v) => set('attending', { ...c.attending, units: v })} />
        <TagsInput label="其他列席人员（说明）" value={c.attending.others} onChange={(v) => set('attending', { ...c.attending, others: v })} />
        <Switch label="议题涉及的部门和县（区）主要负责人列席" checked={c.attending.topicUnits}
          onChange={(e) => set('attending', { ...c.attending, topicUnits: e.currentTarget.checked })} />
        <div />
        <KindsField label="召集人（岗位类别）" value={c.convenerPostKinds} onChange={(v) => set('convenerPostKinds', v)} />
        <KindsField label="主持人（岗位类别）" value={c.chairPostKinds} onChange={(v) => set('chairPostKinds', v)} />
        <KindsField label="受委托可主持的岗位类别" value={c.entrustedChairPostKinds} onChange={(v) => set('entrustedChairPostKinds', v)} />
        <NumberInput label="召开周期（天）" description="空为按需召开；常务会议约14天，全体会议约182天" min={1} max={400}
          value={c.cadenceDays ?? ''} onChange={(v) => set('cadenceDays', typeof v === 'number' ? v : null)} />
        <NumberInput label="议题报送时限（会前工作日）" description={`空为不设时限；常务会议为10个工作日（${cite('R-M3')}）`} min={1} max={60}
          value={c.topicDeadlineWorkingDays ?? ''} onChange={(v) => set('topicDeadlineWorkingDays', typeof v === 'number' ? v : null)} />
        <Select label={`请假对象（${cite('R-M4')}）`} data={[{ value: '市长', label: '向市长请假' }, { value: '主持人', label: '向会议主持人请假' }]}
          value={c.leaveAskee} onChange={(v) => v && set('leaveAskee', v as Config['leaveAskee'])} allowDeselect={false} />
        <Select label={`纪要签发（${cite('R-M5')}）`} data={['市长', '主持人或委托领导', '无']}
          value={c.minutesSigner} onChange={(v) => v && set('minutesSigner', v as Config['minutesSigner'])} allowDeselect={false} />
        <TextInput label="纪要标题" description="{政府}代入政府名称，如 {政府}常务会议纪要" value={c.minutesTitle} onChange={(e) => set('minutesTitle', e.currentTarget.value)} />
        <TextInput label="纪要编号格式" description="{年}为年份，{n}为序号：〔{年}〕{n}号 或 第{n}期" value={c.numbering} onChange={(e) => set('numbering', e.currentTarget.value)} />
        <Switch label={`涉及资金、土地、规划、国有资产、人事编制的，纪要须经市长同意后签发（${cite('R-M5')}）`} checked={c.reservedMattersNeedMayorConsent}
          onChange={(e) => set('reservedMattersNeedMayorConsent', e.currentTarget.checked)} />
        <Switch label={`每个部门每年原则上不超过1次（${cite('R-M8')}）`} checked={c.oncePerYearPerDepartment}
          onChange={(e) => set('oncePerYearPerDepartment', e.currentTarget.checked)} />
      </SimpleGrid>
    </FormModal>
  )
}
