// Node flags server mode runs with (scripts/start.mjs, and the benchmark, which times the same server).
// A 2 MB young generation: under 20 busy clients the default (16 MB per semi-space) left the resident
// memory at about 260 MB, with 2 MB about 195 MB and no loss of throughput (npm run bench).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2']
