import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../shared/domain/settings';
import { SyncProtocolError } from './errors';
import { parseEnrolResponse, parseMetricsResponse, parsePullResponse, parsePushResponse, parseStreamMessage, parseTrendResponse } from './wire';

const branch = { id: 'br-1', name: 'Makati', timezone: 'Asia/Manila', active_days: null, at_risk_days: null, country: 'PH', updated_at: '' };
const session = {
  device_id: 'dv-1',
  role: 'front_desk',
  branch_id: 'br-1',
  branch,
  schema_version: 0,
  org: { name: 'Acme', customer_id_secret: 's'.repeat(43), rules: DEFAULT_RULES },
};
const zeros = { customers: 0, new: 0, active: 0, win_back: 0, at_risk: 0, churned: 0, new_customers_30d: 0, churn_rate: 0, avg_clv: 0, avg_visits: 0 };

describe('wire checks', () => {
  it('accepts a pull answer and defaults _deleted', () => {
    const r = parsePullResponse({ documents: [{ id: 'a', name: 'x' }, { id: 'b', _deleted: true }], checkpoint: { stamp: 3, id: 'b' } });
    expect(r.documents.map((d) => d._deleted)).toEqual([false, true]);
    expect(r.checkpoint).toEqual({ stamp: 3, id: 'b' });
    expect(parsePullResponse({ documents: [], checkpoint: null }).checkpoint).toBeNull();
  });

  it('refuses malformed answers, naming the part', () => {
    expect(() => parsePullResponse({ documents: {}, checkpoint: null })).toThrow(new SyncProtocolError('documents is not an array'));
    expect(() => parsePullResponse({ documents: [{ name: 'no id' }], checkpoint: null })).toThrow(/documents\[0\] has no id/);
    expect(() => parsePullResponse({ documents: [], checkpoint: { stamp: -1, id: '' } })).toThrow(/stamp is not a whole number/);
    expect(() => parsePushResponse({})).toThrow(/not an array/);
    expect(() => parseStreamMessage('{nope')).toThrow(/not JSON/);
    expect(() => parseStreamMessage('{"type":"change","collection":"pets","documents":[],"checkpoint":{"stamp":1,"id":"x"}}')).toThrow(/unknown collection "pets"/);
  });

  it('reads the live-stream messages', () => {
    expect(parseStreamMessage('{"type":"resync"}')).toEqual({ type: 'resync' });
    expect(parseStreamMessage('{"type":"change","collection":"bookings","documents":[{"id":"bk","_deleted":false}],"checkpoint":{"stamp":9,"id":"bk"}}')).toEqual({
      type: 'change',
      collection: 'bookings',
      documents: [{ id: 'bk', _deleted: false }],
      checkpoint: { stamp: 9, id: 'bk' },
    });
    expect(parseStreamMessage('{"type":"notice","collection":"bookings","changes":[{"branch_id":"br-a","days":{"first":"2026-03-01","last":"2026-03-02"}},{"branch_id":"br-b","days":null}]}')).toEqual({
      type: 'notice',
      collection: 'bookings',
      changes: [
        { branch_id: 'br-a', days: { first: '2026-03-01', last: '2026-03-02' } },
        { branch_id: 'br-b', days: null },
      ],
    });
    expect(parseStreamMessage('{"type":"notice","collection":"customers","changes":null}')).toEqual({ type: 'notice', collection: 'customers', changes: null });
    expect(() => parseStreamMessage('{"type":"notice","collection":"bookings","changes":[{"branch_id":"br-a","days":{"first":"1 March","last":"2026-03-02"}}]}')).toThrow(
      'changes[0].days.first "1 March" is not a date (YYYY-MM-DD)',
    );
    expect(() => parseStreamMessage('{"type":"notice","collection":"bookings","changes":{}}')).toThrow(/changes are not a list/);
  });

  it('checks an enrolment answer: token, role, branch document, rules', () => {
    expect(parseEnrolResponse({ ...session, token: 't'.repeat(40) }).branch?.name).toBe('Makati');
    expect(() => parseEnrolResponse({ ...session, token: 't'.repeat(40), role: 'admin' })).toThrow(/role "admin"/);
    expect(() => parseEnrolResponse({ ...session, token: 't'.repeat(40), branch: { ...branch, timezone: 'Mars/Base' } })).toThrow(/branch document is invalid/);
    expect(() => parseEnrolResponse({ ...session, token: 't'.repeat(40), branch: null })).toThrow(/no branch document/);
    expect(parseEnrolResponse({ ...session, token: 't'.repeat(40), role: 'hq', branch_id: '', branch: null }).role).toBe('hq');
    expect(() => parseEnrolResponse({ ...session })).toThrow(/token is not a string/);
  });

  it('reads metrics and trend answers', () => {
    expect(parseMetricsResponse({ as_of: '2026-03-01', branches: { 'br-1': zeros }, all: zeros }).branches['br-1']).toEqual(zeros);
    expect(() => parseMetricsResponse({ as_of: '2026-03-01', branches: { 'br-1': { ...zeros, churn_rate: 'x' } }, all: zeros })).toThrow(/branches.br-1.churn_rate/);
    expect(parseTrendResponse({ from: '2026-03-01', to: '2026-03-01', today: '2026-03-01', days: [{ date: '2026-03-01', branches: {}, all: zeros }] }).days).toHaveLength(1);
  });
});
