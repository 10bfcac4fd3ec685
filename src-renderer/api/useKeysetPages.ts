import { useCallback, useEffect, useRef, useState } from 'react'
import { api, ApiError, type InputOf, type OutputOf, type ProcedureName } from './client'
import { onInvalidate } from './query-cache'

type Cursor = { at: string; id: number }
type PagedName = { [N in ProcedureName]: OutputOf<N> extends { rows: unknown[]; next: Cursor | null } ? N : never }[ProcedureName]
type RowOf<N extends PagedName> = OutputOf<N> extends { rows: (infer R)[] } ? R : never

/**
 * A register read a keyset page at a time (登记簿): the first page again whenever `filter` changes, the next
 * one on `more()`, the first page again when a change invalidates `name`. Only the answer to the latest
 * filter counts, as filters change while a page is on its way.
 */
export function useKeysetPages<N extends PagedName>(name: N, filter: Omit<InputOf<N>, 'after' | 'limit'>, limit: number) {
  const [rows, setRows] = useState<RowOf<N>[]>([])
  const [next, setNext] = useState<Cursor | null>(null)
  const [total, setTotal] = useState<number | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const generation = useRef(0)

  const load = useCallback(async (after: Cursor | null) => {
    const gen = after ? generation.current : ++generation.current
    setLoading(true)
    try {
      const page = (await api.call(name, { ...filter, after, limit } as InputOf<N>)) as { rows: RowOf<N>[]; next: Cursor | null; total?: number }
      if (gen !== generation.current) return
      setRows((old) => (after ? [...old, ...page.rows] : page.rows))
      setNext(page.next)
      if (page.total !== undefined) setTotal(page.total)
      setError(null)
    } catch (e) {
      if (gen === generation.current) setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '页面出错，请刷新后重试' }))
    } finally {
      if (gen === generation.current) setLoading(false)
    }
  }, [name, filter, limit])

  useEffect(() => { setRows([]); setNext(null); setTotal(null); void load(null) }, [load])
  useEffect(() => onInvalidate(name, () => load(null)), [name, load])
  const more = useCallback(() => { if (next) void load(next) }, [load, next])
  return { rows, next, total, loading, error, more }
}
