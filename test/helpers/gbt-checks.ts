import { expect } from 'vitest'
import { unzipPart } from './zip'

/** GB/T 9704 page numbers: "— 1 —" in 4号宋体, odd pages on the right and even pages on the left. */
export function expectGbtPageNumbers(docx: Buffer): void {
  expect(unzipPart(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>')
  const doc = unzipPart(docx, 'word/document.xml')
  expect(doc).toMatch(/<w:footerReference w:type="default"/)
  expect(doc).toMatch(/<w:footerReference w:type="even"/)
  const footers = ['word/footer1.xml', 'word/footer2.xml'].map((p) => unzipPart(docx, p))
  for (const f of footers) {
    expect(f).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/)
    expect(f).toContain('w:eastAsia="宋体"')
    expect(f).toContain('<w:sz w:val="28"/>')
  }
  expect(footers.map((f) => f.match(/<w:jc w:val="(\w+)"/)![1]).sort()).toEqual(['left', 'right'])
}
