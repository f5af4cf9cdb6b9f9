import { useState } from 'react';
import type { CustomerStatus, FrequencyTier, SpendingTier } from '../../../../shared/domain/types';
import { FREQUENCY_TIER_LABELS, SPENDING_TIER_LABELS, STATUS_LABELS } from '../../lib/format';
import { Field } from '../../ui/Field';
import type { QueryResult } from './customer-filters';
import { customersView, useCustomersView } from './customers-view-store';
import type { InputErrors } from './filter-inputs';
import { OUTLOOK_FILTER_LABELS, OUTLOOK_FILTERS, type OutlookFilter } from './outlook-filters';

const STATUS_ORDER: CustomerStatus[] = ['active', 'win_back', 'at_risk', 'churned', 'new'];
const SPENDING_ORDER: SpendingTier[] = ['vip', 'high', 'medium', 'low', 'none'];
const FREQUENCY_ORDER: FrequencyTier[] = ['frequent', 'regular', 'occasional', 'one_time', 'none'];
const TAGS_SHOWN = 8;
const count = new Intl.NumberFormat('en');

interface CheckOption<T extends string> {
  value: T;
  label: string;
  count?: number;
  dot?: string;
}

function CheckGroup<T extends string>({
  legend,
  options,
  checked,
  onToggle,
  className = '',
}: {
  legend: string;
  options: CheckOption<T>[];
  checked: readonly T[];
  onToggle: (value: T) => void;
  className?: string;
}) {
  return (
    <fieldset className={`filter-group ${className}`.trim()}>
      <legend className="filter-legend">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="filter-check">
          <input type="checkbox" checked={checked.includes(o.value)} onChange={() => onToggle(o.value)} />
          {o.dot !== undefined && <span className={`cdot cdot-${o.dot}`} aria-hidden="true" />}
          <span className="filter-check-label">{o.label}</span>
          {o.count !== undefined && (
            <span className="filter-count nums" aria-label={`${count.format(o.count)} customers`}>
              {count.format(o.count)}
            </span>
          )}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The list's filters as labelled form controls: checkbox groups with live counts (what ticking
 * the box would show, the other filters kept), numeric fields with their own messages.
 */
export function FilterPanel({
  facets,
  tags,
  errors,
  outlookCounts,
  outlookNote,
}: {
  facets: QueryResult['facets'];
  tags: { tag: string; count: number }[];
  errors: InputErrors;
  outlookCounts: Record<OutlookFilter, number>;
  /** Why there are no predictions (the filters then match nobody), or null. */
  outlookNote: string | null;
}) {
  const view = useCustomersView();
  const [allTags, setAllTags] = useState(false);
  const shownTags = tags.slice(0, allTags ? tags.length : TAGS_SHOWN);
  // Ticked tags stay visible even when they are not among the most used.
  for (const t of view.tags) if (!shownTags.some((s) => s.tag === t)) shownTags.push({ tag: t, count: 0 });

  return (
    <aside className="card customers-filters" aria-label="Filters">
      <h2 className="visually-hidden">Filters</h2>
      <CheckGroup
        legend="Status"
        options={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s], count: facets.status[s], dot: s }))}
        checked={view.statuses}
        onToggle={customersView.toggleStatus}
      />
      <CheckGroup
        legend="Spending tier"
        options={SPENDING_ORDER.map((t) => ({ value: t, label: SPENDING_TIER_LABELS[t], count: facets.spending[t] }))}
        checked={view.spendingTiers}
        onToggle={customersView.toggleSpendingTier}
      />
      <CheckGroup
        legend="Visit frequency"
        options={FREQUENCY_ORDER.map((t) => ({ value: t, label: FREQUENCY_TIER_LABELS[t], count: facets.frequency[t] }))}
        checked={view.frequencyTiers}
        onToggle={customersView.toggleFrequencyTier}
      />
      <div className="filter-group-wrap">
        <CheckGroup
          legend="Predicted"
          options={OUTLOOK_FILTERS.map((f) => ({ value: f, label: OUTLOOK_FILTER_LABELS[f], count: outlookCounts[f] }))}
          checked={view.outlook}
          onToggle={customersView.toggleOutlook}
          className="filter-group-outlook"
        />
        {outlookNote !== null && (
          <p className="muted filter-note" role="note">
            {outlookNote}
          </p>
        )}
      </div>
      {tags.length > 0 || view.tags.length > 0 ? (
        <div className="filter-group-wrap">
          <CheckGroup
            legend="Tags (any of)"
            options={shownTags.map((t) => ({ value: t.tag, label: t.tag }))}
            checked={view.tags}
            onToggle={customersView.toggleTag}
          />
          {tags.length > TAGS_SHOWN && (
            <button type="button" className="btn btn-ghost btn-small filter-more" aria-expanded={allTags} onClick={() => setAllTags(!allTags)}>
              {allTags ? 'Fewer tags' : `All ${tags.length} tags`}
            </button>
          )}
        </div>
      ) : null}
      <div className="filter-numbers">
        <Field label="Minimum visits" error={errors.minVisits}>
          {(p) => (
            <input
              {...p}
              className="input input-compact"
              inputMode="numeric"
              autoComplete="off"
              placeholder="Any"
              value={view.inputs.minVisits}
              onChange={(e) => customersView.setInput('minVisits', e.target.value)}
            />
          )}
        </Field>
        <Field label="Minimum spent" error={errors.minSpent}>
          {(p) => (
            <input
              {...p}
              className="input input-compact"
              inputMode="decimal"
              autoComplete="off"
              placeholder="Any"
              value={view.inputs.minSpent}
              onChange={(e) => customersView.setInput('minSpent', e.target.value)}
            />
          )}
        </Field>
        <fieldset className="filter-group filter-range">
          <legend className="filter-legend">Days since last visit</legend>
          <Field label="From" error={errors.daysFrom}>
            {(p) => (
              <input
                {...p}
                className="input input-compact"
                inputMode="numeric"
                autoComplete="off"
                placeholder="0"
                aria-label="Days since last visit, from"
                value={view.inputs.daysFrom}
                onChange={(e) => customersView.setInput('daysFrom', e.target.value)}
              />
            )}
          </Field>
          <Field label="To" error={errors.daysTo}>
            {(p) => (
              <input
                {...p}
                className="input input-compact"
                inputMode="numeric"
                autoComplete="off"
                placeholder="Any"
                aria-label="Days since last visit, to"
                value={view.inputs.daysTo}
                onChange={(e) => customersView.setInput('daysTo', e.target.value)}
              />
            )}
          </Field>
        </fieldset>
      </div>
    </aside>
  );
}
