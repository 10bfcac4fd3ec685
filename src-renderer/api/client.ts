import { useCallback, useRef, useState, useSyncExternalStore } from 'react'
import type { z } from 'zod'
// Type-only: the contract's types come from the main process, never its code.
import type { Procedures } from '../../src-main/rpc/procedures'
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../../src-main/common/files'
import { BACKGROUND_HEADER, type AppEvent } from '../../src-main/common/events'
import * as cache from './query-cache'

export type ProcedureName = keyof Procedures & string
export type InputOf<N extends ProcedureName> = z.input<Procedures[N]['input']>
export type OutputOf<N extends ProcedureName> = ReturnType<Procedures[N]['handler']>

interface WireError { code: string; message: string; field?: string; rule?: string }
type Reply = { ok: true; result: unknown } | { ok: false; error: WireError }
type Transport = (name: string, input: unknown) => Promise<Reply>

/** A refused or failed call, with the server's Chinese message. */
export class ApiError extends Error {
  readonly code: string
  readonly field?: string
  readonly rule?: string
  constructor(error: WireError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.field = error.field
    this.rule = error.rule
  }
}

/** A POST to the server that served this page, its JSON reply as a Reply; a failed connection is a Chinese NETWORK error. */
async function postForReply(path: string, init: { headers: Record<string, string>; body: BodyInit }): Promise<Reply> {
  let res: Response
  try {
    res = await fetch(path, { method: 'POST', ...init, credentials: 'same-origin' })
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: '无法连接到三办服务器，请检查网络后重试' } }
  }
  try {
    return (await res.json()) as Reply
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: `服务器的答复无法识别（状态 ${res.status}），请稍后重试` } }
  }
}

const overHttp: Transport = (name, input) =>
  postForReply(`/rpc/${encodeURIComponent(name)}`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? {}) })

/** The file itself as the body (streamed by the browser, never base64), its name URI-encoded as headers are ASCII. */
const uploadOverHttp = (file: File, mime: string): Promise<Reply> =>
  postForReply('/upload', { headers: { 'content-type': mime, 'x-file-name': encodeURIComponent(file.name) }, body: file })

/** Chosen once: the Electron bridge when the preload provides it, otherwise HTTP to the server that served this page. */
const bridge = typeof window !== 'undefined' ? window.api : undefined
const transport: Transport = bridge ? (name, input) => bridge.call(name, input) : overHttp
/** A background poll (提醒, 待办 counts): the same call, marked so it does not keep an idle session alive. */
const backgroundTransport: Transport = bridge
  ? (name, input) => bridge.call(name, input, true)
  : (name, input) => postForReply(`/rpc/${encodeURIComponent(name)}`, {
    headers: { 'content-type': 'application/json', [BACKGROUND_HEADER]: '1' }, body: JSON.stringify(input ?? {}),
  })
const uploadTransport = bridge
  ? async (file: File, mime: string) => bridge.upload(file.name, mime, await file.arrayBuffer())
  : uploadOverHttp

const signedOutListeners = new Set<() => void>()

/** Called whenever the server says the session is gone (expired, ended by an administrator). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener)
  return () => { signedOutListeners.delete(listener) }
}

/** A reply that failed: the server said the session is gone (not at the login screen) → everyone is told. */
function refusal(error: WireError, atLogin: boolean): ApiError {
  if (error.code === 'UNAUTHENTICATED' && !atLogin) signedOutListeners.forEach((l) => l())
  return new ApiError(error)
}

/** Signing in or out starts a clean page: no answer shown to one user may flash up for the next. */
const SESSION_CHANGES: readonly string[] = ['auth.login', 'auth.logout']

async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const reply = await transport(name, input)
  if (SESSION_CHANGES.includes(name)) cache.forgetUnwatched()
  if (reply.ok) return reply.result as OutputOf<N>
  // A wrong password at the login screen is not a lost session.
  throw refusal(reply.error, name === 'auth.login')
}

/** What an action's input carries for a file (files/service.ts uploadSchema): its name, type and upload token. */
export interface UploadedFile { name: string; mime: string; upload: string }

/**
 * Sends one chosen file ahead of the action that keeps it (POST /upload, or the desktop's upload channel) and
 * returns what the action's input needs. A file over the limit is refused here before any byte is sent.
 */
async function upload(file: File): Promise<UploadedFile> {
  if (file.size > MAX_FILE_BYTES) throw new ApiError({ code: 'VALIDATION', message: fileTooLargeMessage(file.name) })
  const mime = file.type || 'application/octet-stream'
  const reply = await uploadTransport(file, mime)
  if (!reply.ok) throw refusal(reply.error, false)
  return { name: file.name, mime, upload: (reply.result as { upload: string }).upload }
}

/** A background poll's call (common/events.ts BACKGROUND_CALLS): a lost session is reported as any other call's. */
async function background<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const reply = await backgroundTransport(name, input)
  if (reply.ok) return reply.result as OutputOf<N>
  throw refusal(reply.error, false)
}

