/**
 * The retention model as the server stores it and sends it to every device (reference data,
 * `GET /api/retention/model`): fitted over the whole business as of a date, or the reason it
 * could not be. Checked on arrival like every server answer.
 */
import type { RetentionModel } from './model';

export type StoredRetentionModel =
  | { ok: true; as_of: string; fitted_at: string; fit_ms: number; model: RetentionModel }
  | { ok: false; as_of: string; fitted_at: string; fit_ms: number; reason: string };

const positive = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/** The model in a stored / received value, or the problem with it. */
export function parseStoredModel(value: unknown): { ok: true; value: StoredRetentionModel } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'the retention model is not an object' };
  const v = value as Record<string, unknown>;
  if (typeof v.as_of !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.as_of)) return { ok: false, problem: 'as_of is not a date (YYYY-MM-DD)' };
  if (typeof v.fitted_at !== 'string') return { ok: false, problem: 'fitted_at is not an instant' };
  if (typeof v.fit_ms !== 'number' || !(v.fit_ms >= 0)) return { ok: false, problem: 'fit_ms is not a duration' };
  const head = { as_of: v.as_of, fitted_at: v.fitted_at, fit_ms: v.fit_ms };
  if (v.ok === false) {
    if (typeof v.reason !== 'string' || v.reason === '') return { ok: false, problem: 'a failed fit names no reason' };
    return { ok: true, value: { ok: false, ...head, reason: v.reason } };
  }
  if (v.ok !== true) return { ok: false, problem: 'ok is not true or false' };
  const m = v.model as Record<string, unknown> | null | undefined;
  const bg = m?.bgnbd as Record<string, unknown> | undefined;
  const gg = m?.gamma_gamma as Record<string, unknown> | undefined;
  if (m === null || m === undefined || bg === undefined || gg === undefined) return { ok: false, problem: 'model.bgnbd and model.gamma_gamma are required' };
  for (const k of ['r', 'alpha', 'a', 'b']) if (!positive(bg[k])) return { ok: false, problem: `model.bgnbd.${k} is not a positive number` };
  for (const k of ['p', 'q', 'gamma']) if (!positive(gg[k])) return { ok: false, problem: `model.gamma_gamma.${k} is not a positive number` };
  if (!((gg.q as number) > 1)) return { ok: false, problem: 'model.gamma_gamma.q must be above 1' };
  if (typeof m.pairs !== 'number' || typeof m.spend_pairs !== 'number') return { ok: false, problem: 'model.pairs and model.spend_pairs are required' };
  const model: RetentionModel = {
    bgnbd: { r: bg.r as number, alpha: bg.alpha as number, a: bg.a as number, b: bg.b as number },
    gamma_gamma: { p: gg.p as number, q: gg.q as number, gamma: gg.gamma as number },
    pairs: m.pairs,
    spend_pairs: m.spend_pairs,
  };
  return { ok: true, value: { ok: true, ...head, model } };
}
