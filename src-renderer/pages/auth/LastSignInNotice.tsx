import { useState } from 'react'
import { Alert, Text } from '@mantine/core'
import type { OutputOf } from '../../api/client'

type LastSignIns = OutputOf<'auth.login'>['lastSignIns']

/**
 * What the sign-in answered about the previous sign-ins (auth/last-sign-in.ts), kept until the first page shows
 * it: a reload or a later page does not show it again, as the notice is for the moment of signing in.
 */
let pending: LastSignIns | null = null
export const rememberSignIns = (s: LastSignIns) => { pending = s }

/** 上次登录: when and from where the previous successful and failed sign-ins were, on the first page after signing in. */
export function LastSignInNotice() {
  const [shown, setShown] = useState<LastSignIns | null>(() => { const s = pending; pending = null; return s })
  if (!shown) return null
  const warn = shown.failuresSince > 0
  return (
    <Alert color={warn ? 'orange' : 'blue'} variant="light" title="登录提示" withCloseButton closeButtonLabel="关闭登录提示"
      onClose={() => setShown(null)} mb="sm" role="status">
      {shown.lines.map((line) => <Text key={line} size="sm">{line}</Text>)}
    </Alert>
  )
}
