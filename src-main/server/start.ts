import { readFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Hono } from 'hono'
import { type Core, type CoreOptions } from '../core'
import { DATABASE_FILE } from '../db/connection'
import { openOffice } from '../open-office'
import { appRoot } from '../system/paths'
import { explainStartupFailure } from '../system/startup-errors'
import { newestBackup } from '../preflight'
import { createHttpApp, HTTP_SERVER_OPTIONS } from './http'
import { LOOPBACK_HOSTS } from './guards'
import { LOCAL_PREFIX, localControlApp } from './local-control'

export interface ServerOptions extends CoreOptions {
  port: number
  /** Listen on every interface so other PCs of the intranet can connect (off by default). */
  intranet?: boolean
  /** Extra host names clients use to reach this server (e.g. sanban.office.local). */
  hostNames?: string[]
}

export interface RunningServer {
  core: Core
  url: string
  close(): Promise<void>
}

/** A start-up failure, worded for the operator (system/startup-errors.ts); `cause` keeps the original. */
export class StartupError extends Error {}

function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a!.family === 'IPv6' ? `[${a!.address}]` : a!.address)
}

type Fetch = Hono['fetch']
type Listener = ReturnType<typeof serve>

function listen(port: number, hostname: string, fetch: Fetch): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const s = serve({ fetch, port, hostname, serverOptions: HTTP_SERVER_OPTIONS }, () => resolve(s))
    s.once('error', reject)
  })
}

const closeListener = (s: Listener) => new Promise<void>((resolve) => s.close(() => resolve()))

/** Until the database is open, every page and call is answered “starting”, in Chinese, never with data. */
const starting = () => new Response('三办正在启动，请稍候刷新', { status: 503, headers: { 'content-type': 'text/plain; charset=UTF-8', 'retry-after': '2' } })

/**
 * Port first, then the data folder's lock, then the database: a port in use is found before any file is
 * opened or created, and a start that fails at any step leaves every file as it was (open-office.ts).
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = options.root ?? appRoot()
  const explain = (e: unknown) => new StartupError(explainStartupFailure(e, {
    dataDir: options.dataDir, databaseFile: join(options.dataDir, DATABASE_FILE), keyFile: options.keyFile, port: options.port,
    newestBackup: newestBackup(options.dataDir),
  }), { cause: e })
  let app: Hono | null = null
  let core: Core | null = null
  let token: string | null = null
  const local = localControlApp(() => core, () => token)
  const handlerOf = (target: Hono | null): Fetch => target ? target.fetch : starting
  const handle: Fetch = (req, ...rest) => handlerOf(new URL(req.url).pathname.startsWith(LOCAL_PREFIX) ? local : app)(req, ...rest)
  const hostname = options.intranet ? '0.0.0.0' : '127.0.0.1'
  const server = await listen(options.port, hostname, handle).catch((e: unknown) => { throw explain(e) })
  const { port } = server.address() as AddressInfo
  try {
    const opened = openOffice({ ...options, root }, { mode: 'server', port })
    core = opened.core
    token = opened.lock.owner.token
  } catch (e) {
    await closeListener(server)
    throw explain(e)
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
  const allowedHosts = [...LOOPBACK_HOSTS, ...(options.hostNames ?? []), ...(options.intranet ? machineAddresses() : [])]
  app = createHttpApp(core, { rendererDir: join(root, 'out', 'renderer'), allowedHosts, version })
  const opened = core
  return {
    core: opened,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => { opened.close(); resolve() })),
  }
}
