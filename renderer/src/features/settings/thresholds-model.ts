import { zoneClock } from '../../../../shared/time/zone';
import { MAX_THRESHOLD_DAYS, THRESHOLD_PRESETS, presetOf, type ThresholdPreset, type Thresholds } from '../../../../shared/domain/settings';

export interface ThresholdChoice {
  preset: ThresholdPreset;
  /** Text of the custom inputs (used when preset is custom). */
  activeDays: string;
  atRiskDays: string;
}

export const PRESET_LABELS: Record<ThresholdPreset, { title: string; detail: string }> = {
  barbershop: { title: 'Barbershop', detail: `Active up to ${THRESHOLD_PRESETS.barbershop.activeDays} days, at risk up to ${THRESHOLD_PRESETS.barbershop.atRiskDays}` },
  salon: { title: 'Salon', detail: `Active up to ${THRESHOLD_PRESETS.salon.activeDays} days, at risk up to ${THRESHOLD_PRESETS.salon.atRiskDays}` },
  venue: { title: 'Venue', detail: `Active up to ${THRESHOLD_PRESETS.venue.activeDays} days, at risk up to ${THRESHOLD_PRESETS.venue.atRiskDays}` },
  custom: { title: 'Custom', detail: 'Your own numbers of days' },
};

export const PRESET_ORDER: ThresholdPreset[] = ['barbershop', 'salon', 'venue', 'custom'];

export function choiceOf(t: Thresholds): ThresholdChoice {
  return { preset: presetOf(t), activeDays: String(t.activeDays), atRiskDays: String(t.atRiskDays) };
}

export type ThresholdResult = { ok: true; thresholds: Thresholds } | { ok: false; errors: { activeDays?: string; atRiskDays?: string } };

function days(text: string, label: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: `${label}: enter a whole number of days` };
  const value = Number(trimmed);
  if (value > MAX_THRESHOLD_DAYS) return { error: `${label}: at most ${MAX_THRESHOLD_DAYS} days` };
  return { value };
}

/** The thresholds a choice stands for; custom values must be whole days with at-risk ≥ active. */
export function resolveThresholds(choice: ThresholdChoice): ThresholdResult {
  if (choice.preset !== 'custom') return { ok: true, thresholds: { ...THRESHOLD_PRESETS[choice.preset] } };
  const active = days(choice.activeDays, 'Active');
  const atRisk = days(choice.atRiskDays, 'At risk');
  const errors: { activeDays?: string; atRiskDays?: string } = {};
  if ('error' in active) errors.activeDays = active.error;
  if ('error' in atRisk) errors.atRiskDays = atRisk.error;
  if ('value' in active && 'value' in atRisk) {
    if (active.value < 1) errors.activeDays = 'Active: at least 1 day';
    else if (atRisk.value < active.value) errors.atRiskDays = `At risk must be at least the active days (${active.value})`;
    else return { ok: true, thresholds: { activeDays: active.value, atRiskDays: atRisk.value } };
  }
  return { ok: false, errors };
}

/**
 * What changing a branch's time zone does to the agenda, or `null` when nothing shows
 * differently: bookings are instants, so each one's displayed time moves by the difference of
 * the two zones' offsets ("a booking at 10:00 Asia/Manila time shows at 11:00").
 */
export function zoneChangeWarning(from: string, to: string, nowMs: number): string | null {
  if (from === to) return null;
  const shift = Math.round((zoneClock(to).offsetAt(nowMs) - zoneClock(from).offsetAt(nowMs)) / 60_000);
  if (shift === 0) return null;
  const at = (((10 * 60 + shift) % 1440) + 1440) % 1440;
  const hhmm = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
  const zone = (z: string): string => z.replace(/_/g, ' ');
  const hours = Math.abs(shift) % 60 === 0 ? `${Math.abs(shift) / 60} h` : `${Math.floor(Math.abs(shift) / 60)} h ${Math.abs(shift) % 60} min`;
  return (
    `Changing the time zone moves every booking's displayed time ${shift > 0 ? 'later' : 'earlier'} by ${hours}: ` +
    `a booking at 10:00 ${zone(from)} time shows at ${hhmm} ${zone(to)} time. Dates and statuses follow the new zone.`
  );
}
