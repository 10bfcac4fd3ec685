import { MultiSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core'
import { POST_KINDS, type PostKind } from '../org/model'
import { SettingsForm } from './SettingsForm'
import { cite } from '../../../src-main/common/rules'

/** 值班设置 (R-W1, X-4): who takes each duty, how much a holiday duty counts, the printed duty phone. */
export function DutySettingsForm() {
  return (
    <SettingsForm title="值班设置" description="排班时按这里的岗位类别取人；节假日值班按折算天数计入公平统计；值班电话印在值班表上。">
      {(form, set) => (
        <SimpleGrid cols={2} spacing="sm">
          <MultiSelect label={`领导带班的岗位类别（${cite('R-W1')}）`} data={POST_KINDS} value={form.dutyLeaderPostKinds}
            onChange={(v) => set({ dutyLeaderPostKinds: v as PostKind[] })} />
          <MultiSelect label="办公室值班带班的岗位类别（办公室工作惯例）" data={POST_KINDS} value={form.dutyLeadPostKinds}
            onChange={(v) => set({ dutyLeadPostKinds: v as PostKind[] })} />
          <NumberInput label="节假日值班折算天数" description="1次节假日值班按几天普通值班计" value={form.dutyHolidayWeight} min={1} max={5} step={0.5}
            onChange={(v) => set({ dutyHolidayWeight: typeof v === 'number' ? v : Number(v) || 0 })} />
          <TextInput label="值班电话" description="空则用办公室内设机构的电话" value={form.dutyPhone} onChange={(e) => set({ dutyPhone: e.currentTarget.value })} />
        </SimpleGrid>
      )}
    </SettingsForm>
  )
}
