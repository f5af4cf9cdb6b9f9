import { useCallback, useEffect, useState } from 'react';
import { REMINDER_PLACEHOLDERS, type ReminderSettings } from '../../../../shared/schedule/reminders';
import { useDeskPermission } from '../../sync/permissions';
import type { ReminderReport } from '../../sync/reminders-wire';
import { pairedApi } from '../../sync/sync-session';
import { activeRole, useSyncStore } from '../../sync/sync-store';
import { Field } from '../../ui/Field';
import { errorMessage, toast } from '../../ui/toasts';
import { formOfReminders, rateText, remindersChange, type RemindersErrors, type RemindersForm } from './reminders-model';

type Loaded = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; settings: ReminderSettings };

/**
 * Appointment reminders of this branch. The server sends them (so they go out with the desk
 * switched off) and keeps their settings, so this section reads and saves them over the
 * connection (server/PROTOCOL.md, "Appointment reminders"); only a manager's desk may change them.
 */
export function RemindersSection() {
  const role = useSyncStore(activeRole);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const load = useCallback((signal?: AbortSignal) => {
    const api = pairedApi();
    if (api === null) return;
    api.reminderSettings(signal).then(
      (settings) => setLoaded({ state: 'ready', settings }),
      (error: unknown) => {
        if (!signal?.aborted) setLoaded({ state: 'error', message: errorMessage(error) });
      },
    );
  }, []);
  useEffect(() => {
    if (role === null) return undefined;
    const abort = new AbortController();
    load(abort.signal);
    return () => abort.abort();
  }, [role, load]);

  return (
    <section className="card settings-section" aria-labelledby="reminders-title">
      <header>
        <h2 id="reminders-title">Appointment reminders</h2>
        <p>Reminders the server sends before each booking, by SMS or email as the customer prefers. Customers can confirm or cancel in reply.</p>
      </header>
      {role === null ? (
        <p className="notice notice-info" role="note">
          Reminders are sent by your organisation&apos;s server, so they go out even when this desk is switched off. Connect this desk to a server
          (Sync with a server) to set them up.
        </p>
      ) : loaded.state === 'loading' ? (
        <p role="status">Loading the reminder settings from the server…</p>
      ) : loaded.state === 'error' ? (
        <div className="notice notice-error" role="alert">
          <p>The reminder settings could not be loaded: {loaded.message}</p>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setLoaded({ state: 'loading' });
              load();
            }}
          >
            Try again
          </button>
        </div>
      ) : (
        <>
          <RemindersFormView key={loaded.settings.updated_at} settings={loaded.settings} onSaved={(settings) => setLoaded({ state: 'ready', settings })} />
          <ReminderReportView />
        </>
      )}
    </section>
  );
}

function RemindersFormView({ settings, onSaved }: { settings: ReminderSettings; onSaved: (s: ReminderSettings) => void }) {
  const permission = useDeskPermission('change_reminders');
  const readOnly = !permission.allowed;
  const [form, setForm] = useState<RemindersForm>(() => formOfReminders(settings));
  const [errors, setErrors] = useState<RemindersErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<RemindersForm>): void => setForm((f) => ({ ...f, ...change }));

  const save = async (): Promise<void> => {
    const result = remindersChange(form, settings);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    if (Object.keys(result.change).length === 0) {
      toast.success('Nothing to save: the reminders are as they were');
      return;
    }
    const api = pairedApi();
    if (api === null) {
      setErrors({ form: 'This desk is not connected to its server any more.' });
      return;
    }
    setSaving(true);
    try {
      const saved = await api.saveReminderSettings(result.change);
      toast.success(saved.enabled ? 'Reminders saved — the server sends them from now on' : 'Reminders saved (switched off)');
      onSaved(saved);
    } catch (e) {
      setErrors({ form: `Not saved: ${errorMessage(e)}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="stack"
      aria-label="Appointment reminders"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {readOnly && (
        <p className="notice notice-info" role="note">
          {permission.reason}
        </p>
      )}
      <fieldset className="auto-fieldset stack" disabled={readOnly || saving}>
        <div className="auto-retention">
        <label className="switch">
          <input type="checkbox" role="switch" className="switch-input" checked={form.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          <span>
            <strong>Send appointment reminders</strong>
            <span className="auto-detail">Each reminder is sent once; a booking moved or cancelled first gets none, one moved later gets a new one</span>
          </span>
        </label>
        </div>
        <Field label="Hours before the appointment" error={errors.offsets} hint="One reminder at each, e.g. 24, 2">
          {(p) => <input {...p} className="input" inputMode="decimal" value={form.offsets} onChange={(e) => set({ offsets: e.target.value })} />}
        </Field>
        <div className="form-grid">
          <Field label="Quiet hours from" optional error={errors.quietStart} hint="Branch time; nothing is sent in quiet hours">
            {(p) => <input {...p} type="time" className="input" value={form.quietStart} onChange={(e) => set({ quietStart: e.target.value })} />}
          </Field>
          <Field label="Quiet hours until" optional error={errors.quietEnd}>
            {(p) => <input {...p} type="time" className="input" value={form.quietEnd} onChange={(e) => set({ quietEnd: e.target.value })} />}
          </Field>
        </div>
        <Field label="Reminder message" error={errors.template} hint={`Placeholders: ${REMINDER_PLACEHOLDERS.map((x) => `{${x}}`).join(' ')}. The reply instructions are added for each channel.`}>
          {(p) => <textarea {...p} className="textarea" value={form.template} onChange={(e) => set({ template: e.target.value })} />}
        </Field>
      </fieldset>
      {errors.form !== undefined && (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      )}
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            Save reminders
          </button>
        </div>
      )}
    </form>
  );
}

/** No-show rate of reminded vs not reminded bookings, last 90 days (managers). */
function ReminderReportView() {
  const permission = useDeskPermission('read_reminder_report');
  const [report, setReport] = useState<ReminderReport | string | null>(null);
  useEffect(() => {
    if (!permission.allowed) return undefined;
    const abort = new AbortController();
    pairedApi()
      ?.reminderReport(abort.signal)
      .then(
        (r) => setReport(r),
        (error: unknown) => {
          if (!abort.signal.aborted) setReport(errorMessage(error));
        },
      );
    return () => abort.abort();
  }, [permission.allowed]);
  if (!permission.allowed) return null;
  return (
    <div className="stack" aria-labelledby="reminder-report-title">
      <h3 id="reminder-report-title">No-shows, last 90 days</h3>
      {report === null ? (
        <p role="status">Loading the report…</p>
      ) : typeof report === 'string' ? (
        <p className="notice notice-error" role="alert">
          The report could not be loaded: {report}
        </p>
      ) : (
        <dl className="facts" aria-label="No-show rate">
          <dt>With a reminder</dt>
          <dd className="nums">{rateText(report.reminded)}</dd>
          <dt>Without a reminder</dt>
          <dd className="nums">{rateText(report.not_reminded)}</dd>
        </dl>
      )}
    </div>
  );
}
