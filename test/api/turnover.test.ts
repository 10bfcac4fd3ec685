/**
 * Turnover (换届, staff leaving; R-P1, R-M5, R-P2): a post changes hands from a date and every past record keeps the
 * person who held it then; a person who leaves is archived, never deleted while anything names them.
 */
import { describe, expect, it } from 'vitest'
import { download, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { docxText, unzipPart } from '../helpers/zip'
import { listMeetingTypes } from '../../src-main/meetings/context'
import { eq } from 'drizzle-orm'
import { meetings, topics } from '../../src-main/meetings/schema'

const demo = demoOffice()
const { server, api } = officeServer({ demo })
const { department, personId, post } = demo
const clock = (at: string) => api.ok('system.setClock', { at: `${at}T10:00:00+08:00` })

// A held 常务会议 with one topic, put in the database as the meetings pages leave it (as test/api/minutes.test.ts does).
const db = () => server.core.conn.db
function heldMeeting(date: string, session: number): number {
  const typeId = listMeetingTypes(db()).find((t) => t.kind === '常务会议')!.id
  const id = db().insert(meetings).values({ typeId, date, session, halfDay: '上午', status: '已召开', chairPostId: post('市长').id, createdAt: new Date().toISOString() }).returning().get().id
  db().insert(topics).values({ meetingId: id, title: '关于城区供水管网改造的议题', sortOrder: 0, departmentId: department('市财政局').id, deliveredOn: date, createdAt: new Date().toISOString() }).run()
  return id
}
async function saveDraft(meetingId: number) {
  const m = await api.ok('minutes.get', { meetingId })
  await api.ok('minutes.save', { meetingId, opening: m.opening, attendance: m.attendance, decisions: m.decisions.map((d) => ({ ...d, text: '会议同意。' })) })
}

let newMayor: number

describe('a 市长 replaced mid-year (R-P1, R-M5)', () => {
  let june: number

  it('signs June\'s minutes by 张明远, then records 钱卫东 as 市长 from 1 July', async () => {
    await clock('2026-06-12')
    june = heldMeeting('2026-06-10', 8)
    await saveDraft(june)
    await api.ok('minutes.sign', { meetingId: june, signerPersonId: personId('张明远'), opinion: '同意印发。', date: '2026-06-12' })

    await clock('2026-07-01')
    newMayor = (await api.ok('org.savePerson', { name: '钱卫东', officePhone: '', mobile: '' })).id
    const ahead = await api.call('org.changeHolder', { postId: post('市长').id, personId: newMayor, fromDate: '2026-07-02', reason: '市人大常委会任命' })
    expect(ahead.body.error).toMatchObject({ code: 'VALIDATION', field: 'fromDate' })
    expect(ahead.body.error?.message).toContain('不能晚于今天（2026年7月1日）')
    await api.ok('org.changeHolder', { postId: post('市长').id, personId: newMayor, fromDate: '2026-07-01', reason: '市人大常委会第十次会议任命' })

    const org = await api.ok('org.overview')
    expect(org.posts.find((p) => p.id === post('市长').id)?.holderName).toBe('钱卫东')
    expect(org.holdings.filter((h) => h.postId === post('市长').id).map((h) => [h.personName, h.fromDate, h.toDate, h.reason])).toEqual([
      ['张明远', null, '2026-06-30', '演示数据'],
      ['钱卫东', '2026-07-01', null, '市人大常委会第十次会议任命'],
    ])
  })

  it('R-D3 a 收文 proposed to the 市长 on 29 June still names 张明远 in its 拟办 summary after 钱卫东 took office', async () => {
    const doc = await api.ok('incoming.receive', {
      receivedAt: '2026-06-29 09:00', sender: '市财政局', senderDepartmentId: department('市财政局').id, title: '关于年中财政收支情况的报告', docType: '报告', arrival: '机要交通', files: [],
    })
    await api.ok('incoming.review', { id: doc.id, reviewedOn: '2026-06-29' })
    await api.ok('incoming.propose', { id: doc.id, proposal: '拟请张明远市长阅示。', proposedBy: '许文杰', proposedOn: '2026-06-29', major: true })
    expect((await api.ok('incoming.get', { id: doc.id })).proposalInfo).toMatchObject({ routePostTitle: '市长', routeHolderName: '张明远' })
  })

  it('R-M3 a consent is read with the 市长 of its own day: 张明远 on 29 June for a meeting on 3 July, not 钱卫东', async () => {
    const id = heldMeeting('2026-07-03', 9)
    db().update(meetings).set({ status: '筹备' }).where(eq(meetings.id, id)).run()
    const topicId = db().select().from(topics).where(eq(topics.meetingId, id)).get()!.id
    const byNew = await api.call('topics.recordConsent', { topicId, personId: newMayor, on: '2026-06-29' })
    expect(byNew.body.error).toMatchObject({ code: 'RULE', rule: 'R-M3' })
    expect(byNew.body.error?.message).toContain('钱卫东不是市长')
    const byOld = await api.ok('topics.recordConsent', { topicId, personId: personId('张明远'), on: '2026-06-29' })
    expect(byOld).toMatchObject({ consentBy: '市长张明远', consentOn: '2026-06-29' })
  })

  it('old minutes still show the old signer: 张明远 signed, chaired, and is who should have signed that day', async () => {
    const m = await api.ok('minutes.get', { meetingId: june })
    expect(m.signed).toMatchObject({ name: '张明远', actingFor: null, on: '2026-06-12' })
    expect(m.requiredSignerText).toBe('应由张明远签发')
    expect(m.opening).toContain('市长张明远')
    const word = docxText((await download(api, 'minutes.exportDocx', { meetingId: june })).buf)
    expect(word).toContain('张明远')
    expect(word).not.toContain('钱卫东')
  })

  it('new minutes resolve to the new 市长, and 张明远 is refused as their signer', async () => {
    await clock('2026-07-10')
    const july = heldMeeting('2026-07-08', 9)
    await saveDraft(july)
    const signer = await api.ok('minutes.signer', { meetingId: july, date: '2026-07-10' })
    expect(signer).toMatchObject({ ok: true, text: '应由钱卫东签发' })
    const refused = await api.call('minutes.sign', { meetingId: july, signerPersonId: personId('张明远'), opinion: '同意。', date: '2026-07-10' })
    expect(refused.body.error).toMatchObject({ code: 'RULE', rule: 'R-M5' })
    expect((await api.ok('minutes.get', { meetingId: july })).opening).toContain('市长钱卫东')
  })

  it('R-P2 acting follows the holder of the day: 张明远 for June, 钱卫东 for July', async () => {
    expect((await api.ok('absences.leadersOn', { date: '2026-06-15' }))[0]).toMatchObject({ postTitle: '市长', holderName: '张明远' })
    expect((await api.ok('absences.leadersOn', { date: '2026-07-02' }))[0]).toMatchObject({ postTitle: '市长', holderName: '钱卫东' })
  })

  it('refuses a change dated before the last one, and says how to correct a wrong entry', async () => {
    const r = await api.call('org.changeHolder', { postId: post('市长').id, personId: personId('张明远'), fromDate: '2026-06-20', reason: '补录' })
    expect(r.body.error).toMatchObject({ code: 'CONFLICT' })
    expect(r.body.error?.message).toBe('市长最近一次任职变更在2026年7月1日，新的变更须晚于这一天；如那次登记有误，请先“撤销最近一次变更”')
  })
})

describe('a post that records name (R-P1)', () => {
  it('is left vacant, not deleted: deleting the 市长 post would blank the 主持人 of its meetings', async () => {
    const r = await api.call('org.deletePost', { id: post('市长').id })
    expect(r.body.error).toMatchObject({ code: 'CONFLICT' })
    expect(r.body.error?.message).toBe('市长岗位已有会议3条、收文1条，删除会让这些记录失去岗位，不能删除。岗位暂无人担任请用“任职变更”设为空缺')
  })

  it('falls vacant from a date and gets a successor later; each day keeps its holder', async () => {
    const deputy = post('副秘书长', '孙国华')
    await api.ok('org.changeHolder', { postId: deputy.id, personId: null, fromDate: '2026-07-05', reason: '孙国华调任' })
    const again = await api.call('org.changeHolder', { postId: deputy.id, personId: null, fromDate: '2026-07-06', reason: '重复' })
    expect(again.body.error).toMatchObject({ code: 'CONFLICT', message: '副秘书长已经空缺' })
    await clock('2026-07-20')
    const successor = (await api.ok('org.savePerson', { name: '冯立平', officePhone: '', mobile: '' })).id
    await api.ok('org.changeHolder', { postId: deputy.id, personId: successor, fromDate: '2026-07-20', reason: '市政府任命' })
    const holderOn = async (date: string) => (await api.ok('absences.leadersOn', { date })).find((a) => a.postId === deputy.id)?.holderName ?? null
    expect([await holderOn('2026-07-04'), await holderOn('2026-07-10'), await holderOn('2026-07-20')]).toEqual(['孙国华', null, '冯立平'])
    const history = (await api.ok('org.overview')).holdings.filter((h) => h.postId === deputy.id)
    expect(history.map((h) => [h.personName, h.fromDate, h.toDate, h.endReason])).toEqual([
      ['孙国华', null, '2026-07-04', '孙国华调任'],
      ['冯立平', '2026-07-20', null, null],
    ])
  })
})

describe('undoing a wrongly entered change (R-P1)', () => {
  it('puts the earlier holder back in office, with the reason in the audit log', async () => {
    const deputy = post('副秘书长', '吴海涛')
    await api.ok('org.changeHolder', { postId: deputy.id, personId: newMayor, fromDate: '2026-07-10', reason: '误录' })
    expect((await api.ok('org.overview')).posts.find((p) => p.id === deputy.id)?.holderName).toBe('钱卫东')
    const noReason = await api.call('org.undoHolderChange', { postId: deputy.id, reason: '' })
    expect(noReason.body.error).toMatchObject({ code: 'VALIDATION', field: 'reason' })
    await api.ok('org.undoHolderChange', { postId: deputy.id, reason: '人员选错' })
    const org = await api.ok('org.overview')
    expect(org.posts.find((p) => p.id === deputy.id)?.holderName).toBe('吴海涛')
    expect(org.holdings.filter((h) => h.postId === deputy.id).map((h) => [h.personName, h.toDate])).toEqual([['吴海涛', null]])
    const undone = server.core.conn.sqlite.prepare("SELECT changes FROM audit_log WHERE procedure = 'org.undoHolderChange'").pluck().all() as string[]
    expect(undone.map((c) => JSON.parse(c) as object)).toContainEqual({ 撤销最近一次任职变更: '副秘书长', 理由: '人员选错' })
  })
})

describe('a departed staff member (归档)', () => {
  let rosterId: number
  let leaver: { id: number; name: string }

  it('keeps the past roster intact: archived, the roster and its exports still list the name', async () => {
    await clock('2026-11-25')
    const made = await api.ok('duty.generate', { kind: '办公室值班', from: '2026-12-01', to: '2026-12-31' })
    rosterId = made.id
    await api.ok('duty.publish', { id: rosterId })
    const roster = await api.ok('duty.get', { id: rosterId })
    const staff = must(roster.days[0].duties.find((d) => d.role === '主班'), '12月1日的主班')
    leaver = { id: staff.personId, name: must(staff.person, '主班人员').name }

    await clock('2026-12-20')
    const refused = await api.call('org.deletePerson', { id: leaver.id })
    expect(refused.body.error?.message).toContain(`${leaver.name}仍担任`)
    const archived = await api.ok('org.archivePerson', { id: leaver.id, date: '2026-12-20', reason: '调离市政府办公室' })
    expect(archived.vacated.length).toBeGreaterThan(0)

    const after = await api.ok('duty.get', { id: rosterId })
    const theirs = after.days.flatMap((d) => d.duties).filter((d) => d.personId === leaver.id)
    expect(theirs.length).toBeGreaterThan(0)
    expect(theirs.every((d) => d.person?.name === leaver.name)).toBe(true)
    expect(docxText((await download(api, 'duty.exportRosterDocx', { id: rosterId })).buf)).toContain(leaver.name)
    expect(unzipPart((await download(api, 'duty.exportRosterXlsx', { id: rosterId })).buf, 'xl/sharedStrings.xml')).toContain(leaver.name)
  })

  it('is refused deletion once anything names them, with what names them and 归档 as the way', async () => {
    const r = await api.call('org.deletePerson', { id: leaver.id })
    expect(r.body.error).toMatchObject({ code: 'CONFLICT' })
    expect(r.body.error?.message).toMatch(new RegExp(`^${leaver.name}已有值班安排\\d+条、任职记录1条，删除会让这些记录失去姓名，不能删除。人员离任请用“归档”`))
  })

  it('leaves the posts vacant from the day of leaving and marks the person archived', async () => {
    const org = await api.ok('org.overview')
    const person = must(org.people.find((p) => p.id === leaver.id), leaver.name)
    expect(person).toMatchObject({ archivedOn: '2026-12-20', archiveReason: '调离市政府办公室', posts: [] })
    const held = org.holdings.filter((h) => h.personId === leaver.id)
    expect(held.map((h) => [h.toDate, h.endReason])).toEqual([['2026-12-19', `${leaver.name}离任：调离市政府办公室`]])
    expect(org.posts.find((p) => p.id === held[0].postId)?.holderId).toBeNull()
  })

  it('refuses an absence after leaving and a post for the archived person, until restored', async () => {
    const absence = await api.call('absences.save', { personId: leaver.id, kind: '出差', startDate: '2026-12-22', endDate: '2026-12-23' })
    expect(absence.body.error?.message).toBe(`${leaver.name}已于2026年12月20日离任归档，不能登记此后的外出`)
    const vacant = must((await api.ok('org.overview')).holdings.find((h) => h.personId === leaver.id), '任职记录').postId
    const holder = await api.call('org.changeHolder', { postId: vacant, personId: leaver.id, fromDate: '2026-12-20', reason: '返岗' })
    expect(holder.body.error?.message).toContain('已于2026年12月20日归档（离任），不能再任职')
    await api.ok('org.restorePerson', { id: leaver.id, reason: '归档有误' })
    expect((await api.ok('org.overview')).people.find((p) => p.id === leaver.id)?.archivedOn).toBeNull()
  })

  it('deletes a person nothing names (entered by mistake)', async () => {
    const typo = await api.ok('org.savePerson', { name: '张明圆', officePhone: '', mobile: '' })
    await api.ok('org.deletePerson', { id: typo.id })
    expect((await api.ok('org.overview')).people.some((p) => p.id === typo.id)).toBe(false)
  })
})
