import { useId } from 'react';
import { Field } from '../../ui/Field';
import type { BookingFormErrors, BookingFormValues } from './booking-form-model';
import { priceText } from './booking-form-model';
import type { BranchCatalog } from './use-branch-catalog';

/** The booking's local date and time (5-minute steps). */
export function BookingWhenFields({ values, errors, set }: { values: BookingFormValues; errors: BookingFormErrors; set: (field: keyof BookingFormValues, value: string) => void }) {
  return (
    <>
      <Field label="Date" error={errors.date}>
        {(p) => <input {...p} name="date" className="input" type="date" value={values.date} onChange={(e) => set('date', e.target.value)} />}
      </Field>
      <Field label="Time" error={errors.time}>
        {(p) => <input {...p} name="time" className="input" type="time" step={300} value={values.time} onChange={(e) => set('time', e.target.value)} />}
      </Field>
    </>
  );
}

/** Service (suggested with its usual price and duration), staff, duration and price. */
export function BookingDetailsFields({
  values,
  errors,
  set,
  catalog,
}: {
  values: BookingFormValues;
  errors: BookingFormErrors;
  set: (field: keyof BookingFormValues, value: string) => void;
  catalog: BranchCatalog;
}) {
  const listId = useId();
  const staffListId = useId();
  const onService = (name: string): void => {
    set('service', name);
    const known = catalog.services.find((s) => s.name === name);
    if (known !== undefined) {
      set('price', priceText(known.price));
      set('duration', String(known.duration));
    }
  };
  return (
    <>
      <Field label="Service" error={errors.service}>
        {(p) => <input {...p} name="service" className="input" list={listId} autoComplete="off" value={values.service} onChange={(e) => onService(e.target.value)} />}
      </Field>
      <datalist id={listId}>
        {catalog.services.map((s) => (
          <option key={s.name} value={s.name} />
        ))}
      </datalist>
      <Field label="Staff" optional error={errors.staff}>
        {(p) => <input {...p} name="staff" className="input" list={staffListId} autoComplete="off" value={values.staff} onChange={(e) => set('staff', e.target.value)} />}
      </Field>
      <datalist id={staffListId}>
        {catalog.staff.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <Field label="Duration (minutes)" error={errors.duration}>
        {(p) => <input {...p} name="duration" className="input" inputMode="numeric" value={values.duration} onChange={(e) => set('duration', e.target.value)} />}
      </Field>
      <Field label="Price" error={errors.price}>
        {(p) => <input {...p} name="price" className="input" inputMode="decimal" value={values.price} onChange={(e) => set('price', e.target.value)} />}
      </Field>
    </>
  );
}
