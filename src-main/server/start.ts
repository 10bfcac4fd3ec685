import { readFileSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { openCore, type Core, type CoreOptions } from '../core'
import { appRoot } from '../paths'
import { createHttpApp } from './http'
import { LOOPBACK_HOSTS } from './guards'

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

function machineAddresses(): string[] {
  return Object.values(networkInterfaces()).flat().filter((a) => a && !a.internal).map((a) => a!.family === 'IPv6' ? `[${a!.address}]` : a!.address)
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = options.root ?? appRoot()
  const core = openCore({ ...options, root })
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
  const allowedHosts = [...LOOPBACK_HOSTS, ...(options.hostNames ?? []), ...(options.intranet ? machineAddresses() : [])]
  const app = createHttpApp(core, { rendererDir: join(root, 'out', 'renderer'), allowedHosts, version })
  const hostname = options.intranet ? '0.0.0.0' : '127.0.0.1'
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, () => resolve(s))
    s.once('error', reject)
  })
  const { port } = server.address() as AddressInfo
  return {
    core,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => { core.close(); resolve() })),
  }
}
