import { describe, expect, it } from 'vitest';
import { customerFixture } from '../../../../shared/domain/test-fixtures';
import type { ConsentChange } from '../../../../shared/sync/protocol';
import { parseConsentHistory } from '../../sync/wire';
import { consentWho, ownDeskLabel } from './consent-who-model';

const AT = '2026-03-02T06:30:00.000Z';
const doc = customerFixture({ id: 'cu-1', consent: { sms: { granted: false, at: AT }, email: { granted: true, at: '2026-01-01T00:00:00.000Z' }, push: { granted: false, at: '' } } });
const change = (over: Partial<ConsentChange> = {}): ConsentChange => ({ channel: 'sms', granted: false, at: AT, recorded_at: AT, device_id: 'dev-2', device_label: 'Front desk 2', role: 'front_desk', branch_id: 'br-1', ...over });

describe('consentWho', () => {
  it("names the device the server recorded for the document's current consent", () => {
    expect(consentWho('sms', doc, change(), undefined, 'Manager 1')).toBe('Front desk 2');
    expect(consentWho('sms', doc, change({ device_label: '', role: 'manager' }), undefined, 'x')).toBe('Manager');
  });

  it("names this desk for its own change the server has not recorded yet, and nobody when it is not known", () => {
    // the server's latest record is an older change: this desk made the current one
    expect(consentWho('sms', doc, change({ at: '2026-02-01T00:00:00.000Z' }), AT, 'Front desk 1')).toBe('Front desk 1');
    expect(consentWho('sms', doc, null, AT, 'This desk')).toBe('This desk');
    // another desk's change the server has not answered about (offline): not guessed
    expect(consentWho('sms', doc, null, '2026-02-01T00:00:00.000Z', 'Front desk 1')).toBe('');
    expect(consentWho('email', doc, null, undefined, 'Front desk 1')).toBe('');
    expect(consentWho('push', doc, change({ channel: 'push', at: '' }), '', 'Front desk 1')).toBe('');
  });

  it('a desk names itself by its server label, else its role, else "This desk" when not paired', () => {
    const pairing = { active: true, serverUrl: 'https://s', deviceId: 'd', role: 'front_desk' as const, branchId: 'br-1', branchName: 'B', orgName: 'O', pairedAt: AT, firstSyncDone: true };
    expect(ownDeskLabel({ ...pairing, deviceLabel: 'Front desk 2' })).toBe('Front desk 2');
    expect(ownDeskLabel(pairing)).toBe('Front desk');
    expect(ownDeskLabel({ ...pairing, active: false })).toBe('This desk');
    expect(ownDeskLabel(null)).toBe('This desk');
  });
});

describe('parseConsentHistory', () => {
  it('reads the server answer and names what is wrong in a bad one', () => {
    const ok = parseConsentHistory({ customer_id: 'cu-1', latest: { sms: change(), email: null, push: null }, changes: [change()] });
    expect(ok.latest.sms?.device_label).toBe('Front desk 2');
    expect(ok.latest.email).toBeNull();
    expect(() => parseConsentHistory({ customer_id: 'cu-1', latest: { sms: { ...change(), channel: 'fax' } }, changes: [] })).toThrow(/latest\.sms\.channel "fax"/);
    expect(() => parseConsentHistory({ customer_id: 'cu-1', latest: {}, changes: [{ ...change(), granted: 'yes' }] })).toThrow(/changes\[0\]\.granted is not a boolean/);
  });
});
