import { parseArgs } from 'node:util'
import { defaultDataDir } from '../system/paths'
import { defaultKeyFile } from '../db/key'
import { DEFAULT_SHARED_ANSWERS, type Encryption } from '../core'
import { adjustableClock } from '../system/clock'
import { startServer, StartupError, type ServerOptions } from './start'

export const DEFAULT_PORT = 5730

const USAGE = `用法：npm start -- [选项]
  --data 目录          数据目录（默认：用户应用数据目录，或环境变量 SANBAN_DATA）
  --port 端口          监听端口（默认 ${DEFAULT_PORT}，或环境变量 SANBAN_PORT）
  --intranet           向内网开放（监听所有网卡；默认只允许本机访问）
  --host-name 名称     客户端访问时使用的主机名，可多次给出
  --no-demo            新数据库不载入演示组织机构
  --admin-password 密码  首次启动时管理员的初始密码（默认随机生成并打印）
  --key-file 文件      数据库密钥文件（默认：数据目录旁的“<数据目录名>.key”，或环境变量 SANBAN_KEY_FILE；
                       首次启动时自动生成，请复制到移动介质存放在保险柜中）
  --shared-answers 条数  同一密级的用户共用的登记簿页和检索结果，数据一有改动即全部作废
                       （默认 ${DEFAULT_SHARED_ANSWERS}；0 为不共用，每次都查数据库）
  --test-clock         允许测试调整系统时间（仅供自动化测试）`

export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv): ServerOptions & { testClock: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      intranet: { type: 'boolean', default: false },
      'host-name': { type: 'string', multiple: true },
      'no-demo': { type: 'boolean', default: false },
      'admin-password': { type: 'string' },
      'key-file': { type: 'string' },
      'test-clock': { type: 'boolean', default: false },
      'shared-answers': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const port = Number(values.port ?? env.SANBAN_PORT ?? DEFAULT_PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`端口无效：${values.port}`)
  const dataDir = values.data ?? defaultDataDir(env)
  const sharedAnswers = Number(values['shared-answers'] ?? DEFAULT_SHARED_ANSWERS)
  if (!Number.isInteger(sharedAnswers) || sharedAnswers < 0) throw new Error(`共用结果条数无效：${values['shared-answers']}`)
  return {
    dataDir,
    keyFile: values['key-file'] ?? env.SANBAN_KEY_FILE ?? defaultKeyFile(dataDir),
    port,
    intranet: values.intranet,
    hostNames: values['host-name'] ?? [],
    demo: !values['no-demo'],
    adminPassword: values['admin-password'] ?? env.SANBAN_ADMIN_PASSWORD,
    testClock: values['test-clock'],
    sharedAnswers,
    help: values.help,
  }
}

function printEncryption(e: Encryption | null): void {
  if (!e) return
  console.log(`  数据库密钥文件：${e.keyFile}（指纹 ${e.fingerprint}）`)
  if (e.keyCreated) console.log('  已生成新的数据库密钥。请立即把密钥文件复制到移动介质并存放在保险柜中：密钥丢失，数据库和附件将无法读取。')
  if (e.encryptedNow) console.log('  原来未加密的数据库、升级前备份和附件已用该密钥加密。')
}

async function main(): Promise<void> {
  const options = parseServerArgs(process.argv.slice(2), process.env)
  if (options.help) { console.log(USAGE); return }
  const server = await startServer({ ...options, clock: options.testClock ? adjustableClock() : undefined })
  const { core } = server
  console.log(`三办已启动（服务器模式）`)
  console.log(`  数据目录：${core.dataDir}`)
  printEncryption(core.encryption)
  if (core.migration.backupFile) console.log(`  已升级数据库，升级前备份：${core.migration.backupFile}`)
  for (const a of core.initialAccounts) console.log(`  已创建${a.role}账户：用户名 ${a.username}，初始密码 ${a.password}`)
  if (core.initialPasswordFile) console.log(`  （初始密码同时保存在 ${core.initialPasswordFile}，各账户首次登录须修改密码，全部修改后该文件自动删除）`)
  console.log(`  请用浏览器打开：${server.url}/`)
  if (options.intranet) console.log('  已向内网开放：其他电脑用本机的 IP 地址或 --host-name 给出的名称访问。')
  const stop = () => { void server.close().then(() => process.exit(0)) }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** What went wrong before the server could start: start-up failures come worded (StartupError); so do bad arguments. */
export function failureText(e: unknown): string {
  if (e instanceof StartupError) return e.message
  const code = (e as { code?: string }).code ?? ''
  if (code.startsWith('ERR_PARSE_ARGS')) return `参数有误（${e instanceof Error ? e.message : String(e)}）。用 npm start -- --help 查看用法。`
  return e instanceof Error ? e.message : String(e)
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`三办启动失败：${failureText(e)}`)
    process.exit(1)
  })
}
