import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { CustomerRow } from './customer-rows';
import { CustomerGridRow, type RowContext } from './CustomerGridRow';
import { DIRECTION_LABELS, SORT_LABELS, naturalDirection, toggledSort, type SortField, type SortOrder } from './customer-sort';
import { movedIndex } from './list-navigation';

export const ROW_HEIGHT = 60;

interface Column {
  label: string;
  sort?: SortField;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { label: 'Customer', sort: 'name' },
  { label: 'Status' },
  { label: 'Next 90 days', sort: 'predicted_value', numeric: true },
  { label: 'Visits', sort: 'visits', numeric: true },
  { label: 'Spent', sort: 'total_spent', numeric: true },
  { label: 'Last visit', sort: 'last_visit' },
  { label: 'Tiers' },
  { label: 'Tags' },
];

function ariaSort(column: Column, sort: SortOrder, bestMatch: boolean): 'ascending' | 'descending' | 'none' | undefined {
  if (column.sort === undefined) return undefined;
  if (bestMatch || column.sort !== sort.field) return 'none';
  return sort.direction === 'asc' ? 'ascending' : 'descending';
}

interface Props {
  rows: readonly CustomerRow[];
  sort: SortOrder;
  /** Rows are in best-match order (no column is sorted). */
  bestMatch: boolean;
  onSort: (sort: SortOrder) => void;
  selectedIndex: number;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
  context: RowContext;
  label: string;
  /** Changes with the search, filters, order and scope (not with data updates). */
  viewKey: string;
}

/**
 * The customers as an ARIA grid, virtualised: only the rows in view (plus a few) are in the DOM,
 * so 50,000 customers scroll smoothly. One tab stop; arrow keys, Page Up/Down, Home and End move
 * the selection, Enter opens the customer. Sortable column headers carry aria-sort.
 */
export function CustomerGrid({ rows, sort, bestMatch, onSort, selectedIndex, onSelect, onOpen, context, label, viewKey }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const rowId = (id: string): string => `${baseId}-row-${id}`;
  // The app is not built with React Compiler; the virtualizer is read in render, never memoised.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  // Keep the selection in view; a new search, filter or order starts at the top. Data updates
  // (a booking elsewhere) change neither, so they never move the list under the user.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    else scrollRef.current?.scrollTo({ top: 0 });
  }, [selectedIndex, viewKey, virtualizer]);

  const selected = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
  const sorted = (column: Column): boolean => !bestMatch && column.sort === sort.field;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      if (selected !== undefined) {
        event.preventDefault();
        onOpen(selected.id);
      }
      return;
    }
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const next = movedIndex(selectedIndex, event.key, rows.length, page);
    if (next === null) return;
    event.preventDefault();
    const row = rows[next];
    if (row !== undefined) onSelect(row.id);
  };

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selected !== undefined ? rowId(selected.id) : undefined}
      tabIndex={0}
      className="clist"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        if (e.target === e.currentTarget && selected === undefined && rows[0] !== undefined) onSelect(rows[0].id);
      }}
    >
      <div role="rowgroup" className="clist-head">
        <div role="row" aria-rowindex={1} className="clist-row clist-header">
          {COLUMNS.map((column) => (
            <div
              key={column.label}
              role="columnheader"
              aria-sort={ariaSort(column, sort, bestMatch)}
              className={column.numeric ? 'clist-cell clist-num' : 'clist-cell'}
            >
              {column.sort === undefined ? (
                column.label
              ) : (
                <button
                  type="button"
                  className={sorted(column) ? 'clist-sort is-sorted' : 'clist-sort'}
                  title={`Sort by ${SORT_LABELS[column.sort].toLowerCase()}${sorted(column) ? ` (now ${DIRECTION_LABELS[column.sort][sort.direction]})` : ''}`}
                  onClick={() => column.sort && onSort(bestMatch ? { field: column.sort, direction: naturalDirection(column.sort) } : toggledSort(sort, column.sort))}
                >
                  {column.label}
                  <span className="clist-sort-arrow" aria-hidden="true">
                    {!sorted(column) ? '↕' : sort.direction === 'asc' ? '↑' : '↓'}
                  </span>
                </button>
              )}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="clist-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          return (
            <CustomerGridRow
              key={row.id}
              row={row}
              index={item.index}
              domId={rowId(row.id)}
              selected={item.index === selectedIndex}
              top={item.start}
              context={context}
              onOpen={onOpen}
              onSelect={onSelect}
            />
          );
        })}
      </div>
    </div>
  );
}
