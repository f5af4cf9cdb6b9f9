import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../../shared/domain/validate';
import { isMarketing } from '../../../../shared/insights/audience';
import { contactDoc, EMPTY_CONTACT, LOG_STATUSES } from './contact-model';

describe('logging a contact', () => {
  const context = { customerId: 'cu-1', branchId: 'br-1', nowMs: Date.parse('2026-03-02T06:30:00Z'), id: 'co-1' };

  it('becomes a valid communication stamped now; never queued for the outbox', () => {
    const result = contactDoc({ ...EMPTY_CONTACT, channel: 'in_person', purpose: '  feedback ', message: ' Loved the new colour ' }, context);
    if (!result.ok) throw new Error('expected a document');
    expect(result.doc).toMatchObject({ id: 'co-1', channel: 'in_person', purpose: 'feedback', status: 'logged', message: 'Loved the new colour', at: '2026-03-02T06:30:00.000Z', direction: 'outbound' });
    expect(validateDocument('communications', result.doc)).toEqual([]);
    expect(LOG_STATUSES).not.toContain('queued');
  });

  it('names what is missing or too long', () => {
    expect(contactDoc({ ...EMPTY_CONTACT, purpose: ' ', message: 'x'.repeat(2001) }, context)).toEqual({
      ok: false,
      errors: { purpose: 'Say what the contact was about, e.g. follow-up', message: 'At most 2000 characters' },
    });
  });

  it('a contact logged for marketing counts for the frequency cap', () => {
    const result = contactDoc({ ...EMPTY_CONTACT, channel: 'sms', purpose: 'marketing', status: 'sent' }, context);
    expect(result.ok && isMarketing(result.doc)).toBe(true);
  });
});
