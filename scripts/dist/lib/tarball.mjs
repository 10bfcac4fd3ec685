// Reproducible archives: the same staged files give the same bytes. GNU tar with sorted names, one fixed
// time (the commit's), owner root and normalised modes; gzip without the name and time it would store.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { run } from './common.mjs'

export function writeTarGz({ stageRoot, folder, output, mtime }) {
  const out = openSync(output, 'w')
  try {
    const tar = spawnSync('bash', ['-o', 'pipefail', '-c',
      'tar --format=gnu --sort=name --mtime="@$MTIME" --owner=0 --group=0 --numeric-owner --mode=u+rw,go+r,go-w ' +
      '-C "$STAGE" -cf - "$FOLDER" | gzip -6 -n'],
    { env: { ...process.env, MTIME: String(mtime), STAGE: stageRoot, FOLDER: folder, LC_ALL: 'C' }, stdio: ['ignore', out, 'inherit'] })
    if (tar.status !== 0) throw new Error(`打包 ${output} 失败（tar/gzip 退出码 ${tar.status}）。`)
  } finally { closeSync(out) }
}

export const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** The commit's time: the same commit gives the same timestamps in the archive, whenever it is built. */
export function commitTime(root) {
  if (process.env.SOURCE_DATE_EPOCH) return Number(process.env.SOURCE_DATE_EPOCH)
  try {
    const r = run('git', ['log', '-1', '--format=%ct'], { step: '读取提交时间', cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
    return Number(r.stdout.toString().trim())
  } catch {
    return 0   // a copy without git history: still the same bytes every time
  }
}
