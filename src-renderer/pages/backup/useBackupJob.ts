import { useCallback, useEffect, useState } from 'react'
import { api, type OutputOf } from '../../api/client'

export type BackupStatus = OutputOf<'backup.status'>
export type BackupJob = NonNullable<BackupStatus['last']>

/**
 * The running job (polled twice a second for the progress bar) and the last one's outcome.
 * `onFinished` runs when a job this page saw running has ended, to reload the list.
 */
export function useBackupJob(onFinished: () => void) {
  const [status, setStatus] = useState<BackupStatus>({ running: null, last: null })
  const [watching, setWatching] = useState(true)

  const poll = useCallback(async () => {
    try {
      const next = await api.call('backup.status', {})
      setStatus(next)
      return next
    } catch {
      return null
    }
  }, [])

  useEffect(() => {
    if (!watching) return
    let live = true
    const timer = setInterval(() => {
      void poll().then((next) => {
        if (!live || !next || next.running) return
        setWatching(false)
        onFinished()
      })
    }, 500)
    return () => { live = false; clearInterval(timer) }
  }, [watching, poll, onFinished])

  /** After a job was started: show it at once and follow it. */
  const follow = useCallback((job: BackupJob) => {
    setStatus((s) => ({ ...s, running: job }))
    setWatching(true)
  }, [])

  return { ...status, follow }
}