/** Desktop only: newly delivered 提醒 shown as native notifications by the main process. */
const notify = (notices: { title: string; body: string; href: string }[]): Promise<boolean> =>
  bridge?.notify ? bridge.notify(notices) : Promise.resolve(false)

/** Whether the window can show native notifications (the desktop bridge), so 'reminders.deliver' is worth asking. */
export const canNotify = !!bridge?.notify

export const api = { call, upload, background, notify }

const changeListeners = new Set<() => void>()
/** After any change made on this page (a mutation, an invalidate): 待办 and 提醒 are asked again. */
export function onChanged(listener: () => void): () => void {
  changeListeners.add(listener)
  return () => { changeListeners.delete(listener) }
}
const changed = () => changeListeners.forEach((l) => l())

/**
 * The event channel from the main process (docs/architecture.md): a clicked native notification opens its page. In a
 * browser there is no push — the page polls (api/events.ts) — so nothing ever arrives here.
 */
export function onEvent(listener: (event: AppEvent) => void): () => void {
  if (!bridge?.onEvent) return () => undefined
  return bridge.onEvent((e) => {
    const event = e as Partial<AppEvent> | null
    if (event?.type === 'open' && typeof event.href === 'string') listener({ type: 'open', href: event.href })
  })
}

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '页面出错，请刷新后重试' })

export interface QueryState<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
  /** Asks again now; rarely needed, as changes name what they invalidate. */
  reload: () => Promise<void>
}

/** A name a change invalidates: one procedure ('org.overview'), a domain ('incoming.*'), or everything ('*'). */
export type Invalidation = ProcedureName | `${ProcedureName extends `${infer D}.${string}` ? D : never}.*` | '*'

/** After a change made without useMutation (a confirm dialog's api.call): the same refresh by name. */
export const invalidate = (names: readonly Invalidation[]): Promise<void> => cache.invalidate(names).finally(changed)

/**
 * The answer to `name` with `input` from the page's one cache (query-cache.ts); `input` null means "not now".
 * Components asking the same question share one call; the answer is asked again when a change invalidates
 * `name`. While a new input is being asked the previous data stays visible, so pages do not flicker.
 */
export function useQuery<N extends ProcedureName>(name: N, input: InputOf<N> | null): QueryState<OutputOf<N>> {
  const json = input === null ? null : JSON.stringify(input)
  const key = json === null ? null : cache.keyOf(name, json)
  const subscribe = useCallback((listener: () => void) => (key === null || json === null
    ? () => undefined
    : cache.watch(key, name, () => call(name, JSON.parse(json) as InputOf<N>).catch((e: unknown) => { throw asApiError(e) }), listener)),
  [key, json, name])
  const answer = useSyncExternalStore(subscribe, () => (key === null ? cache.IDLE : cache.answerOf(key)))
  const shown = useRef<OutputOf<N> | undefined>(undefined)
  if (answer.data !== undefined) shown.current = answer.data as OutputOf<N>
  const reload = useCallback(() => (key === null ? Promise.resolve() : cache.reask(key)), [key])
  return { data: shown.current, error: answer.error as ApiError | null, loading: answer.loading, reload }
}

/** Asks `name` now, for a component about to show it (useQuery then takes this answer instead of asking again). */
export function prefetch<N extends ProcedureName>(name: N, input: InputOf<N>): void {
  const json = JSON.stringify(input)
  cache.prefetch(cache.keyOf(name, json), name, () => call(name, input).catch((e: unknown) => { throw asApiError(e) }))
}

export interface MutationState<N extends ProcedureName> {
  /**
   * Resolves to the result once the answers it invalidates have been asked again (so the page already shows
   * the change), or undefined when the call failed (the error is then in `error`).
   */
  mutate: (input: InputOf<N>) => Promise<OutputOf<N> | undefined>
  busy: boolean
  error: ApiError | null
  /** The success message of the last call, shown by <Feedback>. */
  notice: string | null
  reset: () => void
}

export interface MutationOptions<N extends ProcedureName> {
  success?: string | ((result: OutputOf<N>) => string)
  /** What this change alters: every query of these names on the page is asked again. None by default. */
  invalidates?: readonly Invalidation[]
}

/** A mutation whose outcome is shown inline by <Feedback state={…} />: the server's message on failure, `success` on success. */
export function useMutation<N extends ProcedureName>(name: N, options: MutationOptions<N> = {}): MutationState<N> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const optionsRef = useRef(options)
  optionsRef.current = options

  const mutate = useCallback(async (input: InputOf<N>) => {
    setBusy(true); setError(null); setNotice(null)
    try {
      const result = await call(name, input)
      const { success, invalidates = [] } = optionsRef.current
      await cache.invalidate(invalidates)
      changed()
      setNotice(typeof success === 'function' ? success(result) : success ?? null)
      return result
    } catch (e) {
      setError(asApiError(e))
      return undefined
    } finally {
      setBusy(false)
    }
  }, [name])

  const reset = useCallback(() => { setError(null); setNotice(null) }, [])
  return { mutate, busy, error, notice, reset }
}
