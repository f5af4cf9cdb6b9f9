/**
 * Reminder settings per branch, kept by the server that sends the reminders (table
 * `reminder_settings`). A branch without a row has `defaultReminderSettings` (switched off).
 * A manager changes them with PUT /api/reminders/settings (only the fields that changed).
 */
import { applySettingsChange, defaultReminderSettings, type ReminderSettings, type ReminderSettingsChange, type FieldProblem } from '../../shared/schedule/reminders';
import { formatInstant } from '../../shared/time/instant';
import type { Database, Queryable } from '../db/database';

export async function loadReminderSettings(q: Queryable, branchIds?: readonly string[]): Promise<Map<string, ReminderSettings>> {
  const rows =
    branchIds === undefined
      ? await q.query<{ branch_id: string; data: ReminderSettings }>('SELECT branch_id, data FROM reminder_settings')
      : await q.query<{ branch_id: string; data: ReminderSettings }>('SELECT branch_id, data FROM reminder_settings WHERE branch_id = ANY($1::text[])', [branchIds]);
  return new Map(rows.map((r) => [r.branch_id, { ...defaultReminderSettings(r.branch_id), ...r.data, branch_id: r.branch_id }]));
}

export async function reminderSettingsOf(q: Queryable, branchId: string): Promise<ReminderSettings> {
  return (await loadReminderSettings(q, [branchId])).get(branchId) ?? defaultReminderSettings(branchId);
}

/** Applies a change in one statement (the row is locked for the read-modify-write); problems leave it unchanged. */
export async function changeReminderSettings(
  db: Database,
  branchId: string,
  change: ReminderSettingsChange,
  nowMs: number,
): Promise<{ settings: ReminderSettings; problems: FieldProblem[] }> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ data: ReminderSettings }>('SELECT data FROM reminder_settings WHERE branch_id = $1 FOR UPDATE', [branchId]);
    const current = rows[0] === undefined ? defaultReminderSettings(branchId) : { ...defaultReminderSettings(branchId), ...rows[0].data, branch_id: branchId };
    const result = applySettingsChange(current, change, formatInstant(nowMs));
    if (result.problems.length > 0) return { settings: current, problems: result.problems };
    await tx.query(
      `INSERT INTO reminder_settings (branch_id, data, updated_ms) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (branch_id) DO UPDATE SET data = EXCLUDED.data, updated_ms = EXCLUDED.updated_ms`,
      [branchId, JSON.stringify(result.settings), nowMs],
    );
    return result;
  });
}
