import { useMemo, useRef, useState } from 'react';
import type { CustomerDoc } from '../../../../shared/domain/schemas';
import type { PreferredContact } from '../../../../shared/domain/types';
import { customerDoc, editedCustomer, findDuplicates, newCustomerId, registerCustomer, saveCustomerChange, type CustomerDetails, type Duplicate } from '../../data/customers';
import { phoneCountryOf } from '../../data/desk-settings';
import { useCurrentBranch, useDesk, useDeskSettings, useToday } from '../../data/hooks';
import { overlapNotice } from './overlap-text';
import { now } from '../../data/session';
import { DocumentRejected } from '../../data/write-errors';
import { Field } from '../../ui/Field';
import { errorMessage, toast } from '../../ui/toasts';
import { consentText } from '../customer-detail';
import {
  changedDetails,
  customerValuesOf,
  emptyCustomerValues,
  validateCustomerForm,
  type CustomerField,
  type CustomerFormErrors,
  type CustomerFormValues,
} from './customer-form-model';

const CONTACT_LABELS: Record<PreferredContact, string> = { none: 'No preference', sms: 'Text message (SMS)', email: 'Email', push: 'App notification' };

export interface CustomerFormProps {
  /** Edit this customer; register a new one when omitted. */
  existing?: CustomerDoc;
  /** Prefill fields of a new customer (e.g. from what was typed in a search box). */
  initial?: Partial<CustomerFormValues>;
  submitLabel?: string;
  onSaved: (doc: CustomerDoc) => void;
  onCancel?: () => void;
  /** A duplicate was found and the user chose it instead ("Open …" / "Use …"). */
  onUseExisting?: (doc: CustomerDoc) => void;
  /** Verb for the duplicate button: "Open" (default) or "Use". */
  useExistingVerb?: string;
}

/**
 * Registration and editing of a customer: field-level errors (aria-invalid + aria-describedby),
 * phone normalised in the desk's country (its branch's unless set for the desk), duplicate phone/email warned about with the existing
 * customer offered, ids derived from phone/email with the organisation secret. Nothing invalid
 * is saved.
 *
 * Editing saves only the fields the person changed, over the customer as it is at that moment
 * (a three-way change with the customer as the form opened it): what another desk changed while
 * the form was open stays, and the person is told where both changed a field. Marketing consent
 * is not part of the edit: it changes only through the consent control on the customer's page.
 */
