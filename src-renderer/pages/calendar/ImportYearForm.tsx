import { useState, type FormEvent } from 'react'
import { Alert, Button, Code, FileButton, Group, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { HolidayList } from './HolidayList'
import { summarise, type DayInfo } from './summary'

const example = (y: number) => [
  `${y}-01-01 放假 元旦`,
  `${y}-10-01 至 ${y}-10-07 放假 国庆节`,
  `${y}-09-26 上班 国庆节`,
].join('\n')

/** The notice's title and 文号 from its first lines (国务院办公厅关于…的通知 / 国办发明电〔…〕…号), for 来源通知. */
function sourceOf(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 3)
  const title = lines.find((l) => /关于.*节假日安排的通知/.test(l))
  const number = lines.find((l) => /〔\d{4}〕\d+号$/.test(l))
  return title ? (number ? `${title}（${number}）` : title) : ''
}

/** A notice saved by another office's PC is often GB18030 (GBK), not UTF-8: read whichever it is. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer()
  try { return new TextDecoder('utf-8', { fatal: true }).decode(bytes) } catch { return new TextDecoder('gb18030').decode(bytes) }
}

/**
 * Enter or replace a year's arrangement: paste the State Council's notice (or open its .txt file, or type the
 * one-day-a-line format), read it, check the days it gives, then save. Nothing is saved until the days are confirmed.
 */
export function ImportYearForm({ year, replacing, onDone, onCancel }: { year: number; replacing: boolean; onDone: () => void; onCancel?: () => void }) {
  const [source, setSource] = useState('')
  const [text, setText] = useState('')
  const [reading, setReading] = useState<{ year: number; text: string } | null>(null)
  const parsed = useQuery('calendar.parse', reading)
  const importYear = useMutation('calendar.importYear', { invalidates: ['*'] })

  function edit(next: string) {
    setText(next)
    setReading(null)
    if (!source) setSource(sourceOf(next))
  }

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!reading) { setReading({ year, text }); return }
    if (await importYear.mutate({ year, source, text })) onDone()
  }

  const days = parsed.data && 'days' in parsed.data ? parsed.data.days : null
  const refusal = parsed.data && 'error' in parsed.data ? parsed.data.error : null
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={importYear.error ?? parsed.error} />
        <TextInput label="来源通知" required value={source} onChange={(e) => setSource(e.currentTarget.value)}
          placeholder={`国务院办公厅关于${year}年部分节假日安排的通知（国办发明电〔${year - 1}〕×号）`}
          description="录入依据的通知名称和文号，粘贴通知全文时自动填写，将显示在本年日历上方" />
        <Textarea label="通知全文" required value={text} onChange={(e) => edit(e.currentTarget.value)}
          autosize minRows={8} maxRows={14} placeholder={`粘贴国务院办公厅关于${year}年部分节假日安排的通知全文（从标题到“国务院办公厅”署名）`}
          description="也可逐行录入，例如“2027-10-01 至 2027-10-07 放假 国庆节”，以 # 开头的行不读取" />
        <Group gap="xs">
          <FileButton accept=".txt,text/plain" onChange={async (f) => { if (f) edit(await readText(f)) }}>
            {(props) => <Button {...props} variant="default" size="xs">从文件导入（.txt）…</Button>}
          </FileButton>
          <Text size="xs" c="dimmed">通知的文本文件，或逐行格式的文件</Text>
        </Group>
        {!reading && <LineFormatHint year={year} />}
        {refusal && <Alert color="red" variant="light" title="通知未能完整读取，未录入任何日期" role="alert">{refusal}</Alert>}
        {days && <Parsed year={year} days={days} />}
        <Group justify="flex-end" gap="xs">
          {onCancel && <Button variant="default" onClick={onCancel}>取消</Button>}
          {reading && <Button variant="default" onClick={() => setReading(null)}>返回修改</Button>}
          {!reading && <Button type="submit" disabled={!text.trim()}>读取并核对</Button>}
          {days && (
            <Button type="submit" loading={importYear.busy} color={replacing ? 'red' : undefined}>
              {replacing ? `确认并替换${year}年的安排` : `确认录入${year}年的安排`}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  )
}

/** What the notice gives, as the notice itself lists it, for the clerk to check against the paper before saving. */
function Parsed({ year, days }: { year: number; days: readonly { date: string; kind: '放假' | '上班'; name: string }[] }) {
  const asDays: DayInfo[] = days.map((d) => ({ date: d.date, working: d.kind === '上班', type: d.kind === '放假' ? '法定节假日' : '调休上班', name: d.name, provisional: false }))
  const off = days.filter((d) => d.kind === '放假').length
  return (
    <Alert color="zhengwu" variant="light" title={`读到${year}年的安排：放假${off}天，调休上班${days.length - off}天。请与通知原文核对后确认。`}>
      <HolidayList lines={summarise(asDays)} />
      <Text size="xs" c="dimmed" mt={4}>未列出的日期按平常处理：周一至周五为工作日，周六、周日为周末。确认后，按暂定日期算出的期限将自动重算，变动记入审计日志。</Text>
    </Alert>
  )
}

function LineFormatHint({ year }: { year: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed">逐行格式：每行一天或一段，写明“放假”或“上班”及节日名称。例如：</Text>
      <Code block mt={4}>{example(year)}</Code>
    </div>
  )
}
