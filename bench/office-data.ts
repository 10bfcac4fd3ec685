/**
 * Vocabularies and the deterministic random source shared by the benches and the large dataset
 * generator: the same seed always gives the same office, so a slow query can be reproduced.
 */

export interface Random {
  rnd(): number
  pick<T>(xs: readonly T[]): T
  chance(p: number): boolean
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** An integer in [from, to]. */
  between(from: number, to: number): number
}

/** A linear congruential generator: no dependency, and the numbers never depend on the platform. */
export function randomSource(seed: number): Random {
  let s = seed
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648)
  return {
    rnd,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)],
    chance: (p: number) => rnd() < p,
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, w]) => sum + w, 0)
      let r = rnd() * total
      for (const [v, w] of items) if ((r -= w) < 0) return v
      return items[0][0]
    },
    between: (from: number, to: number) => from + Math.floor(rnd() * (to - from + 1)),
  }
}

export const TOPICS = [
  '防汛抗旱', '森林防灭火', '安全生产', '土地征收', '土地出让', '耕地保护', '高标准农田建设', '乡村振兴', '城市更新', '老旧小区改造',
  '农村人居环境整治', '生态环境保护', '大气污染防治', '河长制', '义务教育', '医疗卫生服务', '养老服务体系', '稳就业', '招商引资', '营商环境',
  '政务服务', '数字政府', '财政预算', '政府债务', '国有资产管理', '审计整改', '信访工作', '疫情防控', '食品安全', '消防安全',
  '道路交通安全', '城乡供水', '冬季供暖', '粮食安全', '生猪稳产保供', '文化旅游', '体育事业', '科技创新', '工业园区', '重大项目建设',
  '交通基础设施', '成渝地区双城经济圈建设', '民营经济', '市场监管', '安全隐患排查', '地质灾害防治', '水利工程', '电力保障', '住房保障', '房地产市场',
] as const
export const ACTIONS = ['工作', '实施方案', '工作方案', '有关事项', '专项行动', '工作安排', '情况', '督查', '考核', '资金安排', '项目申报', '试点']
export const LEADS = ['关于做好', '关于加强', '关于进一步做好', '关于开展', '关于印发', '关于', '关于报送', '关于请求解决', '关于转发']
export const TYPE_WEIGHTS: [string, number][] = [['通知', 40], ['请示', 15], ['报告', 12], ['函', 12], ['意见', 6], ['通报', 5], ['纪要', 3], ['批复', 2], ['决定', 2], ['公告', 1], ['通告', 1], ['议案', 1]]
export const SENDERS = [
  ['四川省人民政府办公厅', '川办发'], ['四川省人民政府', '川府发'], ['四川省应急管理厅', '川应急'], ['四川省自然资源厅', '川自然资'],
  ['四川省财政厅', '川财'], ['四川省发展和改革委员会', '川发改'], ['四川省水利厅', '川水'], ['四川省教育厅', '川教'],
  ['市发展和改革委员会', '资发改'], ['市财政局', '资财'], ['市自然资源和规划局', '资自然资'], ['市住房和城乡建设局', '资住建'],
  ['市应急管理局', '资应急'], ['市水务局', '资水'], ['市教育和体育局', '资教体'], ['市卫生健康委员会', '资卫健'], ['市农业农村局', '资农'],
  ['市交通运输局', '资交'], ['市生态环境局', '资环'], ['市公安局', '资公'], ['市市场监督管理局', '资市监'], ['市商务局', '资商务'],
  ['市人力资源和社会保障局', '资人社'], ['市民政局', '资民'], ['市经济和信息化局', '资经信'], ['市文化广播电视和旅游局', '资文广旅'],
  ['雁江区人民政府', '雁府'], ['安岳县人民政府', '安府'], ['乐至县人民政府', '乐府'], ['资阳高新区管委会', '资高新'],
  ['市委办公室', '资委办'], ['市人大常委会办公室', '资人办'], ['市政协办公室', '资协办'], ['国网资阳供电公司', '资供电'],
] as const
export const SERIES = [['资府发', 10], ['资府函', 30], ['资府办发', 25], ['资府办函', 30], ['资府令', 1]] as const

/** A 公文 title: 关于做好防汛抗旱工作的通知. */
export const documentTitle = (r: Random, docType: string) => `${r.pick(LEADS)}${r.pick(TOPICS)}${r.pick(ACTIONS)}的${docType}`

/** 签收时间 as incoming.receive stores it: office time, '2026-03-05 09:30' (minutes after 08:00). */
export const officeTime = (day: string, minutes: number) =>
  `${day} ${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const SENTENCES = [
  '各地各部门要切实提高政治站位，把{t}作为当前一项重要任务，主要负责同志亲自研究、亲自部署，确保各项措施落到实处。',
  '要对照目标任务，逐项梳理{t}推进情况，建立问题清单、任务清单和责任清单，明确完成时限，实行销号管理。',
  '市级有关部门要加强协调配合，统筹安排{t}所需资金，及时研究解决工作中遇到的困难和问题，形成工作合力。',
  '各县（区）人民政府要结合实际制定具体措施，细化工作安排，于每月5日前将{t}进展情况报市政府办公室。',
  '要加强督促检查，对{t}推进不力、措施不实的单位和个人，按照有关规定严肃追责问责。',
  '要广泛宣传{t}的重要意义和政策措施，及时总结推广好经验好做法，营造全社会共同参与的良好氛围。',
]
const HEADINGS = ['总体要求', '主要任务', '保障措施', '工作安排', '职责分工', '有关要求']

/** A 公文 body of about `pages` A4 pages (22 lines of 28 characters): headings 一、 and （一） with paragraphs, one per line. */
export function documentBody(r: Random, pages: number): string {
  const lines: string[] = []
  let chars = 0
  // 0.68 of a full page's 616 characters: the 版头 on page 1, headings and part-filled last lines take the rest
  // (rendered through LibreOffice, ten pages' worth prints as ten pages including the 版记; 0.85 printed 11–13).
  for (let h = 0; chars < pages * 22 * 28 * 0.68; h++) {
    lines.push(`${NUMERALS[h % 10]}、${HEADINGS[h % HEADINGS.length]}`)
    for (let s = 0; s < 3; s++) {
      const topic = r.pick(TOPICS)
      const text = Array.from({ length: 3 }, () => r.pick(SENTENCES).replace('{t}', topic)).join('')
      lines.push(`（${NUMERALS[s]}）${topic}${r.pick(ACTIONS)}。${text}`)
      chars += text.length + 28
    }
  }
  return lines.join('\n')
}