export function CustomerForm({ existing, initial, submitLabel, onSaved, onCancel, onUseExisting, useExistingVerb = 'Open' }: CustomerFormProps) {
  const desk = useDesk();
  const branch = useCurrentBranch();
  const deskSettings = useDeskSettings();
  const { day, timeZone } = useToday();
  // the customer as the form opened it: the base of the three-way save (later renders bring newer copies)
  const [base] = useState<CustomerDoc | undefined>(existing);
  const [opened] = useState<CustomerFormValues | null>(() => (base ? customerValuesOf(base) : null));
  const [values, setValues] = useState<CustomerFormValues>(() => opened ?? { ...emptyCustomerValues(), ...initial });
  const [errors, setErrors] = useState<CustomerFormErrors>({});
  const [duplicates, setDuplicates] = useState<{ list: Duplicate[]; sameId: boolean } | null>(null);
  const [formError, setFormError] = useState('');
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const country = phoneCountryOf(deskSettings, branch);

  const set = <K extends CustomerField>(field: K, value: CustomerFormValues[K]): void => {
    setValues((v) => ({ ...v, [field]: value }));
    if (errors[field] !== undefined) setErrors((e) => ({ ...e, [field]: undefined }));
    setDuplicates(null);
  };

  const focusFirstError = (fieldErrors: CustomerFormErrors): void => {
    const first = (Object.keys(fieldErrors) as CustomerField[])[0];
    if (first === undefined) return;
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
  };

  const submit = async (allowDuplicate: boolean): Promise<void> => {
    setFormError('');
    const result = validateCustomerForm(values, country, day);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError(result.errors);
      return;
    }
    setErrors({});
    const { input } = result;
    // At start-up, until every customer is read, duplicates cannot be checked yet: wait for them.
    if (desk.stage === 'opening' || desk.stage === 'customers') {
      setSaving(true);
      await desk.customersLoaded;
      setSaving(false);
    }
    const id = base?.id ?? newCustomerId(desk.settings.orgSecret, input.phone, input.email);
    const sameId = base === undefined && desk.customers.has(id);
    const changes: Partial<CustomerDetails> | null = base && opened ? changedDetails(opened, values, input) : null;
    // an edit checks only a changed phone or email against other customers
    const checkPhone = changes === null || 'phone' in changes ? input.phone : '';
    const checkEmail = changes === null || 'email' in changes ? input.email : '';
    const list = findDuplicates(desk.customers.values(), checkPhone, checkEmail, base?.id);
    if ((sameId || list.length > 0) && !allowDuplicate) {
      setDuplicates({ list, sameId });
      return;
    }
    if (sameId) return;
    setSaving(true);
    try {
      if (base !== undefined && changes !== null) {
        const result = await saveCustomerChange(desk.db, base, editedCustomer(base, changes, now()));
        const notice = overlapNotice(result.overlaps);
        toast.success(result.changed.length === 0 ? 'Nothing changed' : `Saved ${result.doc.name}${notice === '' ? '' : `. ${notice}`}`);
        onSaved(result.doc);
      } else {
        const doc = await registerCustomer(desk.db, customerDoc(input, { id, branchId: desk.settings.branchId, nowMs: now() }));
        toast.success(`Registered ${doc.name}`);
        onSaved(doc);
      }
    } catch (error) {
      if (error instanceof DocumentRejected) {
        const fieldErrors: CustomerFormErrors = {};
        for (const p of error.problems) if (p.field in values) fieldErrors[p.field as CustomerField] = p.message;
        setErrors(fieldErrors);
        setFormError(Object.keys(fieldErrors).length === 0 ? error.message : 'Some fields need attention.');
      } else {
        setFormError(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const duplicateNotice = useMemo(() => {
    if (duplicates === null) return null;
    const first = duplicates.list[0]?.customer ?? base;
    const field = duplicates.list[0]?.field ?? 'phone';
    return { first, field };
  }, [duplicates, base]);

  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      aria-label={base ? `Edit ${base.name}` : 'Register a customer'}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(false);
      }}
    >
      <div className="form-grid">
        <Field label="Full name" error={errors.name} className="span-2">
          {(p) => (
            <input {...p} name="name" className="input" autoComplete="off" value={values.name} onChange={(e) => set('name', e.target.value)} autoFocus />
          )}
        </Field>
        <Field label="Phone" optional error={errors.phone} hint={country ? `Local numbers are read as ${country}` : 'Include the country code, e.g. +63'}>
          {(p) => <input {...p} name="phone" className="input" type="tel" autoComplete="off" value={values.phone} onChange={(e) => set('phone', e.target.value)} />}
        </Field>
        <Field label="Email" optional error={errors.email}>
          {(p) => <input {...p} name="email" className="input" type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.target.value)} />}
        </Field>
        <Field label="Birthday" optional error={errors.birthday}>
          {(p) => <input {...p} name="birthday" className="input" type="date" value={values.birthday} onChange={(e) => set('birthday', e.target.value)} />}
        </Field>
        <Field label="Preferred contact" error={errors.preferred_contact}>
          {(p) => (
            <select
              {...p}
              name="preferred_contact"
              className="select"
              value={values.preferred_contact}
              onChange={(e) => set('preferred_contact', e.target.value as PreferredContact)}
            >
              {(Object.keys(CONTACT_LABELS) as PreferredContact[]).map((c) => (
                <option key={c} value={c}>
                  {CONTACT_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {base !== undefined ? (
          <p className="span-2 muted" data-testid="form-consent">
            {consentText(existing ?? base, timeZone).text}. Consent is given or withdrawn per channel under <strong>Marketing consent</strong> on the customer&apos;s page.
          </p>
        ) : (
        <div className="span-2">
          <label className="checkbox">
            <input type="checkbox" name="opted_in_marketing" checked={values.opted_in_marketing} onChange={(e) => set('opted_in_marketing', e.target.checked)} />
            <span>
              <strong>Agrees to receive offers and reminders</strong>
              <br />
              <span className="muted">Marketing consent is recorded with today&apos;s date and can be withdrawn at any time.</span>
            </span>
          </label>
        </div>
        )}
        <Field label="Tags" optional error={errors.tags} hint="Separate with commas, e.g. beard, student" className="span-2">
          {(p) => <input {...p} name="tags" className="input" autoComplete="off" value={values.tags} onChange={(e) => set('tags', e.target.value)} />}
        </Field>
        <Field label="Notes" optional error={errors.notes} className="span-2">
          {(p) => <textarea {...p} name="notes" className="textarea" value={values.notes} onChange={(e) => set('notes', e.target.value)} />}
        </Field>
      </div>

      {duplicateNotice !== null && duplicates !== null && (
        <div className="notice notice-warning" role="alert">
          <div className="stack">
            <p>
              {duplicates.sameId || duplicateNotice.first === undefined ? (
                <>This phone number or email already belongs to a registered customer.</>
              ) : (
                <>
                  <strong>{duplicateNotice.first.name}</strong> already has this {duplicateNotice.field === 'phone' ? 'phone number' : 'email address'}.
                </>
              )}
            </p>
            <div className="row">
              {duplicateNotice.first !== undefined && onUseExisting !== undefined && (
                <button type="button" className="btn btn-small" onClick={() => duplicateNotice.first && onUseExisting(duplicateNotice.first)}>
                  {useExistingVerb} {duplicateNotice.first.name}
                </button>
              )}
              {!duplicates.sameId && (
                <button type="button" className="btn btn-small btn-ghost" onClick={() => void submit(true)}>
                  Save as a separate customer
                </button>
              )}
            </div>
          </div>
        </div>
      )}
      {formError !== '' && (
        <div className="notice notice-error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {submitLabel ?? (base ? 'Save changes' : 'Register customer')}
        </button>
      </div>
    </form>
  );
}
