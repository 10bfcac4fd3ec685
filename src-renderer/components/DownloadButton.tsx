import { useState } from 'react'
import { Button, Tooltip } from '@mantine/core'
import type { InputOf, ProcedureName } from '../api/client'
import { downloadExport } from '../lib/download'

/** A button that fetches an exported file (Word, Excel) and downloads it; a failure shows in its tooltip and colour. */
export function DownloadButton<N extends ProcedureName>({ name, input, label }: { name: N; input: InputOf<N>; label: string }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function go() {
    setBusy(true)
    setError(null)
    try { await downloadExport(name, input) } catch (e) { setError(e instanceof Error ? e.message : String(e)) } finally { setBusy(false) }
  }
  return (
    <Tooltip label={error ?? ''} disabled={!error} opened={error ? true : undefined} color="red">
      <Button size="xs" variant="default" color={error ? 'red' : undefined} loading={busy} onClick={go}>{label}</Button>
    </Tooltip>
  )
}
