import type { DepartmentKind } from '../common/org'

/**
 * A demo organisation for 资阳市, shaped by the working rules (第四、三十八条): the names are
 * invented; every row is marked as demo data and can be removed in one action.
 */
export interface DemoLeader { name: string; title: string; kind: '市长' | '副市长' | '秘书长' | '副秘书长'; executive?: boolean; portfolio?: string; departments?: string[] }

export const DEMO_LEADERS: DemoLeader[] = [
  { name: '张明远', title: '市长', kind: '市长', portfolio: '主持市政府全面工作' },
  { name: '李建国', title: '常务副市长', kind: '副市长', executive: true, portfolio: '负责市政府常务工作；分管发展改革、财政、审计、国资、统计、人力资源社会保障', departments: ['市发展和改革委员会', '市财政局', '市审计局', '市国有资产监督管理委员会', '市统计局', '市人力资源和社会保障局'] },
  { name: '王志强', title: '副市长', kind: '副市长', portfolio: '分管工业和信息化、科技、商务、外事', departments: ['市经济和信息化局', '市科学技术局', '市商务局', '市外事侨务办公室'] },
  { name: '刘芳', title: '副市长', kind: '副市长', portfolio: '分管教育、卫生健康、民政、文化旅游、医疗保障、退役军人事务', departments: ['市教育和体育局', '市卫生健康委员会', '市民政局', '市文化广播电视和旅游局', '市医疗保障局', '市退役军人事务局'] },
  { name: '陈立新', title: '副市长', kind: '副市长', portfolio: '分管自然资源和规划、住房城乡建设、交通运输、生态环境', departments: ['市自然资源和规划局', '市住房和城乡建设局', '市交通运输局', '市生态环境局'] },
  { name: '杨帆', title: '副市长', kind: '副市长', portfolio: '分管农业农村、水利、应急管理、市场监管', departments: ['市农业农村局', '市水利局', '市应急管理局', '市市场监督管理局'] },
  { name: '赵德胜', title: '副市长', kind: '副市长', portfolio: '分管公安、司法、信访、法制', departments: ['市公安局', '市司法局', '市政府信访局', '市政府法制办'] },
  { name: '周文斌', title: '秘书长', kind: '秘书长', portfolio: '协助市长处理市政府日常工作，领导市政府办公室工作', departments: ['市政府研究室', '市政府督查室', '市政府应急办', '市政府新闻办', '市监察局'] },
  { name: '吴海涛', title: '副秘书长', kind: '副秘书长', portfolio: '协助联系工业、商务、科技方面工作' },
  { name: '郑晓燕', title: '副秘书长', kind: '副秘书长', portfolio: '协助联系教育、卫生、文化方面工作' },
  { name: '孙国华', title: '副秘书长', kind: '副秘书长', portfolio: '协助联系城建、农业、应急方面工作' },
]

/** AB角 pairs among the 副市长 (第五十七条), by title holder's name. */
export const DEMO_AB_PAIRS: [string, string][] = [['王志强', '陈立新'], ['刘芳', '杨帆']]

export const DEMO_DEPARTMENTS: { name: string; kind: DepartmentKind; head: string }[] = [
  ...[
    '市发展和改革委员会', '市教育和体育局', '市科学技术局', '市经济和信息化局', '市公安局', '市民政局', '市司法局',
    '市财政局', '市人力资源和社会保障局', '市自然资源和规划局', '市生态环境局', '市住房和城乡建设局', '市交通运输局',
    '市水利局', '市农业农村局', '市商务局', '市文化广播电视和旅游局', '市卫生健康委员会', '市退役军人事务局',
    '市应急管理局', '市审计局', '市国有资产监督管理委员会', '市市场监督管理局', '市统计局', '市医疗保障局',
    '市监察局', '市政府信访局', '市政府法制办', '市政府研究室', '市政府督查室', '市政府应急办', '市政府新闻办', '市外事侨务办公室',
  ].map((name) => ({ name, kind: '市政府部门' as const, head: /局$/.test(name) ? '局长' : '主任' })),
  { name: '雁江区人民政府', kind: '县区', head: '区长' },
  { name: '安岳县人民政府', kind: '县区', head: '县长' },
  { name: '乐至县人民政府', kind: '县区', head: '县长' },
  { name: '资阳高新技术产业园区管委会', kind: '县区', head: '主任' },
  { name: '临空经济区管委会', kind: '县区', head: '主任' },
  { name: '市军分区', kind: '其他单位', head: '司令员' },
]

/** The office itself (办公室): director, deputies and the staff who keep the duty roster. */
export const DEMO_OFFICE = {
  name: '市政府办公室',
  director: '何振华',
  deputies: ['马丽', '黄涛', '林静'],
  staff: ['许文杰', '高雪', '邓宇航', '罗佳怡', '谢明', '唐晓东', '韩冰', '冯雨桐'],
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘'
const GIVEN = ['建华', '国强', '晓明', '志刚', '丽华', '海燕', '文杰', '红梅', '永红', '伟', '静', '军', '勇', '敏', '磊', '涛', '超', '洋', '霞', '平']

/** Department heads get invented, repeatable names. */
export const demoHeadName = (i: number) => `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`
export const demoOfficePhone = (i: number) => `028-2661${String(1000 + i * 37).slice(-4)}`
export const demoMobile = (i: number) => `139${String(80000000 + i * 104729).slice(-8)}`
