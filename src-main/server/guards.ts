/** Pure checks the HTTP server applies before any call; kept apart so tests cover them without a socket. */

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]', '::1']

/** The host name of a Host header ("example:5780" → "example", "[::1]:80" → "[::1]"). */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null
  try {
    return new URL(`http://${hostHeader}`).hostname.toLowerCase()
  } catch {
    return null
  }
}

/** DNS rebinding guard: the Host header must name this server by a configured name. */
export function isHostAllowed(hostHeader: string | undefined, allowedHosts: readonly string[]): boolean {
  const name = hostName(hostHeader)
  return name !== null && allowedHosts.map((h) => h.toLowerCase()).includes(name)
}

/**
 * A state-changing request must come from a page this server served: its Origin must be
 * present and equal to http://<Host>. A missing Origin is refused, so a form or script on
 * another site cannot change anything even where cookies would be sent.
 */
export function isSameOrigin(originHeader: string | undefined, hostHeader: string | undefined): boolean {
  if (!originHeader || !hostHeader) return false
  try {
    const origin = new URL(originHeader)
    return (origin.protocol === 'http:' || origin.protocol === 'https:') && origin.host === new URL(`http://${hostHeader}`).host
  } catch {
    return false
  }
}
