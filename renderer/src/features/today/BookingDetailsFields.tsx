import { useId } from 'react';
import { Field } from '../../ui/Field';
import type { BookingFormErrors, BookingFormValues } from './booking-form-model';
import { priceText } from './booking-form-model';
import { formatDuration, formatPrice } from '../../lib/format';
import type { BranchCatalog } from './catalog-model';
import { FreeSlots } from './FreeSlots';

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

/**
 * The free slots for the form's date, time, duration and staff (`FreeSlots`, over the whole
 * row); picking one fills the form's date, time and staff.
 */
export function BookingSlotFields({
  values,
  set,
  branchId,
  team,
  timeZone,
  ignoreId,
}: {
  values: BookingFormValues;
  set: (field: keyof BookingFormValues, value: string) => void;
  branchId: string;
  team: BranchCatalog['team'];
  timeZone: string;
  /** The booking being edited (its own slot is free). */
  ignoreId?: string;
}) {
  return (
    <div className="span-2">
      <FreeSlots
        branchId={branchId}
        team={team}
        timeZone={timeZone}
        date={values.date}
        time={values.time}
        duration={values.duration}
        staff={values.staff}
        {...(ignoreId !== undefined ? { ignoreId } : {})}
        onPick={(slot) => {
          set('date', slot.date);
          set('time', slot.time);
          set('staff', slot.staff);
        }}
      />
    </div>
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
  const find = (name: string) => catalog.services.find((s) => s.name === name) ?? catalog.services.find((s) => s.onMenu && s.name.trim().toLocaleLowerCase('en') === name.trim().toLocaleLowerCase('en'));
  const onService = (name: string): void => {
    set('service', name);
    const known = find(name);
    if (known !== undefined) {
      set('price', priceText(known.price));
      set('duration', String(known.duration));
    }
  };
  const chosen = values.service.trim() === '' ? undefined : find(values.service);
  const hasMenu = catalog.services.some((s) => s.onMenu);
  const hint =
    chosen?.onMenu === true
      ? `On the menu: ${formatDuration(chosen.duration)}, ${chosen.priceMax === null ? formatPrice(chosen.price) : `${formatPrice(chosen.price)}–${formatPrice(chosen.priceMax)}`}`
      : hasMenu && values.service.trim() !== ''
        ? 'Not on the menu: booked as a one-off'
        : undefined;
  return (
    <>
      <Field label="Service" error={errors.service} hint={hint}>
        {(p) => <input {...p} name="service" className="input" list={listId} autoComplete="off" value={values.service} onChange={(e) => onService(e.target.value)} />}
      </Field>
      <datalist id={listId}>
        {catalog.services.map((s) => (
          <option key={s.name} value={s.name} label={s.onMenu ? `${s.category ? `${s.category} · ` : ''}${formatDuration(s.duration)} · ${s.priceMax === null ? formatPrice(s.price) : `${formatPrice(s.price)}–${formatPrice(s.priceMax)}`}` : undefined} />
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
