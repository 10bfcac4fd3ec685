import { useState } from 'react'
import { Button, Group, Stack, Text } from '@mantine/core'
import { useMutation } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Feedback } from '../../components/Feedback'
import { Section } from '../../components/Section'

/** 演示数据: the sample organisation a new installation starts with, removed before real use. */
export function DemoDataSection() {
  const [confirming, setConfirming] = useState(false)
  const remove = useMutation('org.removeDemo', {
    invalidates: ['*'],
    success: (n) => `演示数据已删除：人员${n.人员}人，单位${n.单位}个，岗位${n.岗位}个。`,
  })
  const load = useMutation('org.loadDemo', { invalidates: ['*'], success: '演示数据已载入，可在“组织机构”中查看。' })
  const busy = remove.busy || load.busy
  const last = remove.error || remove.notice ? remove : load

  async function confirmRemove() {
    load.reset()
    await remove.mutate({})
    setConfirming(false)
  }

  return (
    <Section title="演示数据" description="新安装的系统带有一套虚构的组织机构（市政府领导、部门、县区和办公室人员），供熟悉操作使用。">
      <Stack gap="sm">
        <Feedback state={last} />
        <Text size="sm">正式使用前，请删除演示数据，再在“组织机构”中录入本单位的真实人员和单位。自己录入的数据不受影响。</Text>
        <Group gap="xs">
          <Button color="red" variant="light" size="xs" disabled={busy} onClick={() => setConfirming(true)}>删除演示数据</Button>
          <Button variant="default" size="xs" loading={load.busy} disabled={busy} onClick={() => { remove.reset(); void load.mutate({}) }}>载入演示数据</Button>
        </Group>
      </Stack>
      <ConfirmDialog opened={confirming} title="删除演示数据" confirmLabel="确认删除" danger busy={remove.busy}
        onConfirm={() => void confirmRemove()} onCancel={() => setConfirming(false)}>
        <Text size="sm">将删除全部演示人员、演示单位和演示岗位，以及与之相关的领导外出等记录。此操作记入审计日志。确定删除吗？</Text>
      </ConfirmDialog>
    </Section>
  )
}
