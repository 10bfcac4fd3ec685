/**
 * Renders a .docx (or .xlsx) to PDF with LibreOffice and to PNG pages with poppler, as a reader would see it.
 * Each call uses a fresh LibreOffice profile (conversions can run side by side) and a fontconfig file,
 * passed to soffice only, that maps the standard's fonts to the Fandol fonts in resources/fonts/fandol
 * (extracted by scripts/test-all.sh from Debian's texlive-lang-chinese).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FANDOL_DIR = fileURLToPath(new URL('../../resources/fonts/fandol', import.meta.url))

export interface Rendered {
  pdfPath: string
  /** One PNG a page, in page order. */
  pngPaths: string[]
  pageCount: number
  /** The PDF's text (pdftotext -layout). */
  text: string
}

const onPath = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0

/** LibreOffice and poppler are both there to render with. */
export function hasLibreOffice(): boolean {
  return onPath('soffice') && onPath('pdftoppm') && onPath('pdftotext')
}

/** The standard's font names and the Fandol face that stands in for each; Noto Serif CJK SC for rare characters. */
const ALIASES: [string, string, boolean][] = [
  ['仿宋_GB2312', 'FandolFang', false],
  ['仿宋', 'FandolFang', false],
  ['方正小标宋简体', 'FandolSong', true],
  ['黑体', 'FandolHei', false],
  ['楷体_GB2312', 'FandolKai', false],
  ['楷体', 'FandolKai', false],
  ['宋体', 'FandolSong', false],
]

function fontconfig(cacheDir: string): string {
  const aliases = ALIASES.map(
    ([name, fandol, bold]) => `
  <match target="pattern">
    <test name="family"><string>${name}</string></test>
    <edit name="family" mode="assign" binding="strong"><string>${fandol}</string><string>Noto Serif CJK SC</string></edit>${
      bold ? '\n    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : ''
    }
  </match>`,
  ).join('')
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${FANDOL_DIR}</dir>
  <cachedir>${cacheDir}</cachedir>
  <!-- Fandol's Bold files report Regular weight -->
  <match target="scan">
    <test name="family" compare="contains"><string>Fandol</string></test>
    <test name="style" compare="contains"><string>Bold</string></test>
    <edit name="weight" mode="assign"><const>bold</const></edit>
  </match>${aliases}
</fontconfig>
`
}

/** Writes `name`.docx, `name`.pdf and `name`-N.png into outDir and reads the PDF's text. */
export const renderDocx = (buffer: Buffer | Uint8Array, outDir: string, name: string): Rendered => render(buffer, outDir, name, 'docx')

/** An Excel file printed as LibreOffice Calc prints it (print titles, page setup): `name`.xlsx, .pdf and -N.png. */
export const renderXlsx = (buffer: Buffer | Uint8Array, outDir: string, name: string): Rendered => render(buffer, outDir, name, 'xlsx')

function render(buffer: Buffer | Uint8Array, outDir: string, name: string, ext: 'docx' | 'xlsx'): Rendered {
  if (!existsSync(join(FANDOL_DIR, 'FandolFang-Regular.otf'))) {
    throw new Error(`The Fandol fonts are missing from ${FANDOL_DIR}: run scripts/test-all.sh, which extracts them.`)
  }
  mkdirSync(outDir, { recursive: true })
  const docxPath = resolve(outDir, `${name}.${ext}`)
  const pdfPath = resolve(outDir, `${name}.pdf`)
  writeFileSync(docxPath, buffer)
  rmSync(pdfPath, { force: true })
  for (const f of readdirSync(outDir)) if (f.startsWith(`${name}-`) && f.endsWith('.png')) rmSync(join(outDir, f))

  const work = mkdtempSync(join(tmpdir(), 'sanban-render-'))
  try {
    const fontsConf = join(work, 'fonts.conf')
    writeFileSync(fontsConf, fontconfig(join(work, 'fc-cache')))
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', resolve(outDir), docxPath],
      { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, encoding: 'utf8', timeout: 120_000 },
    )
    if (!existsSync(pdfPath)) {
      throw new Error(`soffice wrote no PDF (status ${result.status}): ${result.stderr || result.stdout}`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  execFileSync('pdftoppm', ['-r', '80', '-png', pdfPath, join(outDir, name)])
  const pngPaths = readdirSync(outDir)
    .filter((f) => f.startsWith(`${name}-`) && /-\d+\.png$/.test(f))
    .sort((a, b) => Number(a.match(/-(\d+)\.png$/)![1]) - Number(b.match(/-(\d+)\.png$/)![1]))
    .map((f) => resolve(outDir, f))
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
  return { pdfPath, pngPaths, pageCount: pngPaths.length, text }
}
