/**
 * 发文字号序列 (R-D6, X-1) are settings the 科长 keeps: the one place that answers what a 代字 stands for. An unknown 代字
 * (one removed from the settings after documents were numbered under it) is refused when drafting, and still prints,
 * under the government's 文件.
 */
import type { Settings } from './service'

export type DocumentSeries = Settings['documentSeries'][number]

/** The series of a 代字, or undefined when the settings no longer have it. */
export const findSeries = (settings: Settings, code: string): DocumentSeries | undefined =>
  settings.documentSeries.find((s) => s.code === code)

/** The series' 发文机关 and 机关标志 (信函 for 函 series) as printed; an unknown 代字 prints as the government's 文件. */
export function seriesForPrint(settings: Settings, code: string): { issuer: string; mark: string; letter: boolean } {
  return findSeries(settings, code) ?? { issuer: settings.governmentName, mark: `${settings.governmentName}文件`, letter: false }
}
