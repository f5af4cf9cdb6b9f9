import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatDay } from '../../../../shared/time/calendar';
import { navigate } from '../../app/router';
import { useCurrentBranch, useDesk, useOutlookState, useToday } from '../../data/hooks';
import { formatPrice } from '../../lib/format';
import { outlookNote } from '../../lib/outlook-format';
import { useDeskPermission, useMemberGate } from '../../sync/permissions';
import { GatedButton } from '../../ui/GatedButton';
import { Icon } from '../../ui/Icon';
import { HistoryImportDialog, ImportDialog, SwitchInDialog } from '../import-export';
import { SaveSegmentDialog } from '../segments';
import { activeFilterKeys } from './customer-filters';
import { DIRECTION_LABELS, SORT_FIELDS, SORT_LABELS, isSortField } from './customer-sort';
import { CustomerGrid } from './CustomerGrid';
import type { RowContext } from './CustomerGridRow';
import { NoCustomersYet, NoMatches } from './CustomersEmpty';
import { currentCriteria, customersView, useCustomersView } from './customers-view-store';
import { exportCustomers } from './export-customers';
import { countLine } from './filter-summary';
import { keystrokeCommitted, keystrokeStarted } from './filter-timing';
import { FilterPanel } from './FilterPanel';
import { isTypingTarget } from './list-navigation';
import { RegisterCustomerDialog } from './RegisterCustomerDialog';
import { SegmentChip } from './SegmentChip';
import { useCustomerList } from './use-customer-list';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * Customers of this branch (or of every branch): search as you type, filters, sorting, a
 * virtualised list driven from the keyboard, registration and CSV export.
 */
