import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { dialogNamed, downloadFrom, openAppSession, openNav, screenshot as screenshotOf, setServerClock, signIn, type AppSession } from '../helpers/browser'
import { docxText } from '../helpers/zip'

// Needs the built renderer: run `npx electron-vite build` first.
// 发文 on Thursday 10 December 2026: the 市教育和体育局 drafts a 通知 (一般 document, so R-D4 names its
// 分管副市长 刘芳) from the template; 部门负责人, 办公室秘书 and 办公室负责人 review it; the 秘书长 周文斌 is refused
// as signer in the rule's words; 刘芳 signs; it is numbered 资府发〔2026〕1号 (X-1, R-D6), checked, issued and
// dispatched, and exported as Word. Then the 发文登记簿 finds it.

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { deptId } = demo
let docId: number

const TODAY = '2026-12-10'
const SUBJECT = '做好2027年寒假期间中小学生安全工作'
const TITLE = `资阳市人民政府关于${SUBJECT}的通知`
const NUMBER = '资府发〔2026〕1号'

/** The page once the step bar's 200 ms check-mark animation has finished. */
const screenshot = async (p: Page, name: string) => { await p.waitForTimeout(300); return screenshotOf(p, name) }
const signerField = () => page.getByLabel('签发人', { exact: true }).first()
const header = () => page.getByLabel('发文字号', { exact: true })
const openDocument = async () => {
  await page.goto(`${server.url}/#/documents/outgoing/${docId}`)
  await page.reload()
  await page.getByRole('heading', { name: TITLE }).waitFor()
}

beforeAll(async () => {
  app = await openAppSession(`${TODAY}T10:00:00+08:00`)
  ;({ server, page } = app)
  api = rpcClient(server.url)
  await api.login()
  await demo.load(api)
  await setServerClock(server.url, `${TODAY}T10:00:00+08:00`)
  // Two earlier drafts, so the register has more than one line.
  await setServerClock(server.url, '2026-12-08T09:00:00+08:00')
  await api.ok('outgoing.draft', {
    docType: '函', signKind: '一般', series: '资府函', title: '资阳市人民政府关于商请支持成资临空经济产业带建设的函',
    addressee: '成都市人民政府', body: '……\n特此函告。', draftingDepartmentId: deptId('市发展和改革委员会'), drafter: '李晓明',
  })
  await api.ok('outgoing.draft', {
    docType: '通报', signKind: '事务性', series: '资府办发', title: '资阳市人民政府办公室关于2026年第三季度政务信息工作情况的通报',
    body: '……\n特此通报。', classification: '秘密', secrecyPeriod: '1年', urgency: '加急', draftingDepartmentId: deptId('市政府督查室'),
  })
  await setServerClock(server.url, `${TODAY}T10:00:00+08:00`)
})
afterAll(async () => { await app?.close() })

