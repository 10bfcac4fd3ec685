// Node flags server mode runs with (scripts/start.mjs, and the benchmark, which times the same server).
// Under 20 busy clients (npm run bench) most of what the server allocates dies young, but enough is promoted
// that V8's default heap growth let the old generation reach ~135 MB between collections (live: ~35 MB) and
// the resident memory ~250 MB. A 2 MB young generation and a heap that grows by half instead of up to
// fourfold keep the heap under 50 MB at the same throughput; the SQLite page cache (32 MB) and Node itself
// are most of the rest.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2', '--heap-growing-percent=50']
