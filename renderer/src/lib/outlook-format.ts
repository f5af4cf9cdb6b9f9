/**
 * How predicted figures read on the desk (docs/DESIGN.md §11): a chance as a whole percentage,
 * visits to one decimal, money (the models' major units) through the desk's currency format.
 */
import { describeCadence, type Cadence } from '../../../shared/predict/cadence';
import type { OutlookModelState } from '../data/outlook';
import { formatPrice } from './format';

/** 0.7234 → "72%" (never "100%" or "0%" for a chance strictly between: "99%", "1%"). */
export function chanceText(p: number): string {
  const pct = Math.round(p * 100);
  if (p > 0 && p < 1) return `${Math.min(99, Math.max(1, pct))}%`;
  return `${pct}%`;
}

/** 1.2345 → "1.2 visits", 1 → "1.0 visit"… (one decimal; "visit" when it rounds to 1.0). */
export function visitsText(v: number): string {
  const t = v.toFixed(1);
  return `${t} ${t === '1.0' ? 'visit' : 'visits'}`;
}

/** Major units → the desk's money format, to the cent. */
export function valueText(major: number): string {
  return formatPrice(Math.round(major * 100));
}

export function cadenceText(c: Cadence): string {
  return describeCadence(c);
}

/** The note shown where predictions would be and are not; null when they are ready. */
export function outlookNote(state: OutlookModelState): string | null {
  switch (state.kind) {
    case 'ready':
      return null;
    case 'pending':
      return 'Predictions appear once every booking is read.';
    case 'failed':
      return `No predictions: ${state.reason}. Statuses follow the visit rules.`;
  }
}

/** Where the model came from, for a manager. */
export function modelSourceText(state: OutlookModelState): string {
  if (state.kind !== 'ready') return '';
  return state.source === 'server'
    ? `Business-wide model from the server, fitted as of ${state.fittedAsOf}`
    : `Fitted on this desk's bookings as of ${state.fittedAsOf}${state.fitMs === null ? '' : ` in ${state.fitMs} ms`}`;
}

/**
 * Why criteria on predictions (chance of return, predicted value, value at risk) match nobody
 * right now, or null when they can match (the model is ready, or the criteria use none).
 */
export function predictionCriteriaNote(usesPredictions: boolean, state: OutlookModelState): string | null {
  if (!usesPredictions) return null;
  switch (state.kind) {
    case 'ready':
      return null;
    case 'pending':
      return 'Predictions appear once every booking is read: until then the chance-of-return and value filters match nobody.';
    case 'failed':
      return `No predictions: ${state.reason}. The chance-of-return and value filters match nobody; statuses follow the visit rules.`;
  }
}
