import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { Loader, Text } from '@mantine/core'

export interface RegisterColumn<T> {
  key: string
  label: string
  /** CSS grid track, e.g. '120px' or '2fr'. */
  width: string
  render: (row: T) => ReactNode
}

const ROW_HEIGHT = 38

/**
 * A register (登记簿) of any length: only the rows in view are in the page, and the next keyset page is
 * asked for as the end comes into view. Rows are ARIA rows so tests and screen readers read it as a table.
 */
export function VirtualRegister<T>({ label, columns, rows, rowKey, hasMore, loading, onEndReached, onRowClick, empty, height = 560 }: {
  label: string
  columns: RegisterColumn<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string | number
  hasMore: boolean
  loading: boolean
  onEndReached: () => void
  onRowClick?: (row: T) => void
  empty: string
  height?: number
}) {
  const parent = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const items = virtual.getVirtualItems()
  const last = items.at(-1)?.index ?? -1
  // Before the frame is painted rather than after it: the next page is on its way a frame sooner.
  useLayoutEffect(() => {
    if (hasMore && !loading && last >= rows.length - 5) onEndReached()
  }, [last, rows.length, hasMore, loading, onEndReached])
  const grid = columns.map((c) => c.width).join(' ')

  return (
    <div role="table" aria-label={label} aria-rowcount={rows.length + 1} className="sb-register">
      <div role="row" className="sb-register-head" style={{ gridTemplateColumns: grid }}>
        {columns.map((c) => <div role="columnheader" key={c.key}>{c.label}</div>)}
      </div>
      <div ref={parent} className="sb-register-body" style={{ height }}>
        {rows.length === 0 && !loading && <Text c="dimmed" size="sm" ta="center" py="lg">{empty}</Text>}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index]
            return (
              <div role="row" aria-rowindex={item.index + 2} key={rowKey(row)} className="sb-register-row"
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                style={{ gridTemplateColumns: grid, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, cursor: onRowClick ? 'pointer' : undefined }}>
                {columns.map((c) => <div role="cell" key={c.key}>{c.render(row)}</div>)}
              </div>
            )
          })}
        </div>
        {loading && <Loader size="sm" mx="auto" my="xs" display="block" />}
      </div>
    </div>
  )
}
