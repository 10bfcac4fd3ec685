/**
 * 定密变更 (issue 14 §1): a 收文's, 发文's or 议题's 密级 changes only as an act of its own — by the roles the office
 * designates (设置—定密变更人员, 科长 unless the 科长 says otherwise), with a reason and an approving 市政府领导 — and
 * every change is in the record's history and the audit log. Editing never changes it. The demo office's 科长
 * kezhang is cleared for 机密, 文秘 wenmi for 秘密, 查阅 chayue for 内部.
 */
import { describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { must, type InputOf, type OutputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, meetingType, draftTemplate } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { auditLog } from '../../src-main/audit/schema'
import { reclassifications } from '../../src-main/security/schema'

const demo = demoOffice()
const office = officeServer({ demo, clock: '2026-12-01T09:00:00+08:00' })
const { server, api: kezhang } = office
const wenmi = office.signedIn('wenmi')
const chayue = office.signedIn('chayue')
const secadmin = office.signedIn('secadmin')
const { deptId, personId } = demo
const upload = (name: string, text: string) => uploadAs(server.url, kezhang, name, text)
const auditOf = (procedure: string) => server.core.conn.db.select().from(auditLog).where(eq(auditLog.procedure, procedure)).all()
const reclassRows = () => server.core.conn.db.select().from(reclassifications).all()

/** What a clerk's 修改登记信息 sends: the registration as it stands, with `change` applied. */
const editOf = (doc: OutputOf<'incoming.receive'>, change: Partial<InputOf<'incoming.update'>>): InputOf<'incoming.update'> => ({
  id: doc.id, receivedAt: doc.receivedAt, sender: doc.sender, senderDepartmentId: doc.senderDepartmentId, senderNumber: doc.senderNumber,
  title: doc.title, docType: doc.docType, classification: doc.classification, secrecyPeriod: doc.secrecyPeriod, urgency: doc.urgency,
  copies: doc.copies, pages: doc.pages, arrival: doc.arrival, ...change,
})

async function secretIncoming(title: string) {
  return kezhang.ok('incoming.receive', {
    receivedAt: '2026-12-01 09:10', sender: '市财政局', senderDepartmentId: deptId('市财政局'), title, docType: '请示',
    classification: '秘密', secrecyPeriod: '1年', arrival: '机要交通', files: [{ kind: '扫描件', file: await upload('资金安排扫描件.pdf', '防汛资金安排（秘密）') }],
  })
}

describe('收文：密级 changes only by 定密变更 (issue 14 §1)', () => {
  it('a 文秘 who sets a 秘密★1年 收文 to 非涉密 in 修改登记信息 is refused, pointed to 定密变更, and nothing changes', async () => {
    const doc = await secretIncoming('关于防汛救灾资金安排的请示')
    const before = auditOf('incoming.update').length
    const r = await wenmi.call('incoming.update', editOf(doc, { classification: '无', secrecyPeriod: null, title: '关于防汛资金的请示' }))
    expect(r.status).toBe(400)
    expect(r.body.error).toMatchObject({ field: 'classification' })
    expect(r.body.error!.message).toContain('定密变更')
    const after = await kezhang.ok('incoming.get', { id: doc.id })
    expect(after).toMatchObject({ classification: '秘密', secrecyPeriod: '1年', secrecyMark: '秘密★1年', title: '关于防汛救灾资金安排的请示' })
    expect(auditOf('incoming.update').length).toBe(before)
    expect((await chayue.call('incoming.get', { id: doc.id })).status).toBe(404)
    // Changing only the 保密期限 is a 定密变更 too; editing other fields while repeating the 密级 is an ordinary edit.
    expect((await wenmi.call('incoming.update', editOf(doc, { secrecyPeriod: '6个月' }))).body.error?.message).toContain('定密变更')
    expect(await wenmi.ok('incoming.update', editOf(doc, { copies: 3 }))).toMatchObject({ copies: 3, secrecyMark: '秘密★1年' })
  })

  it('a 文秘 cannot make a 定密变更 at all: it is the 科长\'s (设置—定密变更人员)', async () => {
    const doc = await secretIncoming('关于防汛物资储备的请示')
    const r = await wenmi.call('incoming.reclassify', { id: doc.id, classification: '无', reason: '已公开发布', approverId: personId('杨帆') })
    expect(r.status).toBe(403)
    expect(r.body.error!.message).toContain('定密变更由科长办理（设置—定密变更人员）')
    expect((await kezhang.ok('incoming.get', { id: doc.id })).classification).toBe('秘密')
  })

  it('a 定密变更 without a reason, without an approver, or approved by someone who is no 市政府领导 is refused and changes nothing', async () => {
    const doc = await secretIncoming('关于防汛抢险队伍建设的请示')
    const rows = reclassRows().length
    const noReason = await kezhang.call('incoming.reclassify', { id: doc.id, classification: '无', reason: ' ', approverId: personId('杨帆') })
    expect(noReason.status).toBe(400)
    expect(noReason.body.error!.message).toContain('变更理由')
    const noApprover = await kezhang.call('incoming.reclassify', { id: doc.id, classification: '无', reason: '已公开发布' })
    expect(noApprover.status).toBe(400)
    expect(noApprover.body.error!.message).toContain('批准人')
    const clerk = must(demo.org.posts.find((p) => p.kind === '部门主要负责人' && p.holderId), '有人担任的部门主要负责人岗位').holderId
    const notLeader = await kezhang.call('incoming.reclassify', { id: doc.id, classification: '无', reason: '已公开发布', approverId: clerk })
    expect(notLeader.body.error!.message).toBe('「批准人」须为市长、副市长、秘书长或副秘书长')
    expect((await kezhang.ok('incoming.get', { id: doc.id })).classification).toBe('秘密')
    expect(reclassRows().length).toBe(rows)
  })

  it('the 科长 lowers a 秘密 收文 with reason and approver: before/after in its history and the audit log, and only then a 内部 reader sees it and its scan', async () => {
    const doc = await secretIncoming('关于2026年防汛资金下达情况的报告')
    expect((await chayue.call('incoming.get', { id: doc.id })).status).toBe(404)
    const fileId = doc.files[0].fileId
    expect((await chayue.call('incoming.downloadFile', { fileId })).status).toBe(404)

    const changed = await kezhang.ok('incoming.reclassify', { id: doc.id, classification: '无', reason: '资金下达文件已在政府网站公开', approverId: personId('杨帆') })
    expect(changed).toMatchObject({ classification: '无', secrecyPeriod: null, secrecyMark: null })
    const entry = '定密变更：秘密★1年 → 非涉密（理由：资金下达文件已在政府网站公开；批准人：副市长杨帆）'
    expect(changed.reclassifications).toMatchObject([{ from: '秘密★1年', to: '非涉密', approver: '副市长杨帆', by: expect.any(String) }])
    expect(changed.timeline.map((t) => t.event)).toContain(entry)

    const audit = auditOf('incoming.reclassify')
    const record = audit.find((a) => a.entity === '定密变更' && a.changes!.includes(String(doc.id)))!
    expect(JSON.parse(record.changes!).新建).toMatchObject({
      kind: '收文', recordId: doc.id, fromClassification: '秘密', fromPeriod: '1年', toClassification: '无', toPeriod: null,
      reason: '资金下达文件已在政府网站公开', approverName: '副市长杨帆',
    })
    const docChange = audit.find((a) => a.entity === '收文' && a.entityId === String(doc.id))!
    expect(JSON.parse(docChange.changes!)).toMatchObject({ classification: ['秘密', '无'], secrecyPeriod: ['1年', null] })

    expect(await chayue.ok('incoming.get', { id: doc.id })).toMatchObject({ title: '关于2026年防汛资金下达情况的报告' })
    expect((await chayue.ok('incoming.downloadFile', { fileId })).filename).toBe('资金安排扫描件.pdf')
  })

  it('raising is recorded the same way, and raising above 设置—系统最高密级 is refused as at registration', async () => {
    const doc = await secretIncoming('关于重点水库安全度汛的请示')
    const raised = await kezhang.ok('incoming.reclassify', { id: doc.id, classification: '机密', secrecyPeriod: '10年', reason: '涉及重点设施位置', approverId: personId('李建国') })
    expect(raised.reclassifications.at(-1)).toMatchObject({ from: '秘密★1年', to: '机密★10年', approver: '常务副市长李建国' })
    expect((await wenmi.call('incoming.get', { id: doc.id })).status).toBe(404)

    await secadmin.ok('settings.update', { approvedClassification: '秘密' })
    try {
      const other = await secretIncoming('关于山洪灾害防御的请示')
      const r = await kezhang.call('incoming.reclassify', { id: other.id, classification: '机密', secrecyPeriod: '10年', reason: '涉及重点设施', approverId: personId('李建国') })
      expect(r.body.error!.message).toBe('本系统批准的最高密级为秘密（设置—系统最高密级），不能将密级变更为机密')
    } finally {
      await secadmin.ok('settings.update', { approvedClassification: '机密' })
    }
  })

  it('the 科长 may designate the 文秘 (设置—定密变更人员), a setting only the 科长 changes', async () => {
    const refused = await wenmi.call('settings.update', { reclassifyRoles: ['科长', '文秘'] })
    expect(refused.status).toBe(403)
    expect(refused.body.error!.message).toContain('无权')
    await kezhang.ok('settings.update', { reclassifyRoles: ['科长', '文秘'] })
    try {
      const doc = await secretIncoming('关于汛后水毁工程修复的请示')
      expect(await wenmi.ok('incoming.reclassify', { id: doc.id, classification: '秘密', secrecyPeriod: '6个月', reason: '保密期限按来文机关通知缩短', approverId: personId('杨帆') }))
        .toMatchObject({ secrecyMark: '秘密★6个月' })
    } finally {
      await kezhang.ok('settings.update', { reclassifyRoles: ['科长'] })
    }
  })
})

describe('发文 and 议题: the same 定密变更 (issue 14 §1)', () => {
  async function secretDraft() {
    const t = await draftTemplate(kezhang, '通知')
    return kezhang.ok('outgoing.draft', {
      docType: t.docType, signKind: t.signKind, series: t.series, title: '关于做好重要目标防护工作的通知', addressee: t.addressee, body: t.body,
      publicity: t.publicity, upward: t.upward, draftingDepartmentId: deptId('市应急管理局'), drafter: '罗佳怡', classification: '秘密', secrecyPeriod: '1年',
    })
  }

  it('editing a 秘密 发文 draft to 非涉密 is refused; the 科长\'s 定密变更 is in its history and audit log, and a 内部 reader then sees it', async () => {
    const d = await secretDraft()
    const refused = await wenmi.call('outgoing.updateDraft', {
      id: d.id, docType: d.docType, signKind: d.signKind, series: d.series, title: d.title, addressee: d.addressee, body: d.body,
      attachmentNames: d.attachmentNames, classification: '无', secrecyPeriod: null, publicity: d.publicity, upward: d.upward, countyDirective: d.countyDirective,
    })
    expect(refused.body.error!.message).toContain('定密变更')
    expect((await chayue.call('outgoing.get', { id: d.id })).status).toBe(404)
    expect((await wenmi.call('outgoing.reclassify', { id: d.id, classification: '无', reason: '不涉密', approverId: personId('杨帆') })).status).toBe(403)

    const lowered = await kezhang.ok('outgoing.reclassify', { id: d.id, classification: '无', reason: '内容已不涉及国家秘密', approverId: personId('杨帆') })
    expect(lowered).toMatchObject({ classification: '无', classificationText: null })
    expect(lowered.reclassifications).toMatchObject([{ text: '定密变更：秘密★1年 → 非涉密（理由：内容已不涉及国家秘密；批准人：副市长杨帆）' }])
    expect(auditOf('outgoing.reclassify').map((a) => a.entity)).toEqual(expect.arrayContaining(['发文', '定密变更']))
    expect(await chayue.ok('outgoing.get', { id: d.id })).toMatchObject({ title: '关于做好重要目标防护工作的通知' })
  })

  it('the 科长 lowers a 机密 议题: recorded in its history and the audit log, and its material then opens for a 内部 reader', async () => {
    const type = await meetingType(kezhang, '常务会议')
    const meetingId = (await kezhang.ok('meetings.schedule', { typeId: type.id, date: '2026-12-23', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
    const files = [
      { kind: '议题材料' as const, file: await upload('应急指挥体系.docx', '应急指挥体系建设议题材料（机密）') },
      { kind: '议题审批表' as const, file: await upload('应急指挥体系审批表.pdf', '议题审批表') },
    ]
    await kezhang.ok('topics.submit', { meetingId, title: '关于防汛应急指挥体系建设的议题', departmentId: deptId('市应急管理局'), deliveredOn: '2026-12-01', files, classification: '机密' })
    const topic = (await kezhang.ok('topics.list', { meetingId })).topics[0]
    expect((await chayue.ok('topics.list', { meetingId })).topics).toEqual([])
    // Above the 文秘's clearance (秘密), the topic does not even exist for them.
    expect((await wenmi.call('topics.reclassify', { id: topic.id, classification: '无', reason: '不涉密', approverId: personId('杨帆') })).status).toBe(404)
    expect((await kezhang.call('topics.reclassify', { id: topic.id, classification: '无', approverId: personId('杨帆') })).status).toBe(400)

    await kezhang.ok('topics.reclassify', { id: topic.id, classification: '无', reason: '体系方案已公开征求意见', approverId: personId('杨帆') })
    const seen = (await chayue.ok('topics.list', { meetingId })).topics
    expect(seen).toHaveLength(1)
    expect(seen[0].reclassifications).toMatchObject([{ text: '定密变更：机密 → 非涉密（理由：体系方案已公开征求意见；批准人：副市长杨帆）' }])
    expect((await chayue.ok('topics.downloadFile', { fileId: must(seen[0].files.find((f) => f.kind === '议题材料'), '议题材料').id })).filename).toBe('应急指挥体系.docx')
    expect(auditOf('topics.reclassify').find((a) => a.entity === '议题')!.changes).toContain('["机密","无"]')
  })
})
