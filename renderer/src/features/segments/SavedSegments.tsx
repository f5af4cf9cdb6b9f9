import { useMemo, useState } from 'react';
import { usesPredictions } from '../../../../shared/domain/criteria';
import type { SegmentDoc } from '../../../../shared/domain/schemas';
import { segmentCount, segmentMembers } from '../../../../shared/insights/segment';
import { formatDay } from '../../../../shared/time/calendar';
import { navigate } from '../../app/router';
import { useDesk, useOutlookState } from '../../data/hooks';
import { formatPrice } from '../../lib/format';
import { predictionCriteriaNote } from '../../lib/outlook-format';
import { GatedButton } from '../../ui/GatedButton';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useDeskPermission } from '../../sync/permissions';
import { errorMessage, toast } from '../../ui/toasts';
import { campaignDraft } from '../campaigns';
import { customersView } from '../customers';
import { exportCustomers } from '../customers';
import { describeCriteria } from './criteria-text';
import type { InsightSnapshot } from './insight-snapshot';
import { segmentBuilder, useSegmentBuilder } from './segment-builder-store';
import { deleteSegment } from './segment-store';

/** The branch's saved segments with live counts: apply to the list, export, start a campaign, edit, delete. */
export function SavedSegments({ segments, snapshot }: { segments: readonly SegmentDoc[] | null; snapshot: InsightSnapshot }) {
  const desk = useDesk();
  const editingId = useSegmentBuilder((s) => s.editingId);
  const exportPermission = useDeskPermission('export_customer_list');
  const [deleting, setDeleting] = useState<SegmentDoc | null>(null);
  const outlookState = useOutlookState();
  const counts = useMemo(() => new Map((segments ?? []).map((s) => [s.id, segmentCount(s.criteria, snapshot.views, snapshot.today)])), [segments, snapshot]);
  const branchName = (id: string): string => desk.branches.get(id)?.name ?? id;

  const exportSegment = async (s: SegmentDoc): Promise<void> => {
    const members = segmentMembers(s.criteria, snapshot.views, snapshot.today)
      .map((v) => ({ id: v.customer.id, customer: v.customer, activity: v.activity, nameKey: v.customer.name.toLowerCase(), entry: undefined }))
      .sort((a, b) => a.nameKey.localeCompare(b.nameKey) || (a.id < b.id ? -1 : 1));
    await exportCustomers(members, { scopeName: s.name, date: formatDay(snapshot.today), branchName });
  };

  return (
    <section className="card seg-saved" aria-labelledby="seg-saved-title">
      <header className="card-header">
        <h2 id="seg-saved-title">Saved segments</h2>
        <span className="muted">counts are live</span>
      </header>
      {segments === null ? null : segments.length === 0 ? (
        <p className="seg-empty muted">No saved segments yet. Build one with the filters, name it and save it: it syncs to the branch&apos;s other desks.</p>
      ) : (
        <ul className="seg-list" aria-label="Saved segments">
          {segments.map((s) => {
            const phrases = describeCriteria(s.criteria, formatPrice);
            const n = counts.get(s.id) ?? 0;
            return (
              <li key={s.id} className={s.id === editingId ? 'seg-item is-editing' : 'seg-item'} aria-label={s.name}>
                <div className="seg-item-head">
                  <h3 className="seg-item-name">{s.name}</h3>
                  <span className="seg-item-count nums" data-testid="saved-segment-count">
                    {n.toLocaleString('en')} {n === 1 ? 'customer' : 'customers'}
                  </span>
                </div>
                <p className="seg-item-filters">{phrases.length === 0 ? 'Everyone at this branch' : phrases.join(' · ')}</p>
                {(() => {
                  const note = predictionCriteriaNote(usesPredictions(s.criteria), outlookState);
                  return note === null ? null : (
                    <p className="muted filter-note" role="note">
                      {note}
                    </p>
                  );
                })()}
                <div className="seg-item-actions">
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => {
                      customersView.applySegment(s);
                      navigate({ name: 'customers' });
                    }}
                  >
                    Show in Customers
                  </button>
                  <GatedButton permission={exportPermission} type="button" className="btn btn-small" disabled={n === 0} onClick={() => void exportSegment(s)}>
                    Export CSV
                  </GatedButton>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => {
                      campaignDraft.startFromSegment(s);
                      navigate({ name: 'campaign', id: 'new' });
                    }}
                  >
                    New campaign
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => segmentBuilder.edit(s)}>
                    Edit
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => setDeleting(s)}>
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          description="The segment disappears from every desk of the branch. Campaigns sent to it keep their audience."
          keepLabel="Keep it"
          confirmLabel="Delete segment"
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            deleteSegment(desk.db, deleting.id).then(
              () => {
                if (editingId === deleting.id) segmentBuilder.reset();
                toast.success(`Deleted segment “${deleting.name}”`);
              },
              (e: unknown) => {
                toast.error(errorMessage(e));
                throw e;
              },
            )
          }
        >
          <p className="muted">Customers are not affected.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
