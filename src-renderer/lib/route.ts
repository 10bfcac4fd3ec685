import { useEffect, useState } from 'react'

/** '#/calendar' → 'calendar'; the whole router of the application. */
const current = () => window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[0]

export function useHashRoute(): string {
  const [route, setRoute] = useState(current)
  useEffect(() => {
    const update = () => setRoute(current())
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return route
}

export const hrefOf = (route: string) => `#/${route}`
export const navigate = (route: string) => { window.location.hash = hrefOf(route) }
