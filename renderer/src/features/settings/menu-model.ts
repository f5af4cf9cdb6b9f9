/**
 * The service and staff forms of Settings: text fields ↔ documents, with a message per field.
 * Prices are read in the desk's locale (shared/money-input.ts); times are "HH:MM" at the branch.
 */
import { LIMITS, type ServiceDoc, type StaffDoc, type WorkDay } from '../../../../shared/domain/schemas';
import { formatMoneyInput, parseMoneyInput } from '../../../../shared/money-input';
import { duplicateServiceProblem } from '../../../../shared/schedule/services';
import { clockMinutes, staffProblems, WEEKDAY_NAMES } from '../../../../shared/schedule/staff-hours';
import { parseDay } from '../../../../shared/time/calendar';
import { inputLocale } from '../../lib/input-locale';

export interface ServiceForm {
  name: string;
  category: string;
  duration: string;
  price: string;
  /** Top of the price range ('' = a fixed price). */
  priceMax: string;
  active: boolean;
}
export type ServiceErrors = Partial<Record<keyof ServiceForm, string>>;

export function formOfService(s: ServiceDoc | null, locale: string = inputLocale()): ServiceForm {
  if (s === null) return { name: '', category: '', duration: '30', price: '', priceMax: '', active: true };
  return {
    name: s.name,
    category: s.category,
    duration: String(s.duration_min),
    price: formatMoneyInput(s.price, locale),
    priceMax: s.price_max === null ? '' : formatMoneyInput(s.price_max, locale),
    active: s.active,
  };
}

/** The form as a service document (`base` keeps id, branch and stamps), or the problems by field. */
export function serviceOfForm(
  form: ServiceForm,
  base: ServiceDoc,
  menu: readonly ServiceDoc[],
  locale: string = inputLocale(),
): { ok: true; doc: ServiceDoc } | { ok: false; errors: ServiceErrors } {
  const errors: ServiceErrors = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'Enter the name of the service';
  else if (name.length > LIMITS.shortText) errors.name = `At most ${LIMITS.shortText} characters`;
  else if (form.active) {
    const dup = duplicateServiceProblem(menu, name, base.id);
    if (dup !== null) errors.name = dup;
  }
  const category = form.category.trim();
  if (category.length > LIMITS.shortText) errors.category = `At most ${LIMITS.shortText} characters`;
  const duration = Number(form.duration.trim());
  if (!/^\d+$/.test(form.duration.trim()) || duration < 5 || duration > 24 * 60) errors.duration = 'Enter minutes between 5 and 1440';
  const price = form.price.trim() === '' ? { ok: false as const, message: 'Enter a price (0 for free)' } : parseMoneyInput(form.price, locale);
  if (!price.ok) errors.price = price.message;
  let priceMax: number | null = null;
  if (form.priceMax.trim() !== '') {
    const max = parseMoneyInput(form.priceMax, locale);
    if (!max.ok) errors.priceMax = max.message;
    else if (price.ok && max.cents < price.cents) errors.priceMax = 'The top of the range must be at least the price';
    else priceMax = max.cents === (price.ok ? price.cents : -1) ? null : max.cents;
  }
  if (Object.keys(errors).length > 0 || !price.ok) return { ok: false, errors };
  return { ok: true, doc: { ...base, name, category, duration_min: duration, price: price.cents, price_max: priceMax, active: form.active } };
}

export interface DayForm {
  works: boolean;
  start: string;
  end: string;
  /** "13:00-14:00, 16:00-16:15" ('' = none). */
  breaks: string;
}

export interface StaffForm {
  name: string;
  active: boolean;
  week: DayForm[];
  /** Days off, YYYY-MM-DD, in the order added. */
  daysOff: string[];
}

/** Errors by field: `name`, `week.N` (a weekday row), `daysOff`. */
export type StaffErrors = Partial<Record<string, string>>;

function breaksText(d: WorkDay): string {
  return d.breaks.map((b) => `${b.start}-${b.end}`).join(', ');
}

export function formOfStaff(s: StaffDoc): StaffForm {
  return {
    name: s.name,
    active: s.active,
    week: s.week.map((d) => (d.start === '' ? { works: false, start: '09:00', end: '18:00', breaks: '' } : { works: true, start: d.start, end: d.end, breaks: breaksText(d) })),
    daysOff: [...s.days_off],
  };
}

/** "13:00-14:00, 16:00–16:15" → spans; null with a message when a part is not "HH:MM-HH:MM". */
function parseBreaks(text: string): { ok: true; spans: { start: string; end: string }[] } | { ok: false; message: string } {
  const spans: { start: string; end: string }[] = [];
  for (const part of text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$/.exec(part);
    const start = m?.[1]?.padStart(5, '0') ?? '';
    const end = m?.[2]?.padStart(5, '0') ?? '';
    if (m === null || clockMinutes(start) === null || clockMinutes(end) === null) return { ok: false, message: `"${part}" is not a break like 13:00-14:00` };
    spans.push({ start, end });
  }
  if (spans.length > LIMITS.breaks) return { ok: false, message: `At most ${LIMITS.breaks} breaks a day` };
  return { ok: true, spans };
}

/** The form as a staff document, or the problems by field (the shared rules, named by weekday). */
export function staffOfForm(form: StaffForm, base: StaffDoc, others: readonly StaffDoc[]): { ok: true; doc: StaffDoc } | { ok: false; errors: StaffErrors } {
  const errors: StaffErrors = {};
  const name = form.name.trim();
  if (name === '') errors.name = 'Enter the name of the staff member';
  else if (name.length > LIMITS.shortText) errors.name = `At most ${LIMITS.shortText} characters`;
  else if (others.some((o) => o.id !== base.id && o.name.trim().toLocaleLowerCase('en') === name.toLocaleLowerCase('en'))) errors.name = `There is already a staff member called ${name}`;
  const week: WorkDay[] = form.week.map((d, i) => {
    if (!d.works) return { start: '', end: '', breaks: [] };
    const start = d.start.trim().padStart(5, '0');
    const end = d.end.trim().padStart(5, '0');
    if (clockMinutes(start) === null || clockMinutes(end) === null) {
      errors[`week.${i}`] = `${WEEKDAY_NAMES[i] ?? ''}: enter times like 09:00 and 18:00`;
      return { start: '', end: '', breaks: [] };
    }
    const breaks = parseBreaks(d.breaks);
    if (!breaks.ok) {
      errors[`week.${i}`] = `${WEEKDAY_NAMES[i] ?? ''}: ${breaks.message}`;
      return { start, end, breaks: [] };
    }
    return { start, end, breaks: breaks.spans };
  });
  const days = [...new Set(form.daysOff)].sort();
  if (days.some((d) => parseDay(d) === null)) errors.daysOff = 'Days off must be real dates';
  if (days.length > LIMITS.daysOff) errors.daysOff = `At most ${LIMITS.daysOff} days off`;
  const doc: StaffDoc = { ...base, name, active: form.active, week, days_off: days };
  if (Object.keys(errors).length === 0) {
    for (const p of staffProblems(doc)) {
      const m = /^week\.(\d)/.exec(p.field);
      const key = m !== null ? `week.${m[1]}` : p.field.startsWith('days_off') ? 'daysOff' : 'name';
      errors[key] ??= p.message;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, doc };
}
