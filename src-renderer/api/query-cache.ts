/**
 * The page's one store of query answers, keyed by procedure name + input (JSON). Every component asking the same
 * question shares one entry, so a page where many components show `org.overview` asks the server once. A change
 * names the procedures whose answers it alters (`invalidates`); every matching entry on screen is asked again and
 * the others are forgotten. That is the only way a page learns that its data changed (no "reload" threaded
 * through props, no mutation that hands back a view to paste in).
 */

/** What a component sees of one question. `data` stays while it is asked again, so pages do not flicker. */
export interface Answer { data: unknown; error: Error | null; loading: boolean }

interface Entry {
  name: string
  ask: () => Promise<unknown>
  answer: Answer
  listeners: Set<() => void>
  /** Only the latest question's answer counts: an invalidation may overtake the first load. */
  generation: number
  asking: Promise<void> | null
  dropTimer?: ReturnType<typeof setTimeout>
  /** Asked ahead of its first watcher (prefetch): that watcher takes the answer without asking again. */
  prefetched?: boolean
}

export const PENDING: Answer = { data: undefined, error: null, loading: true }
export const IDLE: Answer = { data: undefined, error: null, loading: false }
/** An answer no component shows is kept a while (back and forth between pages shows it at once, then refreshed). */
const KEEP_UNWATCHED_MS = 60_000

const entries = new Map<string, Entry>()
/** Readers that are not cached answers (the paged registers) but refresh on the same names. */
const readers = new Set<{ name: string; refresh: () => Promise<void> }>()

export const keyOf = (name: string, inputJson: string): string => `${name} ${inputJson}`

function publish(entry: Entry, answer: Answer): void {
  entry.answer = answer
  entry.listeners.forEach((l) => l())
}

function ask(entry: Entry): Promise<void> {
  const generation = ++entry.generation
  if (!entry.answer.loading) publish(entry, { ...entry.answer, loading: true })
  const current = () => generation === entry.generation
  entry.asking = entry.ask().then(
    (data) => { if (current()) publish(entry, { data, error: null, loading: false }) },
    (error: Error) => { if (current()) publish(entry, { data: entry.answer.data, error, loading: false }) },
  ).finally(() => { if (current()) entry.asking = null })
  return entry.asking
}

/**
 * A component starts showing the answer to `key`. The first one on screen asks the server (or joins the
 * question already on its way); later ones share what is shown.
 */
export function watch(key: string, name: string, askServer: () => Promise<unknown>, listener: () => void): () => void {
  let entry = entries.get(key)
  if (!entry) {
    entry = { name, ask: askServer, answer: PENDING, listeners: new Set(), generation: 0, asking: null }
    entries.set(key, entry)
  }
  clearTimeout(entry.dropTimer)
  if (entry.listeners.size === 0 && !entry.asking && !entry.prefetched) void ask(entry)
  entry.prefetched = false
  entry.listeners.add(listener)
  const watched = entry
  return () => {
    watched.listeners.delete(listener)
    if (watched.listeners.size === 0) dropLater(key, watched)
  }
}

function dropLater(key: string, entry: Entry): void {
  entry.dropTimer = setTimeout(() => { if (entries.get(key) === entry && entry.listeners.size === 0) entries.delete(key) }, KEEP_UNWATCHED_MS)
}

/**
 * Asks before any component shows the answer: at a reload the frame's questions (settings, what this account may
 * do) go out with the page's script instead of after it. Not watched within a minute, the answer is dropped.
 */
export function prefetch(key: string, name: string, askServer: () => Promise<unknown>): void {
  if (entries.has(key)) return
  const entry: Entry = { name, ask: askServer, answer: PENDING, listeners: new Set(), generation: 0, asking: null, prefetched: true }
  entries.set(key, entry)
  void ask(entry)
  dropLater(key, entry)
}

export const answerOf = (key: string): Answer => entries.get(key)?.answer ?? PENDING

/** Asks one question again (a page's explicit 刷新). */
export function reask(key: string): Promise<void> {
  const entry = entries.get(key)
  return entry ? ask(entry) : Promise.resolve()
}

/** 'org.overview' names one procedure, 'incoming.*' a domain, '*' everything (a restore replaces the database). */
const matches = (name: string, pattern: string): boolean =>
  pattern === '*' || (pattern.endsWith('.*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern)

/**
 * After a change: every answer on screen whose procedure matches is asked again (resolves when all have
 * arrived, so what the user sees next is current); answers off screen are forgotten.
 */
export function invalidate(patterns: readonly string[]): Promise<void> {
  if (patterns.length === 0) return Promise.resolve()
  const asked: Promise<void>[] = []
  for (const [key, entry] of entries) {
    if (!patterns.some((p) => matches(entry.name, p))) continue
    if (entry.listeners.size > 0) asked.push(ask(entry))
    else { clearTimeout(entry.dropTimer); entries.delete(key) }
  }
  for (const r of readers) if (patterns.some((p) => matches(r.name, p))) asked.push(r.refresh())
  return Promise.all(asked).then(() => undefined)
}

/** A reader outside the store (a paged register) that refreshes when its procedure is invalidated. */
export function onInvalidate(name: string, refresh: () => Promise<void>): () => void {
  const reader = { name, refresh }
  readers.add(reader)
  return () => { readers.delete(reader) }
}

/** At sign-in and sign-out: nothing one user was shown may appear, even for a moment, to the next. */
export function forgetUnwatched(): void {
  for (const [key, entry] of entries) if (entry.listeners.size === 0) { clearTimeout(entry.dropTimer); entries.delete(key) }
}
