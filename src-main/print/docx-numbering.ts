/**
 * Word's automatic numbering, written out (套红): a drafter who numbered the headings with Word's list feature has
 * “一、” or “（一）” only in word/numbering.xml, not in the text. The frame recognises heading levels by those prefixes
 * (一、 黑体, （一） 楷体, 1. and （1） 仿宋), so the number is put back in front of the paragraph's text, counted the way
 * Word counts: per list, each level restarting under its parent. Bullets and unknown formats add nothing.
 */
import type { Document, Element } from '@xmldom/xmldom'
import { attrW, childW, childrenW } from './docx-xml'
import { chineseNumber } from './gbt9704'

interface Level { format: string; text: string; start: number }
type Lists = Map<string, Map<number, Level>>

/** numId → its levels, through the abstract numbering it points at. */
function listsOf(numbering: Document | undefined): Lists {
  const root = numbering?.documentElement ?? undefined
  const abstract = new Map(childrenW(root, 'abstractNum').map((a) => [attrW(a, 'abstractNumId'), new Map(childrenW(a, 'lvl').map((l) => [
    Number(attrW(l, 'ilvl') ?? 0),
    { format: attrW(childW(l, 'numFmt'), 'val') ?? 'decimal', text: attrW(childW(l, 'lvlText'), 'val') ?? '', start: Number(attrW(childW(l, 'start'), 'val') ?? 1) },
  ]))]))
  return new Map(childrenW(root, 'num').flatMap((n) => {
    const levels = abstract.get(attrW(childW(n, 'abstractNumId'), 'val'))
    return levels ? [[attrW(n, 'numId') ?? '', levels] as const] : []
  }))
}

/** The list a paragraph style puts its paragraphs in (a 标题 style with numbering). */
function styleLists(styles: Document | undefined): Map<string, { numId: string; ilvl: number }> {
  return new Map(childrenW(styles?.documentElement ?? undefined, 'style').flatMap((s) => {
    const numPr = childW(childW(s, 'pPr'), 'numPr')
    const numId = attrW(childW(numPr, 'numId'), 'val')
    return numId ? [[attrW(s, 'styleId') ?? '', { numId, ilvl: Number(attrW(childW(numPr, 'ilvl'), 'val') ?? 0) }] as const] : []
  }))
}

const FORMATS: Record<string, (n: number) => string> = {
  decimal: String,
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  chineseCounting: chineseNumber,
  chineseCountingThousand: chineseNumber,
  ideographTraditional: (n) => '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n),
  taiwaneseCounting: chineseNumber,
}

export interface Numbering { prefix(p: Element): string }

/** Counts the lists of one document as its paragraphs are read in order. */
export function numberingOf(parts: { numbering?: Document; styles?: Document }): Numbering {
  const lists = listsOf(parts.numbering)
  const byStyle = styleLists(parts.styles)
  const counters = new Map<string, number[]>()
  return {
    prefix(p) {
      const pPr = childW(p, 'pPr')
      const numPr = childW(pPr, 'numPr')
      const own = attrW(childW(numPr, 'numId'), 'val')
      const styled = byStyle.get(attrW(childW(pPr, 'pStyle'), 'val') ?? '')
      const numId = own ?? styled?.numId
      const ilvl = own ? Number(attrW(childW(numPr, 'ilvl'), 'val') ?? 0) : styled?.ilvl ?? 0
      const levels = numId && numId !== '0' ? lists.get(numId) : undefined
      const level = levels?.get(ilvl)
      if (!levels || !level || !FORMATS[level.format]) return ''
      const count = counters.get(numId!) ?? []
      count[ilvl] = (count[ilvl] ?? (level.start - 1)) + 1
      count.length = ilvl + 1 // deeper levels start again under this one
      counters.set(numId!, count)
      return level.text.replace(/%(\d)/g, (_, d: string) => {
        const i = Number(d) - 1
        const l = levels.get(i)
        return (FORMATS[l?.format ?? 'decimal'] ?? String)(count[i] ?? l?.start ?? 1)
      })
    },
  }
}
