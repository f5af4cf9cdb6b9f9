import { useState } from 'react';
import type { SegmentCriteria } from '../../../../shared/domain/schemas';
import { useCurrentBranch, useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { formatPrice } from '../../lib/format';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { describeCriteria } from './criteria-text';
import { saveSegment, segmentDoc, segmentNameProblem } from './segment-store';
import { useSegments } from './use-segments';

/** Names and saves criteria (e.g. the Customers list's current filters) as a segment. */
export function SaveSegmentDialog({ criteria, count, onClose }: { criteria: SegmentCriteria; count: number; onClose: () => void }) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const segments = useSegments() ?? [];
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const phrases = describeCriteria(criteria, formatPrice);

  const save = async (): Promise<void> => {
    const problem = segmentNameProblem(name, segments);
    if (problem !== '') {
      setError(problem);
      return;
    }
    setSaving(true);
    try {
      const doc = await saveSegment(desk.db, segmentDoc({ name, criteria, branchId: branch?.id ?? '', nowMs: now() }));
      toast.success(`Saved segment “${doc.name}”`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setSaving(false);
    }
  };

  return (
    <Modal
      title="Save as a segment"
      description={`${count.toLocaleString('en')} ${count === 1 ? 'customer matches' : 'customers match'} now; the count stays live.`}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={<SubmitFooter onCancel={onClose} busy={saving} submitLabel="Save segment" />}
    >
      <div className="stack">
        <Field label="Segment name" error={error}>
          {(p) => <input {...p} className="input" value={name} autoFocus autoComplete="off" onChange={(e) => (setName(e.target.value), setError(''))} />}
        </Field>
        <div>
          <span className="field-label">Filters</span>
          {phrases.length === 0 ? (
            <p className="muted">No filters: every customer of the branch.</p>
          ) : (
            <ul className="criteria-chips" aria-label="Filters">
              {phrases.map((p) => (
                <li key={p} className="chip">
                  {p}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </Modal>
  );
}
