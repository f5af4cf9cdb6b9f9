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
