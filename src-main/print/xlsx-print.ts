/**
 * What write-excel-file leaves to "features" (its extension point, which edits the sheet's XML parts as they are
 * written): the header row's filter buttons (autofilter), the header repeated at the top of every printed page
 * (print titles) and the sheet printed one page wide. Elements go in through the library's own helpers, which keep
 * the order the XLSX schema demands.
 */
import type { Feature } from 'write-excel-file/node'
import {
  appendMarkupInsideElement, findElement, getCellAddress, getOrderOfSiblings, insertElementMarkupAccordingToOrderOfSiblings,
  replaceElement, sanitizeTextContent,
} from 'write-excel-file/utility'

import type { Stream } from 'node:stream'
import type { Blob } from 'node:buffer'

/** The library's file content type under Node (write-excel-file/node's own, which it does not export). */
export type XlsxFeature = Feature<Stream | Buffer | Blob>
const SHEET = 'xl/worksheets/sheet{id}.xml'

export interface PrintedHeader {
  sheet: string
  /** 1-based row of the column headings. */
  headerRow: number
  columns: number
  /** 1-based last row of the records (the header row when there are none). */
  lastRow: number
}

/** A sheet name in a formula: quoted, with a quote inside doubled. */
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`

/** Appends to <definedNames>, which the library writes empty (or adds it where the schema wants it). */
function withDefinedNames(xml: string, names: string): string {
  const found = findElement(xml, 'definedNames')
  if (!found) return insertElementMarkupAccordingToOrderOfSiblings(xml, `<definedNames>${names}</definedNames>`, getOrderOfSiblings('xl/workbook.xml', 'workbook')!, 'workbook')
  return found.selfClosingTag ? replaceElement(xml, found, `<definedNames>${names}</definedNames>`) : appendMarkupInsideElement(xml, found, names)
}

const insertInSheet = (xml: string, markup: string) =>
  insertElementMarkupAccordingToOrderOfSiblings(xml, markup, getOrderOfSiblings(SHEET, 'worksheet')!, 'worksheet')

export function printedHeader(p: PrintedHeader): XlsxFeature {
  const first = getCellAddress(p.headerRow - 1, 0)
  const last = getCellAddress(p.lastRow - 1, p.columns - 1)
  const absolute = (a: string) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')
  const names =
    `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${sanitizeTextContent(`${quoted(p.sheet)}!${absolute(first)}:${absolute(last)}`)}</definedName>` +
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">${sanitizeTextContent(`${quoted(p.sheet)}!$${p.headerRow}:$${p.headerRow}`)}</definedName>`
  return {
    files: {
      transform: {
        'xl/workbook.xml': { transform: (xml) => withDefinedNames(xml, names) },
        [SHEET]: {
          // The sheet's XML holds every record: the small elements go in near its end, each found once.
          transform: (xml) => insertInSheet(insertInSheet(xml, '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'), `<autoFilter ref="${first}:${last}"/>`),
          transformElementAttributes: (tag, attributes) => (tag === 'pageSetup' ? { ...attributes, fitToWidth: 1, fitToHeight: 0 } : attributes),
        },
      },
    },
  }
}
