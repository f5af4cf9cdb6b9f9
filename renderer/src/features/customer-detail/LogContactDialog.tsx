import { useState } from 'react';
import type { CommunicationDirection } from '../../../../shared/domain/types';
import { useDesk } from '../../data/hooks';
import { now } from '../../data/session';
import { assertValid } from '../../data/write-errors';
import { Field } from '../../ui/Field';
import { Modal, SubmitFooter } from '../../ui/Modal';
import { errorMessage, toast } from '../../ui/toasts';
import { CHANNEL_LABELS } from '../campaigns';
import { contactDoc, EMPTY_CONTACT, LOG_CHANNELS, LOG_STATUS_LABELS, LOG_STATUSES, PURPOSE_SUGGESTIONS, type ContactErrors, type ContactForm, type LogChannel, type LogStatus } from './contact-model';

/** Records a contact with the customer (call, message, visit note): it joins their timeline. */
export function LogContactDialog({ customerId, customerName, onClose }: { customerId: string; customerName: string; onClose: () => void }) {
  const desk = useDesk();
  const [form, setForm] = useState<ContactForm>(EMPTY_CONTACT);
  const [errors, setErrors] = useState<ContactErrors>({});
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof ContactForm>(key: K, value: ContactForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async (): Promise<void> => {
    const result = contactDoc(form, { customerId, branchId: desk.settings.branchId, nowMs: now() });
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setSaving(true);
    try {
      assertValid('communications', result.doc);
      await desk.db.communications.insert(result.doc);
      toast.success(`Logged a ${CHANNEL_LABELS[form.channel].toLowerCase()} contact with ${customerName}`);
      onClose();
    } catch (e) {
      toast.error(`Not saved: ${errorMessage(e)}`);
      setSaving(false);
    }
  };

  return (
    <Modal
      title="Log a contact"
      description={`A call, message or conversation with ${customerName}, stamped now.`}
      onClose={onClose}
      onSubmit={() => void save()}
      footer={<SubmitFooter onCancel={onClose} busy={saving} submitLabel="Save contact" />}
    >
      <div className="form-grid">
        <Field label="Channel">
          {(p) => (
            <select {...p} name="channel" className="select" value={form.channel} onChange={(e) => set('channel', e.target.value as LogChannel)}>
              {LOG_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Direction">
          {(p) => (
            <select {...p} name="direction" className="select" value={form.direction} onChange={(e) => set('direction', e.target.value as CommunicationDirection)}>
              <option value="outbound">We contacted them</option>
              <option value="inbound">They contacted us</option>
            </select>
          )}
        </Field>
        <Field label="Purpose" error={errors.purpose}>
          {(p) => (
            <>
              <input {...p} name="purpose" className="input" list="contact-purposes" autoComplete="off" value={form.purpose} onChange={(e) => set('purpose', e.target.value)} />
              <datalist id="contact-purposes">
                {PURPOSE_SUGGESTIONS.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Status">
          {(p) => (
            <select {...p} name="status" className="select" value={form.status} onChange={(e) => set('status', e.target.value as LogStatus)}>
              {LOG_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {LOG_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="What was said" optional error={errors.message} className="span-2">
          {(p) => <textarea {...p} name="message" className="textarea" value={form.message} onChange={(e) => set('message', e.target.value)} />}
        </Field>
      </div>
    </Modal>
  );
}
