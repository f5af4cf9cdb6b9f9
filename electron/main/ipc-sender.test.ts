import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './ipc-sender';

const event = (frame: { url: string; parent: object | null } | null) => ({ senderFrame: frame }) as unknown as IpcMainInvokeEvent;

describe('isTrustedSender', () => {
  it('trusts the top frame of the app origin', () => {
    expect(isTrustedSender(event({ url: 'app://branchdesk/index.html#/today', parent: null }), 'app://branchdesk')).toBe(true);
  });
  it('refuses other origins, sub-frames and destroyed frames', () => {
    expect(isTrustedSender(event({ url: 'https://evil.example/', parent: null }), 'app://branchdesk')).toBe(false);
    expect(isTrustedSender(event({ url: 'app://branchdesk/index.html', parent: {} }), 'app://branchdesk')).toBe(false);
    expect(isTrustedSender(event({ url: 'about:blank', parent: null }), 'app://branchdesk')).toBe(false);
    expect(isTrustedSender(event(null), 'app://branchdesk')).toBe(false);
  });
});
