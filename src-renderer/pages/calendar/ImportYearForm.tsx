import { useState, type FormEvent } from 'react'
import { Button, Code, Group, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'

const example = (y: number) => [
  `${y}-01-01 放假 元旦`,
  `${y}-10-01 至 ${y}-10-07 放假 国庆节`,
  `${y}-09-26 上班 国庆节`,
].join('\n')

/** Enter or replace a year's arrangement from the State Council's notice. */
export function ImportYearForm({ year, replacing, onDone, onCancel }: { year: number; replacing: boolean; onDone: () => void; onCancel?: () => void }) {
  const [source, setSource] = useState('')
  const [text, setText] = useState('')
  const importYear = useMutation('calendar.importYear', { invalidates: ['*'] })

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (await importYear.mutate({ year, source, text })) onDone()
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={importYear.error} />
        <TextInput label="来源通知" required value={source} onChange={(e) => setSource(e.currentTarget.value)}
          placeholder={`国务院办公厅关于${year}年部分节假日安排的通知（国办发明电〔${year - 1}〕×号）`}
          description="录入依据的通知名称和文号，将显示在本年日历上方" />
        <Textarea label="安排内容" required value={text} onChange={(e) => setText(e.currentTarget.value)}
          autosize minRows={8} maxRows={16} ff="monospace" placeholder={example(year)} />
        <div>
          <Text size="xs" c="dimmed">格式：每行一天或一段，写明“放假”或“上班”及节日名称；以 # 开头的行不读取。例如：</Text>
          <Code block mt={4}>{example(year)}</Code>
          <Text size="xs" c="dimmed" mt={4}>未列出的日期按平常处理：周一至周五为工作日，周六、周日为周末。</Text>
        </div>
        <Group justify="flex-end" gap="xs">
          {onCancel && <Button variant="default" onClick={onCancel}>取消</Button>}
          <Button type="submit" loading={importYear.busy} color={replacing ? 'red' : undefined}>
            {replacing ? `替换${year}年的安排` : `录入${year}年的安排`}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
