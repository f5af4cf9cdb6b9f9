import { create } from 'zustand';
import type { SegmentCriteria } from '../../../../shared/domain/schemas';
import { EMPTY_FORM, formOf, type CriteriaForm } from './criteria-form';

/** The segment being built on the Segments screen: kept while the manager goes elsewhere and back. */
export interface SegmentBuilder {
  form: CriteriaForm;
  name: string;
  /** The saved segment being edited (null: a new one). */
  editingId: string | null;
}

const initial: SegmentBuilder = { form: EMPTY_FORM, name: '', editingId: null };

export const useSegmentBuilder = create<SegmentBuilder>(() => initial);

export const segmentBuilder = {
  setForm: (change: (form: CriteriaForm) => CriteriaForm): void => useSegmentBuilder.setState((s) => ({ form: change(s.form) })),
  setName: (name: string): void => useSegmentBuilder.setState({ name }),
  edit: (segment: { id: string; name: string; criteria: SegmentCriteria }): void =>
    useSegmentBuilder.setState({ form: formOf(segment.criteria), name: segment.name, editingId: segment.id }),
  /** Starts a new segment from criteria (e.g. an RFM cell, or the Customers list's filters). */
  start: (criteria: SegmentCriteria, name = ''): void => useSegmentBuilder.setState({ form: formOf(criteria), name, editingId: null }),
  reset: (): void => useSegmentBuilder.setState(initial, true),
};
