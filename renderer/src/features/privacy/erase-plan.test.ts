import { describe, expect, it } from 'vitest';
import type { CommunicationDoc } from '../../../../shared/domain/schemas';
import { validateDocument } from '../../../../shared/domain/validate';
import { customer } from '../../../../shared/insights/test-fixtures';
import { erasedProblems } from '../../../../shared/privacy/erase';
import { confirmationMatches, erasePlan, exportFileName } from './erase-plan';

function message(over: Partial<CommunicationDoc>): CommunicationDoc {
  return {
    id: 'co-1', customer_id: 'cu-1', branch_id: 'br-1', channel: 'sms', purpose: 'campaign', status: 'sent', message: 'Hi Maria', at: '2026-02-28T10:00:00Z',
    campaign_id: 'cp-1', variant: 'A', trigger_key: '', direction: 'outbound', attempts: 1, next_attempt_at: '', error: '', updated_at: '', ...over,
  };
}

describe('erasing a customer on the desk', () => {
  const NOW = Date.parse('2026-03-02T06:30:00Z');
  it('anonymises the customer and their messages; other customers\u2019 messages are untouched', () => {
    const plan = erasePlan(customer({ notes: 'likes jazz', allergies: 'latex', tags: ['vip'] }), [
      message({ id: 'a' }),
      message({ id: 'b', status: 'queued', attempts: 0 }),
      message({ id: 'c', message: '', status: 'held' }),
      message({ id: 'd', customer_id: 'cu-2' }),
    ], NOW);
    expect(plan.customer).toMatchObject({ id: 'cu-1', name: '', phone: '', email: '', notes: '', allergies: '', tags: [], erased_at: '2026-03-02T06:30:00.000Z', home_branch_id: 'br-1' });
    expect(erasedProblems(plan.customer)).toEqual([]);
    expect(validateDocument('customers', plan.customer)).toEqual([]);
    expect(plan.communications.map((c) => [c.id, c.status, c.message])).toEqual([
      ['a', 'sent', ''],
      ['b', 'cancelled', ''],
    ]);
    for (const c of plan.communications) expect(validateDocument('communications', c)).toEqual([]);
  });

  it('asks for the word ERASE; names the export file after the id', () => {
    expect(confirmationMatches(' erase ')).toBe(true);
    expect(confirmationMatches('Maria')).toBe(false);
    expect(exportFileName('cu/../x 1', '2026-03-02')).toBe('customer-data-cu-x-1-2026-03-02.json');
  });
});
