/**
 * SQLite has one write lock. A worker's write (kernel/worker.ts: an import's 30,000 rows) holds it for seconds; a write
 * started on the request thread meanwhile would wait for it inside SQLite (busy_timeout), blocking the thread and so
 * every user's reads with it. Such writes wait here instead, off the thread, while reads go on (WAL).
 */
export class WriteGate {
  private running: Promise<unknown> | null = null

  /** A worker is writing: a write on this thread now must wait for whenFree(). */
  get busy(): boolean {
    return this.running !== null
  }

  /** Resolves once no worker is writing (at once if none is). */
  async whenFree(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined)
  }

  /** Runs a worker's write after any other, holding this thread's writes until it has ended, however it ends. */
  async hold<T>(write: () => Promise<T>): Promise<T> {
    // Checked and taken with no await between, so two holders never write at once.
    while (this.running) await this.running.catch(() => undefined)
    const run = write()
    this.running = run
    try {
      return await run
    } finally {
      this.running = null
    }
  }
}

const gates = new WeakMap<object, WriteGate>()

/**
 * The gate of an open database (its Connection object, which a restore keeps while swapping the file inside it): the
 * router's writes wait on it, and a restore holds it while it swaps the file, so no worker is writing into a file
 * being replaced.
 */
export function writeGateOf(conn: object): WriteGate {
  let gate = gates.get(conn)
  if (!gate) gates.set(conn, gate = new WriteGate())
  return gate
}
