import { beforeAll, describe, expect, it } from 'vitest'
import { officeServer } from '../helpers/office-server'
import { loadDemoOffice } from '../helpers/demo-office'

// Issue 16: "资交[2026]45号" typed at 签收 is stored as 资交〔2026〕45号, and the 收文登记簿 finds it whichever
// brackets the searcher types.

const { api: kezhang } = officeServer()

beforeAll(async () => {
  const { deptId } = await loadDemoOffice(kezhang)
  await kezhang.ok('incoming.receive', {
    receivedAt: '2026-12-01 09:10', sender: '市交通运输局', senderDepartmentId: deptId('市交通运输局'), senderNumber: '资交[2026]45号',
    title: '关于城区公交线网优化调整的请示', docType: '请示', arrival: '机要交通', files: [],
  })
})

describe('来文字号 in 六角括号 (issue 16)', () => {
  it('a number typed with square brackets is registered as 资交〔2026〕45号', async () => {
    const page = await kezhang.ok('registers.incoming', {})
    expect(page.rows.map((r) => r.senderNumber)).toEqual(['资交〔2026〕45号'])
  })

  it.each(['资交〔2026〕45号', '资交[2026]45号', '资交（2026）45号'])('searching %s finds it', async (text) => {
    expect((await kezhang.ok('registers.incoming', { text })).total).toBe(1)
  })
})
