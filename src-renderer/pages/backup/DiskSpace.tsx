import { Alert, Text } from '@mantine/core'
import { useQuery, type OutputOf } from '../../api/client'

type Disks = OutputOf<'backup.disk'>
type Disk = Disks['data']

const mb = (n: number | null) => (n === null ? '（无法读取）' : `${n.toLocaleString('zh-CN')} MB`)
const describe = (what: string, d: Disk) => `${what}（${d.folder}）所在磁盘剩余 ${mb(d.freeMb)}，共 ${mb(d.totalMb)}`

/**
 * The 系统管理员 sees a full disk on every page of theirs before the office does: writes, sign-ins and
 * backups all stop when it is full (system/disk-space.ts), while reading goes on.
 */
export function LowDiskAlert() {
  const disks = useQuery('backup.disk', {})
  const low = disks.data ? [['数据目录', disks.data.data] as const, ['备份文件夹', disks.data.backups] as const].filter(([, d]) => d.low) : []
  if (low.length === 0) return null
  return (
    <Alert color="red" title="磁盘空间不足" mb="md">
      {low.map(([what, d]) => <Text key={what} size="sm">{describe(what, d)}。</Text>)}
      <Text size="sm">空间用尽后，录入、登录和备份都会被拒绝（已登录的用户仍可查阅）。请清理磁盘，或在“备份设置”中把备份文件夹改到空间充足的磁盘。</Text>
    </Alert>
  )
}

/** One line under the backup section: how much room the data and the backups have. */
export function DiskSpaceLine() {
  const disks = useQuery('backup.disk', {})
  if (!disks.data) return null
  const { data, backups, sameDisk } = disks.data
  const text = sameDisk ? describe('数据目录和备份文件夹', { ...data, folder: `${data.folder}；${backups.folder}` }) : `${describe('数据目录', data)}；${describe('备份文件夹', backups)}`
  return <Text size="sm" c={data.low || backups.low ? 'red' : 'dimmed'}>{text}。</Text>
}
