import { describe, expect, it } from 'vitest';
import type { Payment } from '../domain/schemas';
import { validateDocument } from '../domain/validate';
import { receiptCommunication, receiptText } from './receipt';

const money = (cents: number): string => `₱${(cents / 100).toFixed(2)}`;
const payment: Payment = {
  subtotal: 50_000,
  discount: { kind: 'percent', percent: 10, amount: 5_000, reason: 'Loyalty card' },
  tip: 2_500,
  tenders: [
    { method: 'cash', amount: 20_000 },
    { method: 'card', amount: 27_500 },
  ],
  paid_at: '2026-03-02T07:30:00Z',
};

describe('receipt', () => {
  it('says what was paid, line by line: service, discount with its reason, tip, total, each tender', () => {
    const text = receiptText({ service: 'Colour', staff: 'Ana', price: 45_000 }, payment, { branchName: 'Makati Central', customerName: 'Maria Santos', when: 'Mon 2 Mar, 15:00', money });
    expect(text.split('\n')).toEqual([
      'Receipt — Makati Central',
      'Mon 2 Mar, 15:00 · Maria Santos',
      '',
      'Colour with Ana: ₱500.00',
      'Discount 10 % (Loyalty card): −₱50.00',
      'Tip: ₱25.00',
      'Total paid: ₱475.00',
      'Paid by cash: ₱200.00',
      'Paid by card: ₱275.00',
      '',
      'Thank you for your visit',
    ]);
    const plain = receiptText({ service: '', staff: '', price: 1_000 }, { ...payment, subtotal: 1_000, discount: null, tip: 0, tenders: [{ method: 'other', amount: 1_000 }] }, { branchName: 'B', customerName: 'C', when: 'W', money });
    expect(plain).toContain('Visit: ₱10.00');
    expect(plain).not.toContain('Discount');
    expect(plain).not.toContain('Tip');
  });

  it('is a valid transactional email message in the outbox, one id per sending', () => {
    const booking = { id: 'bk-1', customer_id: 'cu-1', branch_id: 'br-a' };
    const a = receiptCommunication(booking, 'text', '2026-03-02T07:31:00.000Z');
    const b = receiptCommunication(booking, 'text', '2026-03-02T07:32:00.000Z');
    expect(validateDocument('communications', a)).toEqual([]);
    expect(a).toMatchObject({ channel: 'email', purpose: 'receipt', status: 'queued', campaign_id: '', trigger_key: '', direction: 'outbound', attempts: 0 });
    expect(a.id).not.toBe(b.id);
  });
});
