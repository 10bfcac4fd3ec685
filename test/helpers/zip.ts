import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One part of a zip file (docx, xlsx) as text, by unzip (the docx library's zip code is not ours to test with). */
export function unzipPart(source: Buffer | string, part: string): string {
  if (typeof source === 'string') return execFileSync('unzip', ['-p', source, part], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 })
  const dir = mkdtempSync(join(tmpdir(), 'sanban-zip-'))
  try {
    const file = join(dir, 'f.zip')
    writeFileSync(file, source)
    return unzipPart(file, part)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The words of a Word file's body, runs joined: what a reader sees, without the XML. */
export const docxText = (source: Buffer | string): string =>
  (unzipPart(source, 'word/document.xml').match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join('')
