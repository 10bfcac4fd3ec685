/**
 * One meaning of a deadline (issue 16): the same 收文 shows the same working-day figure on its page, in the
 * 收文登记簿, in the 首页 due list and in the Excel register — across the National Day holiday, where calendar days
 * and working days part company (办结时限 30 September, looked at on 12 October: 12 calendar days late).
 */
import { describe, expect, it } from 'vitest'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { readXlsx } from '../helpers/xlsx'

const demo = demoOffice()
const { api } = officeServer({ demo })
const title = '关于国庆期间城区供水保障情况的报告'

describe('同一收文在各处显示同一个工作日数', () => {
  it('shows the overdue 收文\'s working days alike on its page, in the register, the due list and Excel, and where it is now', async () => {
    await api.ok('system.setClock', { at: '2026-09-21T09:00:00+08:00' })
    const doc = await api.ok('incoming.receive', {
      receivedAt: '2026-09-21 09:10', sender: '市住房和城乡建设局', senderDepartmentId: demo.deptId('市住房和城乡建设局'), senderNumber: null, title, docType: '报告',
      classification: '无', secrecyPeriod: null, arrival: '机要交通', files: [],
    })
    await api.ok('incoming.review', { id: doc.id, reviewedOn: '2026-09-21' })
    await api.ok('incoming.propose', { id: doc.id, proposal: '拟呈分管副市长阅。', proposedBy: '高雪', proposedOn: '2026-09-21', deadline: '2026-09-30' })
    await api.ok('system.setClock', { at: '2026-10-12T09:00:00+08:00' })

    const page = (await api.ok('incoming.get', { id: doc.id })).deadlineTiming!
    expect(page.state).toBe('逾期')
    expect(page.label).toBe(`逾期${page.workingDaysOverdue}个工作日`)
    // Fewer than the 12 calendar days: the holiday is not counted.
    expect(page.workingDaysOverdue).toBeLessThan(12)

    const row = (await api.ok('registers.incoming', { year: 2026, text: '城区供水保障' })).rows.find((r) => r.id === doc.id)!
    expect(row.timing).toEqual(page)
    const due = (await api.ok('incoming.dueSoon')).items.find((i) => i.documentId === doc.id)!
    expect(due.timing).toEqual(page)

    const sheet = readXlsx((await api.ok('registers.exportIncomingXlsx', { year: 2026 })).base64)
    const [head] = sheet.rows.slice(2, 3)
    const line = sheet.rows.find((r) => r[head.indexOf('标题')] === title)!
    expect(line[head.indexOf('时限情况')]).toBe(page.label)
    expect(line[head.indexOf('逾期工作日')]).toBe(String(page.workingDaysOverdue))
    expect(line[head.indexOf('办理时限')]).toBe('2026-09-30')
    // 当前位置 as the register says it (the issue found it empty in Excel).
    expect(line[head.indexOf('当前位置')]).toBe(row.where)
    expect(row.where).toBe('办公室（待送批）')
  })
})