describe('发文 in the browser', () => {
  it('signs in', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('拟稿 a 通知 from its template: title pattern, 主送, body skeleton and series filled in, no number yet (X-1)', async () => {
    await openNav(page, '公文')
    await page.getByRole('tab', { name: '发文' }).click()
    await page.getByRole('table', { name: '发文登记簿' }).getByText('关于商请支持成资临空经济产业带建设的函', { exact: false }).waitFor()
    await page.getByRole('button', { name: '拟稿', exact: true }).click()
    const form = dialogNamed(page, '拟稿')
    await form.waitFor()

    const title = form.getByLabel('标题', { exact: false })
    await expect.poll(() => title.inputValue()).toBe('资阳市人民政府关于{事由}的通知')
    expect(await form.getByLabel('文种', { exact: true }).inputValue()).toBe('通知')
    expect(await form.getByLabel('发文字号序列', { exact: true }).inputValue()).toBe('资府发（资阳市人民政府）')
    expect(await form.getByLabel('签发类别', { exact: true }).inputValue()).toBe('一般文件（分管副市长签发）')
    expect(await form.getByLabel('主送机关', { exact: true }).inputValue()).toContain('各县（区）人民政府')
    const body = form.getByLabel('正文', { exact: true })
    expect(await body.inputValue()).toContain('现就……有关事项通知如下。')
    expect(await body.inputValue()).toMatch(/特此通知。$/)

    // Saving with the pattern still in the title is refused before the server is asked.
    await form.getByRole('button', { name: '保存草稿' }).click()
    await form.getByText('「标题」请填写事由，或直接修改标题').waitFor()

    await form.getByLabel('事由', { exact: true }).fill(SUBJECT)
    expect(await title.inputValue()).toBe(TITLE)
    await body.fill([
      '为切实保障全市中小学生寒假期间生命安全，根据省教育厅有关要求，现就有关事项通知如下。',
      '一、总体要求', '（一）压实安全责任。各地各校要落实安全工作责任制。',
      '二、主要任务', '（一）加强防溺水教育。……', '1．开展一次安全教育主题班会。',
      '三、工作要求', '（一）加强组织领导。……', '特此通知。',
    ].join('\n'))
    const attachments = form.getByLabel('附件', { exact: true })
    await attachments.fill('寒假安全工作责任清单')
    await attachments.press('Enter')
    await attachments.fill('寒假安全提示（致家长的一封信）')
    await attachments.press('Enter')
    await form.getByLabel('紧急程度', { exact: true }).click()
    await page.getByRole('option', { name: '加急', exact: true }).click()
    await form.getByLabel('拟稿单位', { exact: true }).click()
    await page.getByRole('option', { name: '市教育和体育局', exact: true }).click()
    await form.getByLabel('拟稿人', { exact: true }).fill('王丽华')
    await form.getByLabel('抄送机关', { exact: true }).fill('市委办公室，市人大常委会办公室，市政协办公室')
    expect(await form.getByText('「标题」请填写事由，或直接修改标题').count()).toBe(0)
    // The dialog's top (文种, 事由, 标题) in the picture.
    await page.locator('.mantine-Modal-content, .mantine-Modal-inner, .mantine-Modal-body').evaluateAll((els) => els.forEach((el) => { el.scrollTop = 0 }))
    await screenshot(page, 'outgoing-draft-form')

    await form.getByRole('button', { name: '保存草稿' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: TITLE }).waitFor()
    docId = Number(/#\/documents\/outgoing\/(\d+)/.exec(page.url())![1])
    expect(await header().innerText()).toBe('（签发后编号）')
    expect(await page.getByLabel('状态', { exact: true }).innerText()).toBe('拟稿')
    expect(await page.getByLabel('下一步', { exact: true }).innerText()).toBe('下一步：核稿（部门负责人）')
    const saved = await api.ok('outgoing.get', { id: docId })
    expect(saved).toMatchObject({
      title: TITLE, docType: '通知', series: '资府发', signKind: '一般', urgency: '加急', drafter: '王丽华', numberText: null, status: '拟稿',
      draftingDepartmentName: '市教育和体育局', attachmentNames: ['寒假安全工作责任清单', '寒假安全提示（致家长的一封信）'],
    })
  })

  it('edits the draft and saves it before review', async () => {
    const note = page.getByLabel('附注', { exact: true })
    await note.fill('联系人：王丽华，电话：028-26611234')
    await page.getByText('有未保存的修改').first().waitFor()
    await page.getByRole('button', { name: '保存', exact: true }).last().click()
    await page.getByText('文稿已保存。').waitFor()
    expect((await api.ok('outgoing.get', { id: docId })).note).toBe('联系人：王丽华，电话：028-26611234')
  })

  it('核稿 in order: 部门负责人, 办公室秘书, 办公室负责人, each with opinion, name and date', async () => {
    const reviews: [string, string, string][] = [
      ['部门负责人', '张国强', '文稿已核，同意报市政府。'],
      ['办公室秘书', '许文杰', '文字已校核，格式符合要求。'],
      ['办公室负责人', '何振华', '拟同意，呈刘芳副市长签发。'],
    ]
    const form = page.getByRole('group', { name: '核稿意见' })
    for (const [step, reviewer, opinion] of reviews) {
      await form.getByText(`下一步：${step}核稿`).waitFor()
      await form.getByLabel('核稿人', { exact: true }).fill(reviewer)
      await form.getByLabel('核稿意见', { exact: true }).fill(opinion)
      await form.getByRole('button', { name: `${step}核稿` }).click()
      await page.getByRole('table', { name: '核稿记录' }).getByText(opinion).waitFor()
    }
    const table = await page.getByRole('table', { name: '核稿记录' }).innerText()
    for (const [step, reviewer, opinion] of reviews) {
      expect(table).toContain(step); expect(table).toContain(reviewer); expect(table).toContain(opinion)
    }
    expect(table).toContain('2026年12月10日')
    expect(await page.getByRole('group', { name: '核稿意见' }).count()).toBe(0)
    expect(await page.getByLabel('状态', { exact: true }).innerText()).toBe('待签发')
  })

  it('R-D4 names the 分管副市长 and refuses the 秘书长 as signer on the form, before any confirm step', async () => {
    const signer = page.getByRole('note', { name: '应由谁签发' })
    await expect.poll(() => signer.innerText()).toContain('应由分管副市长刘芳签发')
    expect(await signer.innerText()).toContain('第四十八条')
    await expect.poll(() => signerField().inputValue()).toBe('刘芳（分管副市长）')
    expect(await page.getByRole('textbox', { name: '签发意见' }).inputValue()).toBe('同意。')

    await signerField().click()
    await page.getByRole('option', { name: '周文斌（秘书长）' }).click()
    const refusal = page.getByRole('alert').filter({ hasText: '不是应签发人' })
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain('周文斌（秘书长）不是应签发人：应由分管副市长刘芳签发')
    expect(await page.getByRole('button', { name: '签发', exact: true }).isDisabled()).toBe(true)
    expect((await api.ok('outgoing.get', { id: docId })).signed).toBeNull()
    await screenshot(page, 'outgoing-signoff-refused')
  })

  it('R-D4 the 分管副市长 signs; the text is final and the number is still to come (X-1)', async () => {
    await signerField().click()
    await page.getByRole('option', { name: '刘芳（分管副市长）' }).click()
    await page.getByRole('button', { name: '签发', exact: true }).click()
    const confirm = dialogNamed(page, '签发公文')
    expect(await confirm.innerText()).toContain('由刘芳（分管副市长）于2026年12月10日签发')
    await confirm.getByRole('button', { name: '确认签发' }).click()
    const record = page.getByRole('note', { name: '签发情况' })
    await record.waitFor()
    expect(await record.innerText()).toContain('刘芳于2026年12月10日签发，签发意见：“同意。”')
    expect(await header().innerText()).toBe('（签发后编号）')
    // Read-only now: no field to edit, no 保存.
    expect(await page.getByRole('button', { name: '保存', exact: true }).count()).toBe(0)
    expect(await page.getByRole('article', { name: '公文正文' }).innerText()).toContain('一、总体要求')
    expect(await page.getByLabel('下一步', { exact: true }).innerText()).toBe('下一步：编号')
  })

  it('X-1 / R-D6 numbers it 资府发〔2026〕1号', async () => {
    await page.getByRole('group', { name: '编号', exact: true }).getByRole('button', { name: '编号', exact: true }).click()
    await expect.poll(() => header().innerText()).toBe(NUMBER)
    expect(await page.getByLabel('编定的发文字号').innerText()).toBe(NUMBER)
    expect(await page.getByLabel('状态', { exact: true }).innerText()).toBe('已编号')
    await screenshot(page, 'outgoing-numbered')
  })

  it('X-2 复核, 印发 with copies and distribution, 核发', async () => {
    const check = page.getByRole('group', { name: '复核', exact: true })
    await check.getByLabel('复核人', { exact: true }).fill('高雪')
    await check.getByRole('button', { name: '复核', exact: true }).click()
    await check.getByText('复核人：高雪').waitFor()

    const issue = page.getByRole('group', { name: '印发', exact: true })
    await issue.getByLabel('份数', { exact: true }).fill('60')
    expect(await issue.getByLabel('分送范围', { exact: true }).inputValue()).toContain('各县（区）人民政府')
    await issue.getByRole('button', { name: '印发', exact: true }).click()
    await issue.getByText('2026年12月10日印发，60份').waitFor()

    const dispatch = page.getByRole('group', { name: '核发', exact: true })
    await dispatch.getByRole('button', { name: '核发', exact: true }).click()
    await dispatch.getByText('2026年12月10日核发').waitFor()
    await expect.poll(() => page.getByLabel('状态', { exact: true }).innerText()).toBe('已核发')
    const done = await api.ok('outgoing.get', { id: docId })
    expect(done).toMatchObject({ status: '已印发', numberText: NUMBER, checkedBy: '高雪', dispatchedOn: TODAY, issued: { on: TODAY, copies: 60 }, nextStep: null })
    await screenshot(page, 'outgoing-dispatched')
  })

  it('exports the 公文 and the 发文稿纸 as Word, with the title and the number', async () => {
    await openDocument()
    const doc = await downloadFrom(page, '导出公文Word')
    expect(doc.buf.subarray(0, 2).toString('latin1')).toBe('PK')
    const text = docxText(doc.buf)
    expect(text).toContain(TITLE)
    expect(text).toContain(NUMBER)
    expect(text).toContain('寒假安全工作责任清单')

    const sheet = await downloadFrom(page, '导出发文稿纸')
    expect(sheet.buf.subarray(0, 2).toString('latin1')).toBe('PK')
    const sheetText = docxText(sheet.buf)
    expect(sheetText).toContain(NUMBER)
    expect(sheetText).toContain('刘芳')
    expect(sheetText).toContain('何振华')
  })

  it('the 发文登记簿 lists it with its number and signer, and filters by words and status', async () => {
    await page.getByRole('link', { name: '← 返回发文登记簿' }).click()
    const register = page.getByRole('table', { name: '发文登记簿' })
    const row = register.getByRole('row').filter({ hasText: NUMBER })
    await row.waitFor()
    const cells = await row.getByRole('cell').allInnerTexts()
    expect(cells).toEqual([NUMBER, '2026年12月10日', TITLE, '通知', '', '加急', '已核发', '刘芳'])
    expect(await register.getByRole('row').count()).toBe(4)
    await expect.poll(() => page.getByLabel('发文件数').innerText()).toBe('共3件')
    const secret = register.getByRole('row').filter({ hasText: '政务信息工作情况的通报' })
    expect(await secret.getByRole('cell').allInnerTexts()).toEqual(['（签发后编号）', '2026年12月8日', '资阳市人民政府办公室关于2026年第三季度政务信息工作情况的通报', '通报', '秘密★1年', '加急', '拟稿', ''])
    await screenshot(page, 'outgoing-register')

    // Two characters are enough (寒假).
    await page.getByLabel('查询', { exact: true }).fill('寒假')
    await expect.poll(() => register.getByRole('row').count()).toBe(2)
    await page.getByLabel('查询', { exact: true }).fill('')
    await page.getByRole('combobox', { name: '状态' }).click()
    await page.getByRole('option', { name: '拟稿', exact: true }).click()
    await expect.poll(() => page.getByLabel('发文件数').innerText()).toBe('共2件')
    expect(await register.getByRole('row').filter({ hasText: NUMBER }).count()).toBe(0)

    await register.getByRole('row').filter({ hasText: '成资临空经济产业带' }).click()
    await page.getByRole('heading', { name: '资阳市人民政府关于商请支持成资临空经济产业带建设的函' }).waitFor()
    expect(await page.getByLabel('下一步', { exact: true }).innerText()).toBe('下一步：核稿（部门负责人）')
  })

  it('R-D5 a department\'s directive to the counties must say 经市政府同意 and is not the 秘书长\'s to sign', async () => {
    // issued under the department's own name and series (issue 16), set in 公文设置
    const { documentSeries } = await api.ok('settings.get', {})
    await api.ok('settings.update', { documentSeries: [...documentSeries, { code: '资教发', issuer: '资阳市教育和体育局', mark: '资阳市教育和体育局文件', letter: false, department: '市教育和体育局' }] })
    const directive = await api.ok('outgoing.draft', {
      docType: '通知', signKind: '事务性', series: '资教发', title: '关于做好2027年春季学期开学准备工作的通知', countyDirective: true,
      addressee: '各县（区）人民政府', body: '现就2027年春季学期开学准备工作通知如下。\n特此通知。', draftingDepartmentId: deptId('市教育和体育局'),
    })
    await page.goto(`${server.url}/#/documents/outgoing/${directive.id}`)
    await page.getByRole('heading', { name: '关于做好2027年春季学期开学准备工作的通知' }).waitFor()
    const signer = page.getByRole('note', { name: '应由谁签发' })
    await expect.poll(() => signer.innerText()).toContain('应由分管副市长刘芳签发')
    expect(await signer.innerText()).toContain('第四十九条')
    await page.getByText('按第四十九条，向县（区）政府发布的指示性公文，应当报经市政府领导批准').waitFor()
    await page.getByText('正文尚未注明“经市政府同意”，签发时会被拒绝。').waitFor()
    await page.getByRole('button', { name: '在正文开头加上' }).click()
    expect(await page.getByLabel('正文', { exact: true }).inputValue()).toMatch(/^经市政府同意，现就2027年春季学期/)
    await page.getByRole('button', { name: '保存', exact: true }).last().click()
    await page.getByText('文稿已保存。').waitFor()
    await expect.poll(() => page.getByText('正文尚未注明“经市政府同意”').count()).toBe(0)
    expect((await api.ok('outgoing.get', { id: directive.id })).countyDirectiveProblem).toBeNull()
  })
})
