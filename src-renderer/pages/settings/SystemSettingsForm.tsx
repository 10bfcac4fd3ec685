import { SimpleGrid, TextInput } from '@mantine/core'
import { SettingsForm } from './SettingsForm'

/** 系统设置: the names another city changes here rather than in code. */
export function SystemSettingsForm() {
  return (
    <SettingsForm title="系统设置" description="本单位的名称显示在页面顶部和生成的文件中。">
      {(form, set) => (
        <SimpleGrid cols={2} spacing="sm">
          <TextInput label="城市名称" value={form.cityName} onChange={(e) => set({ cityName: e.currentTarget.value })} required />
          <TextInput label="政府名称" value={form.governmentName} onChange={(e) => set({ governmentName: e.currentTarget.value })} required />
          <TextInput label="办公室名称" value={form.officeName} onChange={(e) => set({ officeName: e.currentTarget.value })} required />
        </SimpleGrid>
      )}
    </SettingsForm>
  )
}
