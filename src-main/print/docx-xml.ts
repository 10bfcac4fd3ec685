/** Small readers over WordprocessingML parsed by @xmldom/xmldom: elements of the w: namespace and their w: attributes. */
import type { Element, Node } from '@xmldom/xmldom'

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

export const children = (node: Node): Element[] => {
  const out: Element[] = []
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element)
  return out
}
export const isW = (el: Element, name: string) => el.namespaceURI === W && el.localName === name
export const childW = (el: Element | undefined, name: string) => (el ? children(el).find((c) => isW(c, name)) : undefined)
export const childrenW = (el: Element | undefined, name: string) => (el ? children(el).filter((c) => isW(c, name)) : [])
export const attrW = (el: Element | undefined, name: string) => el?.getAttributeNS(W, name) || null
