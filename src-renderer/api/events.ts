/**
 * The page's side of the event channel (issue 17, common/events.ts): the signed-in page asks for its 提醒 and 待办
 * counts in the background every minute — and at once after any change it makes — without keeping an idle session
 * alive. In the desktop window it also takes the reminders not yet shown and hands them to the main process as native
 * notifications (reminders.deliver, once per person). Components read the latest answer with useOfficeEvents().
 */
import { useEffect, useSyncExternalStore } from 'react'
import { api, canNotify, onChanged, onEvent, type OutputOf } from './client'
import { POLL_INTERVAL_MS } from '../../src-main/common/events'
import { navigate } from '../lib/route'

export interface OfficeEvents {
  reminders?: OutputOf<'reminders.list'>
  todo?: OutputOf<'todo.counts'>
}

/** Long enough for a page's first answers at a reload, short enough that the bell is never missed. */
const FIRST_ASK_AFTER_MS = 1500

let latest: OfficeEvents = {}
const listeners = new Set<() => void>()
let asking: Promise<void> | null = null

/** Asks now (one request at a time); a failure keeps the last answer — the next tick tries again. */
export function refreshEvents(): Promise<void> {
  asking ??= (async () => {
    try {
      const [listed, todo] = await Promise.all([api.background('reminders.list', {}), api.background('todo.counts', {})])
      let reminders = listed
      // Delivering is an audited act: asked for only when the list says something has not been shown yet.
      if (canNotify && reminders.undelivered > 0) {
        const delivered = await api.background('reminders.deliver', {})
        if (delivered.notices.length) await api.notify(delivered.notices)
        reminders = await api.background('reminders.list', {})
      }
      latest = { reminders, todo }
      listeners.forEach((l) => l())
    } catch {
      // A lost session is reported by the client (onSignedOut); anything else is asked again on the next tick.
    } finally {
      asking = null
    }
  })()
  return asking
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}

/** Starts the channel for the signed-in shell (App.tsx): polling, refresh after changes, notification clicks. */
export function useEventChannel(enabled: boolean): void {
  useEffect(() => {
    latest = {}
    // The 三员 have no business reminders: nothing to ask.
    if (!enabled) return undefined
    // The first ask waits for the page's own first answers: the server answers one call at a time.
    const first = window.setTimeout(() => { void refreshEvents() }, FIRST_ASK_AFTER_MS)
    const timer = window.setInterval(() => { void refreshEvents() }, POLL_INTERVAL_MS)
    const offChanged = onChanged(() => { void refreshEvents() })
    const offEvent = onEvent((e) => navigate(e.href))
    return () => { window.clearTimeout(first); window.clearInterval(timer); offChanged(); offEvent(); latest = {} }
  }, [enabled])
}

export const useOfficeEvents = (): OfficeEvents => useSyncExternalStore(subscribe, () => latest)
