import { describe, expect, it } from 'vitest';
import { customer, day } from '../../../../shared/insights/test-fixtures';
import { eraseCustomer } from '../../../../shared/privacy/erase';
import { dueText, followUpsDue } from './follow-ups';

describe('follow-ups due', () => {
  const today = day('2026-03-02');
  it('lists the branch\u2019s customers whose follow-up date has come, most overdue first', () => {
    const list = [
      customer({ id: 'a', name: 'Zed', follow_up_date: '2026-03-02' }),
      customer({ id: 'b', name: 'Amy', follow_up_date: '2026-03-02' }),
      customer({ id: 'c', name: 'Old', follow_up_date: '2026-02-25' }),
      customer({ id: 'd', follow_up_date: '2026-03-03' }),
      customer({ id: 'e', follow_up_date: '' }),
      customer({ id: 'f', follow_up_date: '2026-03-01' }),
      eraseCustomer(customer({ id: 'g', follow_up_date: '2026-03-01' }), '2026-03-01T00:00:00Z'),
    ];
    const due = followUpsDue(list, (id) => id !== 'f', today);
    expect(due.map((f) => [f.customer.id, f.overdueDays])).toEqual([
      ['c', 5],
      ['b', 0],
      ['a', 0],
    ]);
    expect([dueText(0), dueText(1), dueText(5)]).toEqual(['Due today', '1 day overdue', '5 days overdue']);
  });
});
