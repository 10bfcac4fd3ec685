/**
 * 拟稿 templates, one per kind of 公文: a title pattern, the usual 主送, a body skeleton with its
 * heading levels (一、（一）1.) and the closing phrase the kind ends with, and the series and
 * sign-off category a draft of that kind usually takes. Everything city-specific (the government's
 * name, the series codes, the counties) comes from the settings and the organisation.
 */
import type { DocumentType, PUBLICITY } from '../../common/documents'
import type { SignKind } from '../../common/documents'

export interface SeriesChoice { code: string; issuer: string; letter: boolean }

export interface TemplateContext {
  governmentName: string
  officeName: string
  series: readonly SeriesChoice[]
  /** The county-level units (县区 in the organisation), for 主送 of documents sent down. */
  countyUnits: readonly string[]
}

export interface DraftTemplate {
  docType: DocumentType
  /** One line on what the kind is for (第八条 of the 条例). */
  purpose: string
  /** 资阳市人民政府关于{事由}的通知: the drafter replaces {事由}. */
  titlePattern: string
  addressee: string
  body: string
  /** The closing phrase(s) the body ends with; the first is used in the skeleton. */
  closings: string[]
  series: string
  issuer: string
  signKind: SignKind
  upward: boolean
  publicity: (typeof PUBLICITY)[number]
}

type Direction = 'down' | 'up' | 'level'

interface Spec {
  docType: DocumentType
  purpose: string
  direction: Direction
  /** Which configured series: the government's 发 (0), 函 (1), the office's 发 (2), 函 (3). */
  seriesIndex: number
  signKind: SignKind
  addressee?: string
  body: string[]
  closings: string[]
  publicity?: (typeof PUBLICITY)[number]
  /** 批复 and 复函 title themselves after the request they answer. */
  title?: string
}

const SPECS: Spec[] = [
  {
    docType: '通知', purpose: '发布、传达要求下级机关执行和有关单位周知或者执行的事项', direction: 'down', seriesIndex: 0, signKind: '一般',
    body: ['为……，根据……，现就……有关事项通知如下。', '一、总体要求', '（一）……', '（二）……', '二、主要任务', '（一）……', '1．……', '三、工作要求', '（一）加强组织领导。……', '（二）强化督促检查。……'],
    closings: ['特此通知。'],
  },
  {
    docType: '意见', purpose: '对重要问题提出见解和处理办法', direction: 'down', seriesIndex: 0, signKind: '重大工作部署',
    body: ['为……，根据……，结合我市实际，提出如下意见。', '一、总体要求', '（一）指导思想。……', '（二）基本原则。……', '（三）主要目标。……', '二、重点任务', '（一）……', '（二）……', '三、保障措施', '（一）加强组织领导。……', '（二）强化要素保障。……', '（三）严格督查考核。……'],
    closings: ['本意见自印发之日起施行。'],
  },
  {
    docType: '决定', purpose: '对重要事项作出决策和部署、奖惩有关单位和人员、变更或者撤销下级机关不适当的决定事项', direction: 'down', seriesIndex: 0, signKind: '重大工作部署',
    body: ['……。为……，市政府决定：', '一、……', '二、……', '希望……'],
    closings: ['本决定自印发之日起施行。'],
  },
  {
    docType: '通报', purpose: '表彰先进、批评错误、传达重要精神和告知重要情况', direction: 'down', seriesIndex: 2, signKind: '事务性',
    body: ['……，现将有关情况通报如下。', '一、基本情况', '……', '二、存在的问题', '（一）……', '三、下一步工作要求', '（一）……'],
    closings: ['特此通报。'],
  },
  {
    docType: '请示', purpose: '向上级机关请求指示、批准', direction: 'up', seriesIndex: 0, signKind: '报省政府',
    body: ['……（请示的缘由）。', '一、基本情况', '……', '二、请示事项', '（一）……', '（二）……', '三、有关意见', '……'],
    closings: ['妥否，请批示。', '以上请示，请予审批。'],
    publicity: '不予公开',
  },
  {
    docType: '报告', purpose: '向上级机关汇报工作、反映情况，回复上级机关的询问', direction: 'up', seriesIndex: 0, signKind: '报省政府',
    body: ['根据……要求，现将……有关情况报告如下。', '一、工作开展情况', '（一）……', '（二）……', '二、存在的困难和问题', '……', '三、下一步工作打算', '（一）……'],
    closings: ['特此报告。'],
    publicity: '不予公开',
  },
  {
    docType: '函', purpose: '不相隶属机关之间商洽工作、询问和答复问题、请求批准和答复审批事项', direction: 'level', seriesIndex: 1, signKind: '一般',
    addressee: '（受文单位）', body: ['……（商洽的缘由）。现将有关事项函告如下：', '一、……', '二、……'],
    closings: ['特此函告。', '请予支持。', '请予函复。'],
  },
  {
    docType: '批复', purpose: '答复下级机关请示事项', direction: 'down', seriesIndex: 1, signKind: '一般',
    addressee: '（请示单位）', title: '{发文机关}关于同意{事由}的批复',
    body: ['你单位《关于……的请示》（……〔……〕……号）收悉。经研究，现批复如下：', '一、同意……', '二、……', '三、请你单位……'],
    closings: ['此复。'],
  },
  {
    docType: '通告', purpose: '在一定范围内公布应当遵守或者周知的事项', direction: 'down', seriesIndex: 0, signKind: '规范性文件',
    addressee: '', body: ['为……，根据……的规定，现就有关事项通告如下：', '一、……', '二、……', '三、本通告自……起施行。'],
    closings: ['特此通告。'],
  },
]

/** 各县（区）人民政府，…管委会，市政府各部门（单位）: the usual 主送 of a document sent down. */
export function downwardAddressee(ctx: Pick<TemplateContext, 'countyUnits'>): string {
  const others = ctx.countyUnits.filter((n) => !n.endsWith('人民政府'))
  return ['各县（区）人民政府', ...others, '市政府各部门（单位）'].join('，')
}

export function draftTemplates(ctx: TemplateContext): DraftTemplate[] {
  return SPECS.map((s) => {
    const series = ctx.series[s.seriesIndex] ?? ctx.series[0]
    const issuer = series?.issuer ?? ctx.governmentName
    const addressee = s.addressee ?? (s.direction === 'up' ? '省人民政府' : downwardAddressee(ctx))
    const title = (s.title ?? '{发文机关}关于{事由}的{文种}').replaceAll('{发文机关}', issuer).replaceAll('{文种}', s.docType)
    return {
      docType: s.docType,
      purpose: s.purpose,
      titlePattern: title,
      addressee,
      body: [...s.body, s.closings[0]].join('\n'),
      closings: s.closings,
      series: series?.code ?? '',
      issuer,
      signKind: s.signKind,
      upward: s.direction === 'up',
      publicity: s.publicity ?? '主动公开',
    }
  })
}

/** The 事由 filled into a pattern: 资阳市人民政府关于{事由}的通知 + 做好2027年元旦春节期间有关工作. */
export const fillTitle = (pattern: string, subject: string): string => pattern.replaceAll('{事由}', subject)
