import { must, type OutputOf, type RpcClient } from './server'

/** The organisation as `org.overview` returns it (org/service.ts orgOverview). */
export type OrgOverview = OutputOf<'org.overview'>
export type OrgPerson = OrgOverview['people'][number]
export type OrgDepartment = OrgOverview['departments'][number]
export type OrgPost = OrgOverview['posts'][number]

/**
 * The demo office's people, departments and posts by the names the tests use (demo/ seeds them):
 * a name the demo does not have fails with that name, not with "cannot read id of undefined".
 */
export interface DemoOffice {
  readonly org: OrgOverview
  person(name: string): OrgPerson
  personId(name: string): number
  /** The name of the person with this id. */
  nameOf(id: number): string
  department(name: string): OrgDepartment
  deptId(name: string): number
  /** The post with this title, held by `holder` when given (several 副市长 posts share a title). */
  post(title: string, holder?: string): OrgPost
  postId(title: string, holder?: string): number
  /** The 部门主要负责人 post of a department. */
  headOf(departmentName: string): OrgPost
}

export function demoOfficeOf(org: OrgOverview): DemoOffice {
  const person = (name: string) => must(org.people.find((p) => p.name === name), `人员“${name}”`)
  const department = (name: string) => must(org.departments.find((d) => d.name === name), `单位“${name}”`)
  const post = (title: string, holder?: string) =>
    must(org.posts.find((p) => p.title === title && (!holder || p.holderName === holder)), `岗位“${title}${holder ? ` ${holder}` : ''}”`)
  return {
    org,
    person,
    personId: (name) => person(name).id,
    nameOf: (id) => must(org.people.find((p) => p.id === id), `编号为 ${id} 的人员`).name,
    department,
    deptId: (name) => department(name).id,
    post,
    postId: (title, holder) => post(title, holder).id,
    headOf: (name) => {
      const id = department(name).id
      return must(org.posts.find((p) => p.departmentId === id && p.kind === '部门主要负责人'), `${name}的部门主要负责人岗位`)
    },
  }
}

/** Reads the organisation through a signed-in client. */
export async function loadDemoOffice(api: RpcClient): Promise<DemoOffice> {
  return demoOfficeOf(await api.ok('org.overview'))
}

/**
 * For a test file's lookups at module level: the lookups work once `load` has run in the file's beforeAll
 * (after its client has signed in), and fail with a clear message before.
 */
export function demoOffice(): DemoOffice & { load(api: RpcClient): Promise<void> } {
  let loaded: DemoOffice | null = null
  const office = () => must(loaded, '组织机构（demoOffice().load 须在 beforeAll 中先运行）')
  return {
    async load(api) { loaded = await loadDemoOffice(api) },
    get org() { return office().org },
    person: (name) => office().person(name),
    personId: (name) => office().personId(name),
    nameOf: (id) => office().nameOf(id),
    department: (name) => office().department(name),
    deptId: (name) => office().deptId(name),
    post: (title, holder) => office().post(title, holder),
    postId: (title, holder) => office().postId(title, holder),
    headOf: (name) => office().headOf(name),
  }
}

type MeetingType = OutputOf<'meetingTypes.list'>[number]
type DraftTemplate = OutputOf<'outgoing.templates'>[number]

/** The office's meeting type of this kind (the defaults are seeded when the core opens). */
export async function meetingType(api: RpcClient, kind: MeetingType['kind']): Promise<MeetingType> {
  return must((await api.ok('meetingTypes.list')).find((t) => t.kind === kind), `会议类别“${kind}”`)
}

/** The 发文 template for this 文种 (settings — 发文模板). */
export async function draftTemplate(api: RpcClient, docType: DraftTemplate['docType']): Promise<DraftTemplate> {
  return must((await api.ok('outgoing.templates')).find((t) => t.docType === docType), `${docType}的发文模板`)
}
