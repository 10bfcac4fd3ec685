/**
 * The page's one store of answers (src-renderer/api/query-cache.ts), prefetching (issue 20): at a reload the frame's
 * questions go out with its script, and the component that then shows the answer takes it without a second call.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { answerOf, forgetUnwatched, keyOf, prefetch, watch } from '../../src-renderer/api/query-cache'

const settled = () => new Promise((r) => setTimeout(r, 0))

/** A stand-in for the server: counts the calls and answers each with its number. */
function server() {
  let calls = 0
  return { ask: () => Promise.resolve(++calls), calls: () => calls }
}

afterEach(() => { forgetUnwatched(); vi.useRealTimers() })

describe('prefetch', () => {
  it('the first component to show a prefetched answer takes it, and the server is asked once', async () => {
    const s = server()
    const key = keyOf('settings.get', '{}')
    prefetch(key, 'settings.get', s.ask)
    await settled()
    const stop = watch(key, 'settings.get', s.ask, () => {})
    await settled()
    expect(answerOf(key)).toMatchObject({ data: 1, loading: false })
    expect(s.calls()).toBe(1)
    stop()
  })

  it('a component that arrives while the prefetch is on its way joins it', async () => {
    const s = server()
    const key = keyOf('auth.allowed', '{}')
    prefetch(key, 'auth.allowed', s.ask)
    const stop = watch(key, 'auth.allowed', s.ask, () => {})
    await settled()
    expect(s.calls()).toBe(1)
    expect(answerOf(key).data).toBe(1)
    stop()
  })

  it('a prefetched answer nobody shows within a minute is dropped, and the next component asks afresh', async () => {
    vi.useFakeTimers()
    const s = server()
    const key = keyOf('settings.get', '{"x":1}')
    prefetch(key, 'settings.get', s.ask)
    await vi.advanceTimersByTimeAsync(61_000)
    expect(answerOf(key)).toMatchObject({ data: undefined, loading: true })
    const stop = watch(key, 'settings.get', s.ask, () => {})
    await vi.advanceTimersByTimeAsync(0)
    expect(s.calls()).toBe(2)
    expect(answerOf(key).data).toBe(2)
    stop()
  })

  it('a second watcher after the first has gone asks again (a page shown again is refreshed)', async () => {
    const s = server()
    const key = keyOf('home.today', '{}')
    prefetch(key, 'home.today', s.ask)
    await settled()
    watch(key, 'home.today', s.ask, () => {})()
    const stop = watch(key, 'home.today', s.ask, () => {})
    await settled()
    expect(s.calls()).toBe(2)
    stop()
  })
})
