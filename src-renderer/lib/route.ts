import { useEffect, useState } from 'react'

/** '#/meetings/12' → ['meetings', '12']; the whole router of the application. */
const segments = () => window.location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean)

export function useHashPath(): string[] {
  const [path, setPath] = useState(segments)
  useEffect(() => {
    const update = () => setPath(segments())
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return path
}

/** The page of the address now, outside React (what useHashRoute will say): 'meetings' of '#/meetings/12'. */
export const currentRoute = (): string => segments()[0] ?? ''

/** The page: the first segment ('calendar' of '#/calendar'). */
export const useHashRoute = (): string => useHashPath()[0] ?? ''

export const hrefOf = (route: string) => `#/${route}`
export const navigate = (route: string) => { window.location.hash = hrefOf(route) }
