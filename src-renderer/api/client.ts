import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import type { z } from 'zod'
// Type-only: the contract's types come from the main process, never its code.
import type { Procedures } from '../../src-main/rpc/procedures'
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../../src-main/common/files'

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

async function call<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const reply = await transport(name, input)
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

export const api = { call, upload }

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '页面出错，请刷新后重试' })

export interface QueryState<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
  reload: () => void
}

/**
 * Runs a query when mounted and whenever `deps` change; `input` null means "not now".
 * The previous data stays visible while reloading, so pages do not flicker.
 */
export function useQuery<N extends ProcedureName>(name: N, input: InputOf<N> | null, deps: DependencyList = []): QueryState<OutputOf<N>> {
  const [data, setData] = useState<OutputOf<N>>()
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(input !== null)
  const [version, setVersion] = useState(0)
  const inputRef = useRef(input)
  inputRef.current = input

  useEffect(() => {
    const current = inputRef.current
    if (current === null) { setLoading(false); return }
    let live = true
    setLoading(true)
    call(name, current).then(
      (result) => { if (live) { setData(result); setError(null); setLoading(false) } },
      (e: unknown) => { if (live) { setError(asApiError(e)); setLoading(false) } },
    )
    return () => { live = false }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [name, version, ...deps])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, loading, reload }
}

export interface MutationState<N extends ProcedureName> {
  /** Resolves to the result, or undefined when the call failed (the error is then in `error`). */
  mutate: (input: InputOf<N>) => Promise<OutputOf<N> | undefined>
  busy: boolean
  error: ApiError | null
  /** The success message of the last call, shown by <Feedback>. */
  notice: string | null
  reset: () => void
}

/** A mutation whose outcome is shown inline by <Feedback state={…} />: the server's message on failure, `success` on success. */
export function useMutation<N extends ProcedureName>(
  name: N,
  options: { success?: string | ((result: OutputOf<N>) => string) } = {},
): MutationState<N> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const successRef = useRef(options.success)
  successRef.current = options.success

  const mutate = useCallback(async (input: InputOf<N>) => {
    setBusy(true); setError(null); setNotice(null)
    try {
      const result = await call(name, input)
      const success = successRef.current
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
