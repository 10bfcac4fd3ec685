// Node flags server mode runs with (scripts/start.mjs, and the benchmark, which times the same server).
// A 1 MB young generation: under 20 busy clients the default (16 MB per semi-space) left the resident
// memory at about 260 MB, with 1 MB under 200 MB and no loss of throughput (npm run bench). The SQLite
// page cache is not the difference: halving it changed the figure by a few MB.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=1']