export function CustomersScreen() {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const { day } = useToday();
  const branchId = branch?.id ?? '';
  const { rows, result, byBestMatch, filters, inputErrors, tags, outlook, outlookCounts } = useCustomerList(branchId);
  const outlookState = useOutlookState();
  const query = useCustomersView((v) => v.query);
  const allBranches = useCustomersView((v) => v.allBranches);
  const sort = useCustomersView((v) => v.sort);
  const selectedId = useCustomersView((v) => v.selectedId);
  const [registering, setRegistering] = useState<{ query: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const exportPermission = useDeskPermission('export_customer_list');
  const exportGate = useMemberGate('export_customer_list');
  const historyPermission = useDeskPermission('import_history');
  const historyGate = useMemberGate('import_history');
  const [dialog, setDialog] = useState<'import' | 'switch-in' | 'history' | 'save-segment' | null>(null);
  const segment = useCustomersView((v) => v.segment);
  const searchRef = useRef<HTMLInputElement>(null);

  const visible = result.visible;
  const found = selectedId === null ? -1 : visible.findIndex((r) => r.id === selectedId);
  // While searching, the first match is selected until the user moves: Enter opens it.
  const selectedIndex = found >= 0 ? found : query.trim() !== '' && visible.length > 0 ? 0 : -1;
  const active = activeFilterKeys(filters);
  const filtering = active.length > 0 || outlook.length > 0 || (segment?.extra ?? null) !== null;
  // The prediction filters are criteria too (chance of return below 50 %, overdue for them).
  const savable = filtering;

  useLayoutEffect(() => keystrokeCommitted(), [result]);

  // "/" focuses the search from anywhere on the screen (not while typing or in a dialog).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const context = useMemo<RowContext>(
    () => ({
      branchNameOf: (id) => desk.branches.get(id)?.name ?? id,
      showBranch: allBranches,
    }),
    [desk, allBranches],
  );
  const open = useCallback((id: string) => navigate({ name: 'customer', id }), []);

  if (branch === undefined) return null;

  const scopeName = allBranches ? 'All branches' : branch.name;
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? Math.min(visible.length - 1, selectedIndex + 1) : Math.max(0, selectedIndex - 1);
      const row = visible[next];
      if (row !== undefined) customersView.select(row.id);
    } else if (event.key === 'Enter') {
      const row = visible[Math.max(0, selectedIndex)];
      if (row !== undefined) {
        event.preventDefault();
        open(row.id);
      }
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      customersView.setQuery('');
    }
  };

  const exportList = async (): Promise<void> => {
    setExporting(true);
    try {
      await exportCustomers(visible, { scopeName, date: formatDay(day), branchName: context.branchNameOf });
    } finally {
      setExporting(false);
    }
  };

  const sortValue = byBestMatch ? 'best' : `${sort.field}:${sort.direction}`;
  const hasCustomers = rows.length > 0;

  return (
    <div className="page customers-page">
      <div className="page-header">
        <div>
          <h1>Customers</h1>
          <p>
            {scopeName} · {countLine(rows.length, rows.length)}
          </p>
        </div>
        <div className="page-actions">
          <button
            type="button"
            className="btn"
            disabled={!savable}
            title={savable ? undefined : 'Filter the list first'}
            onClick={() => setDialog('save-segment')}
          >
            Save as segment
          </button>
          <button type="button" className="btn" onClick={() => setDialog('import')}>
            Import CSV
          </button>
          <button type="button" className="btn" onClick={() => setDialog('switch-in')}>
            Switch from another system
          </button>
          <GatedButton permission={historyPermission} type="button" className="btn" onClick={() => void historyGate.ensure().then((ok) => (ok ? setDialog('history') : undefined))}>
            Import visit history
          </GatedButton>
          <GatedButton permission={exportPermission} type="button" className="btn" disabled={!hasCustomers || visible.length === 0 || exporting} onClick={() => void exportGate.ensure().then((ok) => (ok ? exportList() : undefined))}>
            Export CSV
          </GatedButton>
          <button type="button" className="btn btn-primary" onClick={() => setRegistering({ query: '' })}>
            <Icon name="plus" />
            New customer
          </button>
        </div>
      </div>

      <div className="customers-layout">
        <FilterPanel facets={result.facets} tags={tags} errors={inputErrors} outlookCounts={outlookCounts} outlookNote={outlookNote(outlookState)} />

        <section className="card customers-results" aria-label="Customer list">
          <div className="customers-toolbar" role="search">
            <div className="customers-search">
              <Icon name="search" />
              <input
                ref={searchRef}
                type="search"
                className="customers-search-input"
                aria-label="Search customers"
                aria-keyshortcuts="/"
                placeholder="Search by name, phone or email"
                autoComplete="off"
                spellCheck={false}
                value={query}
                onChange={(e) => {
                  keystrokeStarted(e.timeStamp);
                  customersView.setQuery(e.target.value);
                }}
                onKeyDown={onSearchKey}
              />
              <span className="kbd" aria-hidden="true">
                /
              </span>
            </div>
            <label className="switch">
              <input
                type="checkbox"
                role="switch"
                className="switch-input"
                checked={allBranches}
                onChange={(e) => customersView.setAllBranches(e.target.checked)}
              />
              All branches
            </label>
            <label className="customers-sort">
              <span className="customers-sort-label">Sort by</span>
              <select
                className="select select-compact"
                value={sortValue}
                onChange={(e) => {
                  const [field, direction] = e.target.value.split(':');
                  if (e.target.value === 'best') customersView.sortByBestMatch();
                  else if (field !== undefined && isSortField(field)) customersView.setSort({ field, direction: direction === 'asc' ? 'asc' : 'desc' });
                }}
              >
                {query.trim() !== '' && <option value="best">Best match</option>}
                {SORT_FIELDS.flatMap((field) =>
                  (field === 'name' ? (['asc', 'desc'] as const) : (['desc', 'asc'] as const)).map((direction) => (
                    <option key={`${field}:${direction}`} value={`${field}:${direction}`}>
                      {SORT_LABELS[field]}, {DIRECTION_LABELS[field][direction]}
                    </option>
                  )),
                )}
              </select>
            </label>
          </div>

          <div className="customers-summary">
            <p className="customers-count nums" aria-live="polite" data-testid="customer-count">
              {countLine(visible.length, rows.length)}
            </p>
            {segment !== null && <SegmentChip segment={segment} />}
            {filtering && (
              <button type="button" className="btn btn-ghost btn-small" onClick={customersView.clearFilters}>
                Clear filters ({active.length + outlook.length + (segment?.extra ? 1 : 0)})
              </button>
            )}
            <span className="customers-keys" aria-hidden="true">
              <span className="kbd">↑</span> <span className="kbd">↓</span> select · <span className="kbd">Enter</span> open ·{' '}
              <span className="kbd">/</span> search · <span className="kbd">{isMac ? '⌘K' : 'Ctrl K'}</span> anywhere
            </span>
          </div>

          {!hasCustomers ? (
            <NoCustomersYet branchName={branch.name} othersHaveCustomers={!allBranches && desk.customers.size > 0} onRegister={() => setRegistering({ query: '' })} />
          ) : visible.length === 0 ? (
            <NoMatches query={query} filters={filters} result={result} money={formatPrice} onRegister={(q) => setRegistering({ query: q })} />
          ) : (
            <CustomerGrid
              rows={visible}
              sort={sort}
              bestMatch={byBestMatch}
              onSort={customersView.setSort}
              selectedIndex={selectedIndex}
              onSelect={customersView.select}
              onOpen={open}
              context={context}
              label={`Customers, ${countLine(visible.length, rows.length)}`}
              viewKey={`${query}|${JSON.stringify(filters)}|${outlook.join(',')}|${sortValue}|${allBranches ? 'all' : branchId}`}
            />
          )}
        </section>
      </div>

      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} />}
      {dialog === 'switch-in' && <SwitchInDialog onClose={() => setDialog(null)} />}
      {dialog === 'history' && <HistoryImportDialog onClose={() => setDialog(null)} />}
      {dialog === 'save-segment' && <SaveSegmentDialog criteria={currentCriteria(useCustomersView.getState())} count={visible.length} onClose={() => setDialog(null)} />}
      {registering !== null && (
        <RegisterCustomerDialog
          query={registering.query}
          onClose={() => setRegistering(null)}
          onDone={(doc) => {
            setRegistering(null);
            customersView.select(doc.id);
            navigate({ name: 'customer', id: doc.id });
          }}
        />
      )}
    </div>
  );
}
