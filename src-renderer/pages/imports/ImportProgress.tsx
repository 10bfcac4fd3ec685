import { useEffect, useState } from 'react'
import { Progress, Stack, Text } from '@mantine/core'
import { api, type OutputOf } from '../../api/client'

type Step = Awaited<OutputOf<'imports.progress'>>

/** While a check or a write is under way, its progress is asked for this often. */
const POLL_MS = 300

/**
 * The bar under 试导入 and 确认导入 (issue 18): how far the server has got, asked while the step runs. The write goes on
 * in the server's background, so the text says others may keep working meanwhile.
 */
export function ImportProgress({ jobId, step }: { jobId: string; step: '检查' | '写入' }) {
  const [at, setAt] = useState<Step | null>(null)
  useEffect(() => {
    const timer = setInterval(() => { api.call('imports.progress', { jobId }).then(setAt, () => {}) }, POLL_MS)
    return () => clearInterval(timer)
  }, [jobId])
  const shown = at?.phase === step ? at : null
  const text = step === '检查'
    ? (shown ? `已检查 ${shown.done} / ${shown.total} 行` : '正在检查…')
    : `${shown ? `已写入 ${shown.done} / ${shown.total} 条` : '正在写入…'}（在服务器后台进行，其他人可照常查阅；他们的登记、修改等操作会在导入写完后随即完成）`
  return (
    <Stack gap={2} aria-label={step === '检查' ? '检查进度' : '写入进度'}>
      <Progress value={shown && shown.total ? (shown.done / shown.total) * 100 : 0} animated />
      <Text size="xs" c="dimmed">{text}</Text>
    </Stack>
  )
}
