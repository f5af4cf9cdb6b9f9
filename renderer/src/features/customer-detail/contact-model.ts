import { LIMITS, type CommunicationDoc } from '../../../../shared/domain/schemas';
import type { CommunicationDirection, CommunicationStatus } from '../../../../shared/domain/types';

/** Channels of a contact logged by hand. */
export const LOG_CHANNELS = ['phone', 'sms', 'email', 'in_person'] as const;
export type LogChannel = (typeof LOG_CHANNELS)[number];

/**
 * Outcomes a person records. Never `queued`: that would hand the entry to the server's outbox,
 * which sends what it finds there.
 */
export const LOG_STATUSES = ['logged', 'sent', 'delivered', 'failed'] as const satisfies readonly CommunicationStatus[];
export type LogStatus = (typeof LOG_STATUSES)[number];

export const LOG_STATUS_LABELS: Record<LogStatus, string> = { logged: 'Done', sent: 'Sent', delivered: 'Delivered', failed: 'Failed / no answer' };

export const PURPOSE_SUGGESTIONS = ['follow-up', 'appointment reminder', 'win-back', 'marketing', 'feedback', 'complaint', 'birthday wishes'];

export interface ContactForm {
  channel: LogChannel;
  direction: CommunicationDirection;
  purpose: string;
  status: LogStatus;
  message: string;
}

export const EMPTY_CONTACT: ContactForm = { channel: 'phone', direction: 'outbound', purpose: 'follow-up', status: 'logged', message: '' };

export type ContactErrors = Partial<Record<'purpose' | 'message', string>>;

/** The communication to store for a logged contact, or the problems of the form. */
export function contactDoc(
  form: ContactForm,
  context: { customerId: string; branchId: string; nowMs: number; id?: string },
): { ok: true; doc: CommunicationDoc } | { ok: false; errors: ContactErrors } {
  const errors: ContactErrors = {};
  const purpose = form.purpose.trim().replace(/\s+/g, ' ');
  if (purpose === '') errors.purpose = 'Say what the contact was about, e.g. follow-up';
  else if (purpose.length > LIMITS.shortText) errors.purpose = `At most ${LIMITS.shortText} characters`;
  const message = form.message.trim();
  if (message.length > LIMITS.message) errors.message = `At most ${LIMITS.message} characters`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const at = new Date(context.nowMs).toISOString();
  return {
    ok: true,
    doc: {
      id: context.id ?? `co-${crypto.randomUUID()}`,
      customer_id: context.customerId,
      branch_id: context.branchId,
      channel: form.channel,
      purpose,
      status: form.status,
      message,
      at,
      campaign_id: '',
      variant: '',
      trigger_key: '',
      direction: form.direction,
      attempts: 0,
      next_attempt_at: '',
      error: '',
      updated_at: at,
    },
  };
}
