import { useMemo, useState } from 'react';
import { usesPredictions } from '../../../../shared/domain/criteria';
import { CUSTOMER_STATUSES, FREQUENCY_TIERS, SPENDING_TIERS } from '../../../../shared/domain/types';
import { segmentCount } from '../../../../shared/insights/segment';
import { navigate } from '../../app/router';
import { useCurrentBranch, useDesk, useOutlookState } from '../../data/hooks';
import { now } from '../../data/session';
import { FREQUENCY_TIER_LABELS, SPENDING_TIER_LABELS, STATUS_LABELS } from '../../lib/format';
import { predictionCriteriaNote } from '../../lib/outlook-format';
import { Field } from '../../ui/Field';
import { errorMessage, toast } from '../../ui/toasts';
import { customersView } from '../customers';
import { campaignDraft } from '../campaigns';
import { criteriaOf, isEmptyForm, type CriteriaForm, type RfmBound, type ScoreText, type TriChoice } from './criteria-form';
import type { InsightSnapshot } from './insight-snapshot';
import { saveSegment, segmentDoc, segmentNameProblem } from './segment-store';
import { segmentBuilder, useSegmentBuilder } from './segment-builder-store';
import { useSegments } from './use-segments';

function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function Toggles<T extends string>({ legend, options, labels, picked, onToggle }: { legend: string; options: readonly T[]; labels: Record<T, string>; picked: readonly T[]; onToggle: (v: T) => void }) {
  return (
    <fieldset className="seg-group">
      <legend className="field-label">{legend}</legend>
      <div className="seg-toggles">
        {options.map((o) => (
          <label key={o} className="seg-toggle">
            <input type="checkbox" checked={picked.includes(o)} onChange={() => onToggle(o)} />
            <span>{labels[o]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function TriSelect({ label, value, yes, no, onChange }: { label: string; value: TriChoice; yes: string; no: string; onChange: (v: TriChoice) => void }) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value as TriChoice)}>
          <option value="">Any</option>
          <option value="yes">{yes}</option>
          <option value="no">{no}</option>
        </select>
      )}
    </Field>
  );
}

const SCORES: ScoreText[] = ['', '1', '2', '3', '4', '5'];
const RFM_ROWS = [
  ['r', 'Recency (R)'],
  ['f', 'Frequency (F)'],
  ['m', 'Monetary (M)'],
] as const;

