import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../shared/domain/validate';
import { effectiveBranchSettings } from '../../../../shared/insights/branch-settings';
import { formOfSettings, settingsOfForm } from './automations-model';

const NOW = Date.parse('2026-03-02T06:30:00Z');

describe('automations settings', () => {
  const base = effectiveBranchSettings('br-1', null);

  it('defaults: every automation off, 7-day cap, retention off for 3 years; the form saves back the same', () => {
    const form = formOfSettings(base);
    expect(form).toMatchObject({ enabled: { at_risk: false, churned: false, birthday: false, milestone: false }, capDays: '7', retentionEnabled: false, retentionYears: '3', milestones: '500.00, 1000.00, 2500.00' });
    const saved = settingsOfForm(form, base, NOW);
    expect(saved).toEqual({ ok: true, doc: { ...base, updated_at: '2026-03-02T06:30:00.000Z' } });
  });

  it('switches, offer, cap and retention become a valid document', () => {
    const form = { ...formOfSettings(base), enabled: { at_risk: true, churned: true, birthday: false, milestone: true }, milestones: '1000 250', capDays: '14', offer: ' 10% off ', retentionEnabled: true, retentionYears: '5' };
    const saved = settingsOfForm(form, base, NOW);
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.doc).toMatchObject({ auto_at_risk: true, auto_churned: true, auto_milestones: true, milestones: [25_000, 100_000], marketing_cap_days: 14, offer: '10% off', retention_enabled: true, retention_years: 5 });
    expect(validateDocument('branch_settings', saved.doc)).toEqual([]);
  });

  it('names every problem: unknown placeholders, bad amounts, cap and years out of range', () => {
    const form = { ...formOfSettings(base), messages: { ...formOfSettings(base).messages, churned: 'Come back {nme}', birthday: 'Happy {milestone}' }, milestones: '500, lots', capDays: '400', retentionYears: '0' };
    const saved = settingsOfForm(form, base, NOW);
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    expect(saved.errors.message_churned).toMatch(/^Unknown placeholder \{nme\}/);
    expect(saved.errors.message_birthday).toMatch(/^Unknown placeholder \{milestone\}/);
    expect(saved.errors.message_milestone).toBeUndefined();
    expect(saved.errors.milestones).toBe('“lots” is not an amount like 500 or 1000.00');
    expect(saved.errors.capDays).toBe('Enter a whole number of days from 0 (no cap) to 365');
    expect(saved.errors.retentionYears).toBe('Enter a whole number of years from 1 to 100');
  });

  it('milestones as typed', () => {
    const saved = (milestones: string, milestone = true) => settingsOfForm({ ...formOfSettings(base), enabled: { ...formOfSettings(base).enabled, milestone }, milestones }, base, NOW);
    expect(saved('500, 1,000.50; 250 500')).toMatchObject({ ok: true, doc: { milestones: [25_000, 50_000, 100_050] } });
    expect(saved('', false)).toMatchObject({ ok: true, doc: { milestones: [] } });
    expect(saved('')).toEqual({ ok: false, errors: { milestones: 'Add at least one amount, e.g. 500, 1000' } });
    expect(saved('0')).toEqual({ ok: false, errors: { milestones: '“0” is not an amount like 500 or 1000.00' } });
  });
});
