import { useEffect, useState, type ComponentType } from 'react'
import { Alert } from '@mantine/core'
import { Loading } from '../components/Loading'

/** A component whose chunk is fetched when it is first shown, or earlier with `preload`. */
export type LazyPage<P extends object> = ComponentType<P> & { preload: () => Promise<void> }

/**
 * A page in a chunk of its own (src-renderer/App.tsx), fetched the first time it is shown and drawn as soon as it
 * has arrived. Not React.lazy with Suspense: React 19 holds a Suspense boundary's content back for up to 300 ms
 * after its fallback showed, and a full reload went through two of them (the frame, then the page) — the
 * register's first rows came 0.6 s later than their data. Here a page that is still loading shows Loading, and one
 * already fetched (`preload`, started with the sign-in check) is drawn at once.
 */
export function lazyPage<K extends string, P extends object = object>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): LazyPage<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<void> | null = null
  const preload = () => (loading ??= load().then((m) => { loaded = m[name] }, (e) => { loading = null; throw e }))
  function Page(props: P) {
    const [, arrived] = useState(0)
    const [failed, setFailed] = useState(false)
    useEffect(() => {
      if (!loaded) preload().then(() => arrived(1), () => setFailed(true))
    }, [])
    if (failed) return <Alert color="red" title="页面载入失败">没能从服务器取得这一页的程序（网络中断或服务器已更新）。请检查网络后刷新页面（F5）。</Alert>
    const Loaded = loaded
    return Loaded ? <Loaded {...props} /> : <Loading label="正在载入…" />
  }
  return Object.assign(Page, { preload })
}

/** Starts fetching a page's chunk now, if it is a lazy page; a failure is shown when the page itself is drawn. */
export function preload(page: object): void {
  void (page as Partial<LazyPage<object>>).preload?.().catch(() => undefined)
}
