#!/usr/bin/env node
// Renders resources/icon.svg (drawn for the product) into the sizes the desktop installers need, with
// Debian's Chromium (no image tools needed): resources/icons/<n>x<n>.png for Linux (deb, AppImage), and
// resources/icon.ico (16–256, PNG entries) for Windows (NSIS). The outputs are committed; run this again
// only when the drawing changes:  node scripts/dist/icons.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { ROOT } from './lib/common.mjs'

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

/** An ICO file whose entries are PNG images (Windows Vista and later; what electron-builder accepts). */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)                 // type: icon
  header.writeUInt16LE(pngs.length, 4)
  let offset = header.length
  pngs.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, at)      // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1)
    header.writeUInt16LE(1, at + 4)          // colour planes
    header.writeUInt16LE(32, at + 6)         // bits per pixel
    header.writeUInt32LE(data.length, at + 8)
    header.writeUInt32LE(offset, at + 12)
    offset += data.length
  })
  return Buffer.concat([header, ...pngs.map((p) => p.data)])
}

const svg = readFileSync(join(ROOT, 'resources', 'icon.svg'), 'utf8')
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage()
const pngs = new Map()
for (const size of LINUX_SIZES) {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`)
  pngs.set(size, await page.screenshot({ omitBackground: true }))
}
await browser.close()
mkdirSync(join(ROOT, 'resources', 'icons'), { recursive: true })
for (const [size, data] of pngs) writeFileSync(join(ROOT, 'resources', 'icons', `${size}x${size}.png`), data)
writeFileSync(join(ROOT, 'resources', 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, data: pngs.get(size) }))))
console.log(`已生成 resources/icons/（${LINUX_SIZES.join('、')}）和 resources/icon.ico`)
