import { useMemo, type ReactNode } from 'react'
import { Alert, Anchor, Checkbox, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core'
import { useQuery, type ApiError } from '../../../api/client'
import { fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { ClassificationSelect } from '../../../components/Classification'
import { COUNTY_DIRECTIVE_PHRASE, type DraftState } from './model'
import { DOCUMENT_TYPES, PUBLICITY, SIGN_KINDS, URGENCIES, signKindLabel, urgencyText } from '../../../../src-main/common/documents'
import { cite } from '../../../../src-main/common/rules'

type SettingsData = { governmentName: string; documentSeries: { code: string; issuer: string; department?: string }[] }

/**
 * R-D5 (issue 16): a department's directive to the counties goes out under the department's own name and series (资水发,
 * set in 公文设置), titled 资阳市水利局关于…; what is wrong with the draft's series or title, and the one-click fix.
 */
function countySeriesProblem(draft: DraftState, settings: SettingsData | undefined, departments: { id: number; name: string }[]):
  { text: string; fix?: Partial<DraftState>; fixLabel?: string } | null {
  if (!draft.countyDirective || !settings) return null
  const dept = departments.find((d) => String(d.id) === draft.draftingDepartmentId)?.name
  if (!dept) return { text: '本文以起草部门的名义和发文字号印发：请选择拟稿单位。' }
  const own = settings.documentSeries.filter((s) => s.department === dept)
  if (own.length === 0) return { text: `本文以${dept}名义印发，但公文设置中还没有${dept}的发文字号序列：请科长在“设置—公文设置”中增加（“部门”填${dept}）。` }
  const series = own.find((s) => s.code === draft.series) ?? own[0]
  const title = draft.title.startsWith(settings.governmentName) ? series.issuer + draft.title.slice(settings.governmentName.length) : draft.title
  if (series.code === draft.series && title === draft.title) return null
  return { text: `本文以${dept}名义印发：发文字号用${series.code}，标题为“${series.issuer}关于……”，不占用市政府的发文字号。`, fix: { series: series.code, title }, fixLabel: `改用${series.code}` }
}

/** Descriptions under the input, so the fields of a row line up. */
const BELOW = { inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[] }

const DEPARTMENT_GROUP: Record<string, string> = { 市政府办公室: '市政府办公室', 市政府部门: '市政府部门', 县区: '县（区）', 其他单位: '其他单位' }

/**
 * The fields of a 发文稿 (拟稿 and 修改): 文种, 签发类别 (R-D4), 字号序列, 标题, 主送, 抄送, 正文, 附件, 密级 and
 * 保密期限, 紧急程度, 拟稿单位 and 拟稿人, 公开属性, 上行文, a county directive (R-D5), 附注.
 * `docTypeSlot` replaces the 文种 field (the new-draft dialog picks the kind from the templates).
 */
export function DraftFields({ draft, onChange, error, docTypeSlot, subjectSlot, classificationSlot, bodyFromFile = false }: {
  draft: DraftState
  /** The body is the uploaded Word file (issue 16): the text shows it, read-only. */
  bodyFromFile?: boolean
  onChange: (patch: Partial<DraftState>) => void
  error: ApiError | null | undefined
  docTypeSlot?: ReactNode
  /** Replaces 密级 and 保密期限 once the draft exists: they change only by 定密变更 (issue 14). */
  classificationSlot?: ReactNode
  /** Above the title: the 事由 that fills the template's title pattern. */
  subjectSlot?: ReactNode
}) {
  const settings = useQuery('settings.get', {})
  const org = useQuery('org.overview', {})
  const seriesOptions = useMemo(
    () => (settings.data?.documentSeries ?? []).map((s) => ({ value: s.code, label: `${s.code}（${s.issuer}${s.letter ? '，信函格式' : ''}）` })),
    [settings.data],
  )
  const departmentOptions = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>()
    for (const d of org.data?.departments ?? []) {
      const g = DEPARTMENT_GROUP[d.kind] ?? '其他单位'
      groups.set(g, [...(groups.get(g) ?? []), { value: String(d.id), label: d.name }])
    }
    return [...groups].map(([group, items]) => ({ group, items }))
  }, [org.data])
  const err = (f: string) => fieldError(error, f)
  const classified = draft.classification !== '无'
  const countyMissing = draft.countyDirective && !draft.body.includes(COUNTY_DIRECTIVE_PHRASE)
  const seriesProblem = countySeriesProblem(draft, settings.data, org.data?.departments ?? [])

  return (
    <Stack gap="sm">
      <SimpleGrid cols={3} spacing="sm">
        {docTypeSlot ?? (
          <Select label="文种" data={DOCUMENT_TYPES} value={draft.docType} allowDeselect={false} error={err('docType')}
            onChange={(v) => v && onChange({ docType: v as DraftState['docType'] })} />
        )}
        <Select label="发文字号序列" data={seriesOptions} value={draft.series || null} allowDeselect={false} error={err('series')}
          {...BELOW} description="编号时按此机关代字和签发年度取号" onChange={(v) => v && onChange({ series: v })} />
        <Select label="签发类别" data={SIGN_KINDS.map((k) => ({ value: k, label: signKindLabel(k) }))} value={draft.signKind} allowDeselect={false}
          error={err('signKind')} {...BELOW} description={<Group gap={4} component="span"><RuleBadge rule="R-D4" />{cite('R-D4')}：决定由谁签发</Group>}
          onChange={(v) => v && onChange({ signKind: v as DraftState['signKind'] })} comboboxProps={{ width: 340 }} />
      </SimpleGrid>
      {subjectSlot}
      <TextInput label="标题" required value={draft.title} maxLength={200} error={err('title')}
        onChange={(e) => onChange({ title: e.currentTarget.value })} />
      <Textarea label="主送机关" autosize minRows={1} maxRows={4} value={draft.addressee} maxLength={1000} error={err('addressee')}
        onChange={(e) => onChange({ addressee: e.currentTarget.value })} />
      <Textarea label="正文" autosize minRows={8} maxRows={22} value={draft.body} error={err('body')} readOnly={bodyFromFile}
        description={bodyFromFile ? '正文取自上传的 Word 文件（见下方“正文和附件文件”）：要修改，请改好 Word 文件后重新上传。'
          : '每段一行；“一、”“（一）”“1．”开头的段落为各级标题（印制时分别排为黑体、楷体、仿宋）；也可在保存后上传 Word 正文。'}
        onChange={(e) => onChange({ body: e.currentTarget.value })} styles={{ input: { fontFamily: 'var(--mantine-font-family)', lineHeight: 1.7 } }} />
      <TagsInput label="附件" value={draft.attachmentNames} onChange={(v) => onChange({ attachmentNames: v })} error={err('attachmentNames')}
        placeholder={draft.attachmentNames.length ? '' : '输入附件名称后按回车，可填多个'} maxTags={50} splitChars={[]} clearable
        description="按印发顺序填写附件名称（不加书名号），印制时列为“附件：1．……”" />
      <Textarea label="抄送机关" autosize minRows={1} maxRows={3} value={draft.cc} maxLength={1000} error={err('cc')}
        onChange={(e) => onChange({ cc: e.currentTarget.value })} />
      <SimpleGrid cols={4} spacing="sm">
        {classificationSlot ?? (
          <>
            <ClassificationSelect value={draft.classification} error={err('classification')}
              onChange={(v) => onChange({ classification: v, ...(v === '无' ? { secrecyPeriod: '' } : {}) })} />
            <TextInput label="保密期限" value={draft.secrecyPeriod} maxLength={20} disabled={!classified} error={err('secrecyPeriod')}
              placeholder={classified ? '如：1年' : '涉密公文才填写'} onChange={(e) => onChange({ secrecyPeriod: e.currentTarget.value })} />
          </>
        )}
        <Select label="紧急程度" data={URGENCIES.map((u) => ({ value: u, label: urgencyText(u) }))} value={draft.urgency} allowDeselect={false}
          error={err('urgency')} onChange={(v) => v && onChange({ urgency: v as DraftState['urgency'] })} />
        <Select label="公开属性" data={PUBLICITY} value={draft.publicity} allowDeselect={false} error={err('publicity')}
          onChange={(v) => v && onChange({ publicity: v as DraftState['publicity'] })} />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing="sm">
        <Select label="拟稿单位" data={departmentOptions} value={draft.draftingDepartmentId} searchable clearable nothingFoundMessage="没有这个单位"
          error={err('draftingDepartmentId')} {...BELOW} description="一般文件由其分管副市长签发"
          onChange={(v) => onChange({ draftingDepartmentId: v })} />
        <TextInput label="拟稿人" value={draft.drafter} maxLength={40} error={err('drafter')}
          onChange={(e) => onChange({ drafter: e.currentTarget.value })} />
        <Textarea label="附注" autosize minRows={1} maxRows={3} value={draft.note} maxLength={500} error={err('note')}
          placeholder="如：联系人：张三，电话：028-26611234" onChange={(e) => onChange({ note: e.currentTarget.value })} />
      </SimpleGrid>
      <Group gap="xl" align="flex-start">
        <Checkbox label="上行文（字号右侧印签发人）" checked={draft.upward} onChange={(e) => onChange({ upward: e.currentTarget.checked })} />
        <Checkbox checked={draft.countyDirective} onChange={(e) => onChange({ countyDirective: e.currentTarget.checked })}
          label={<Group gap={6} component="span"><span>部门向县（区）政府发布的指示性公文</span><RuleBadge rule="R-D5" /></Group>}
          description={`${cite('R-D5')}：须报经市政府领导批准（由市政府领导签发，不由秘书长签发），并在文中注明“${COUNTY_DIRECTIVE_PHRASE}”。`} />
      </Group>
      {countyMissing && (
        <Alert color="yellow" variant="light" py="xs">
          <Group gap={6} wrap="nowrap">
            <RuleBadge rule="R-D5" color="orange" />
            <Text size="sm">正文尚未注明“{COUNTY_DIRECTIVE_PHRASE}”，签发时会被拒绝。</Text>
            {bodyFromFile ? <Text size="sm">请在 Word 正文中注明后重新上传。</Text> : (
              <Anchor size="sm" component="button" type="button"
                onClick={() => onChange({ body: `${COUNTY_DIRECTIVE_PHRASE}，${draft.body.replace(/^\s+/, '')}` })}>在正文开头加上</Anchor>
            )}
          </Group>
        </Alert>
      )}
      {seriesProblem && (
        <Alert color="yellow" variant="light" py="xs" aria-label="部门发文字号">
          <Group gap={6} wrap="nowrap">
            <RuleBadge rule="R-D5" color="orange" />
            <Text size="sm">{seriesProblem.text}</Text>
            {seriesProblem.fix && <Anchor size="sm" component="button" type="button" onClick={() => onChange(seriesProblem.fix!)}>{seriesProblem.fixLabel}</Anchor>}
          </Group>
        </Alert>
      )}
    </Stack>
  )
}