function RfmRanges({ form, errors, onChange }: { form: CriteriaForm; errors: Partial<Record<string, string>>; onChange: (bound: RfmBound, v: ScoreText) => void }) {
  return (
    <fieldset className="seg-group seg-rfm">
      <legend className="field-label">RFM scores (1–5)</legend>
      {RFM_ROWS.map(([letter, label]) => (
        <div key={letter} className="seg-rfm-row">
          <span className="seg-rfm-label">{label}</span>
          {(['min', 'max'] as const).map((end) => {
            const bound = `${letter}_${end}` as RfmBound;
            return (
              <select
                key={end}
                className="select select-compact"
                aria-label={`${label} ${end === 'min' ? 'from' : 'to'}`}
                aria-invalid={errors[`rfm.${letter}`] !== undefined ? true : undefined}
                value={form.rfm[bound]}
                onChange={(e) => onChange(bound, e.target.value as ScoreText)}
              >
                {SCORES.map((s) => (
                  <option key={s} value={s}>
                    {s === '' ? (end === 'min' ? 'from any' : 'to any') : `${end === 'min' ? 'from' : 'to'} ${s}`}
                  </option>
                ))}
              </select>
            );
          })}
          {errors[`rfm.${letter}`] !== undefined && <span className="field-error">{errors[`rfm.${letter}`]}</span>}
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The prediction and cadence filters (next 90 days): chance of return from / below a percent,
 * predicted value and value at risk at least an amount, overdue for their own cadence. `note`
 * says why the model's filters match nobody right now (no fitted model).
 */
function PredictionFields({ form, errors, note, set }: { form: CriteriaForm; errors: Partial<Record<string, string>>; note: string | null; set: (change: Partial<CriteriaForm>) => void }) {
  return (
    <fieldset className="seg-group">
      <legend className="field-label">Predictions (next 90 days)</legend>
      <div className="seg-numbers">
        <Field label="Chance of return, at least (%)" error={errors.chanceFrom}>
          {(p) => <input {...p} className="input" inputMode="numeric" value={form.chanceFrom} onChange={(e) => set({ chanceFrom: e.target.value })} />}
        </Field>
        <Field label="Chance of return, below (%)" error={errors.chanceBelow}>
          {(p) => <input {...p} className="input" inputMode="numeric" value={form.chanceBelow} onChange={(e) => set({ chanceBelow: e.target.value })} />}
        </Field>
        <Field label="Predicted value, at least" error={errors.minPredictedValue}>
          {(p) => <input {...p} className="input" inputMode="decimal" value={form.minPredictedValue} onChange={(e) => set({ minPredictedValue: e.target.value })} />}
        </Field>
        <Field label="Value at risk, at least" error={errors.minValueAtRisk}>
          {(p) => <input {...p} className="input" inputMode="decimal" value={form.minValueAtRisk} onChange={(e) => set({ minValueAtRisk: e.target.value })} />}
        </Field>
        <TriSelect label="Overdue for them" value={form.overdue} yes="Overdue for them" no="Not overdue" onChange={(v) => set({ overdue: v })} />
      </div>
      {note !== null && (
        <p className="muted filter-note" role="note">
          {note}
        </p>
      )}
    </fieldset>
  );
}

const WINDOW_OPTIONS = [
  ['', 'Any time'],
  ['today', 'Today'],
  ['week', 'In the next 7 days'],
  ['month', 'This month'],
] as const;

/**
 * Any combination of the filters, named and saved as a segment (synced), with a live count of
 * the branch's customers who match now. Also applies the filters to the Customers list or
 * starts a campaign with them.
 */
export function SegmentBuilder({ snapshot, tags }: { snapshot: InsightSnapshot; tags: readonly string[] }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const segments = useSegments() ?? [];
  const { form, name, editingId } = useSegmentBuilder();
  const outlookState = useOutlookState();
  const [nameError, setNameError] = useState('');
  const [saving, setSaving] = useState(false);
  const { criteria, errors } = useMemo(() => criteriaOf(form), [form]);
  const count = useMemo(() => segmentCount(criteria, snapshot.views, snapshot.today), [criteria, snapshot]);
  const editing = editingId === null ? undefined : segments.find((s) => s.id === editingId);
  const hasErrors = Object.keys(errors).length > 0;
  const predictionNote = predictionCriteriaNote(usesPredictions(criteria), outlookState);
  const set = (change: Partial<CriteriaForm>): void => segmentBuilder.setForm((f) => ({ ...f, ...change }));

  const save = async (): Promise<void> => {
    const problem = segmentNameProblem(name, segments, editing?.id);
    setNameError(problem);
    if (problem !== '' || hasErrors) return;
    setSaving(true);
    try {
      const doc = await saveSegment(desk.db, segmentDoc({ name, criteria, branchId: branch?.id ?? '', nowMs: now(), ...(editing ? { existing: editing } : {}) }));
      toast.success(editing ? `Saved changes to “${doc.name}”` : `Saved segment “${doc.name}”`);
      segmentBuilder.edit(doc);
    } catch (e) {
      toast.error(`Could not save the segment: ${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card seg-builder" aria-labelledby="seg-builder-title">
      <header className="card-header">
        <h2 id="seg-builder-title">{editing ? `Edit “${editing.name}”` : 'Build a segment'}</h2>
        {!isEmptyForm(form) || editingId !== null ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => (segmentBuilder.reset(), setNameError(''))}>
            {editingId !== null ? 'New segment' : 'Clear filters'}
          </button>
        ) : null}
      </header>
      <form
        className="seg-form"
        aria-label="Segment filters"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="seg-columns">
          <div className="stack">
            <Toggles legend="Status" options={CUSTOMER_STATUSES} labels={STATUS_LABELS} picked={form.statuses} onToggle={(v) => set({ statuses: toggled(form.statuses, v) })} />
            <Toggles
              legend="Spending tier"
              options={SPENDING_TIERS}
              labels={SPENDING_TIER_LABELS}
              picked={form.spendingTiers}
              onToggle={(v) => set({ spendingTiers: toggled(form.spendingTiers, v) })}
            />
            <Toggles
              legend="Visit frequency"
              options={FREQUENCY_TIERS}
              labels={FREQUENCY_TIER_LABELS}
              picked={form.frequencyTiers}
              onToggle={(v) => set({ frequencyTiers: toggled(form.frequencyTiers, v) })}
            />
            {tags.length > 0 && (
              <Toggles legend="Tags (any of)" options={tags} labels={Object.fromEntries(tags.map((t) => [t, t]))} picked={form.tags} onToggle={(v) => set({ tags: toggled(form.tags, v) })} />
            )}
          </div>
          <div className="stack">
            <div className="seg-numbers">
              <Field label="Visits, at least" error={errors.minVisits}>
                {(p) => <input {...p} className="input" inputMode="numeric" value={form.minVisits} onChange={(e) => set({ minVisits: e.target.value })} />}
              </Field>
              <Field label="Spent at least" error={errors.minSpent}>
                {(p) => <input {...p} className="input" inputMode="decimal" value={form.minSpent} onChange={(e) => set({ minSpent: e.target.value })} />}
              </Field>
              <Field label="Days since visit, from" error={errors.daysFrom}>
                {(p) => <input {...p} className="input" inputMode="numeric" value={form.daysFrom} onChange={(e) => set({ daysFrom: e.target.value })} />}
              </Field>
              <Field label="Days since visit, to" error={errors.daysTo}>
                {(p) => <input {...p} className="input" inputMode="numeric" value={form.daysTo} onChange={(e) => set({ daysTo: e.target.value })} />}
              </Field>
            </div>
            <RfmRanges form={form} errors={errors} onChange={(bound, v) => set({ rfm: { ...form.rfm, [bound]: v } })} />
            <PredictionFields form={form} errors={errors} note={predictionNote} set={set} />
            <div className="seg-numbers">
              <TriSelect label="High value" value={form.highValue} yes="High value only" no="Not high value" onChange={(v) => set({ highValue: v })} />
              <TriSelect label="Top regular" value={form.vip} yes="Top regulars only" no="Not top regulars" onChange={(v) => set({ vip: v })} />
              <TriSelect label="Marketing consent" value={form.optedIn} yes="Agrees to marketing" no="No consent" onChange={(v) => set({ optedIn: v })} />
              <TriSelect label="Future booking" value={form.futureBooking} yes="Has one" no="Has none" onChange={(v) => set({ futureBooking: v })} />
              <Field label="Birthday">
                {(p) => (
                  <select {...p} className="select" value={form.birthday} onChange={(e) => set({ birthday: e.target.value as CriteriaForm['birthday'] })}>
                    {WINDOW_OPTIONS.map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="First-visit anniversary">
                {(p) => (
                  <select {...p} className="select" value={form.anniversary} onChange={(e) => set({ anniversary: e.target.value as CriteriaForm['anniversary'] })}>
                    {WINDOW_OPTIONS.map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </div>
        </div>
        <div className="seg-footer">
          <p className="seg-count" aria-live="polite" data-testid="segment-count">
            <span className="nums">{count.toLocaleString('en')}</span> {count === 1 ? 'customer matches' : 'customers match'}
          </p>
          <Field label="Segment name" error={nameError} className="seg-name">
            {(p) => <input {...p} className="input" autoComplete="off" value={name} onChange={(e) => (segmentBuilder.setName(e.target.value), setNameError(''))} />}
          </Field>
          <div className="seg-actions">
            <button
              type="button"
              className="btn"
              disabled={hasErrors}
              onClick={() => {
                customersView.applySegment({ id: editing?.id ?? '', name: name.trim() || 'Unsaved segment', criteria });
                navigate({ name: 'customers' });
              }}
            >
              Show in Customers
            </button>
            <button
              type="button"
              className="btn"
              disabled={hasErrors || editing === undefined}
              title={editing === undefined ? 'Save the segment first' : undefined}
              onClick={() => {
                if (editing === undefined) return;
                campaignDraft.startFromSegment(editing);
                navigate({ name: 'campaign', id: 'new' });
              }}
            >
              New campaign
            </button>
            <button type="submit" className="btn btn-primary" disabled={saving || hasErrors}>
              {editing ? 'Save changes' : 'Save segment'}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
