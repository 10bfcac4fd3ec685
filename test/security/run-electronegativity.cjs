/**
 * Runs Electronegativity (@doyensec/electronegativity) in its own process, offline, and writes its
 * findings as JSON. The scanner fetches a translation file at start and Electron's release list for one
 * check; here every outgoing socket is refused before it resolves a name, and each attempt is reported,
 * so the result never depends on the network (and nothing leaves this machine).
 *
 * node run-electronegativity.cjs <input dir> <output.json> <electron version> [excluded,checks]
 */
const net = require('node:net')

const blocked = []
net.Socket.prototype.connect = function refuse(options) {
  const o = Array.isArray(options) ? options[0] : options
  blocked.push(typeof o === 'object' && o !== null ? String(o.host ?? o.servername ?? o.path ?? '?') : String(o))
  process.nextTick(() => this.destroy(new Error('offline: outgoing connections are refused in this test')))
  return this
}

const [input, output, electronVersion, excluded = ''] = process.argv.slice(2)
const run = require('@doyensec/electronegativity')
const { writeFileSync } = require('node:fs')

run({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: excluded.split(',').filter(Boolean),
}).then((r) => {
  writeFileSync(output, JSON.stringify({
    checks: { global: r.globalChecks, atomic: r.atomicChecks },
    errors: r.errors,
    blocked,
    issues: r.issues.map((i) => ({
      id: i.id, file: i.file, line: i.location.line, column: i.location.column,
      severity: i.severity.name, confidence: i.confidence.name, manualReview: i.manualReview, description: i.description,
    })),
  }, null, 1))
}).catch((e) => { console.error(e); process.exit(1) })
