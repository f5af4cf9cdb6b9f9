import { describe, expect, it, vi } from 'vitest';
import { createBridge, type Invoke } from './create-bridge';

describe('createBridge', () => {
  it('maps each method to its channel with its arguments', async () => {
    const invoke = vi.fn<Invoke>(async (channel) => (channel === 'app:version' ? '0.1.0' : null));
    const bridge = createBridge(invoke);
    expect(await bridge.app.version()).toBe('0.1.0');
    await bridge.app.launchOptions();
    await bridge.files.saveCsv({ suggestedName: 'a.csv', content: 'x' });
    await bridge.files.saveJson({ suggestedName: 'a.json', content: '{}' });
    await bridge.notify({ title: 't', body: 'b' });
    await bridge.secrets.get('device-token');
    await bridge.secrets.set('device-token', 'v', 'session');
    await bridge.secrets.delete('organisation-secret');
    expect(invoke.mock.calls).toEqual([
      ['app:version'],
      ['app:launch-options'],
      ['files:save-csv', { suggestedName: 'a.csv', content: 'x' }],
      ['files:save-json', { suggestedName: 'a.json', content: '{}' }],
      ['notify', { title: 't', body: 'b' }],
      ['secrets:get', 'device-token'],
      ['secrets:set', 'device-token', 'v', 'session'],
      ['secrets:delete', 'organisation-secret'],
    ]);
  });
  it('set and delete resolve to undefined', async () => {
    const bridge = createBridge(async () => 'ignored');
    expect(await bridge.secrets.set('device-token', 'v', 'lasting')).toBeUndefined();
    expect(await bridge.secrets.delete('device-token')).toBeUndefined();
  });
  it('rejects with the main process message, without Electron’s wrapper', async () => {
    const bridge = createBridge(async () => {
      throw new Error("Error invoking remote method 'files:save-csv': BridgeArgumentError: files.saveCsv: suggestedName must be a file name ending in \".csv\"");
    });
    await expect(bridge.files.saveCsv({ suggestedName: 'x', content: '' })).rejects.toThrow(/^files\.saveCsv: suggestedName must be a file name ending in "\.csv"$/);
  });
});

describe('the rejection of a bridge call', () => {
  const rejection = async (thrown: unknown): Promise<unknown> => createBridge(() => Promise.reject(thrown)).app.version().catch((error: unknown) => error);
  it('keeps messages that have no wrapper, and always rejects with an Error', async () => {
    expect(await rejection(new Error('plain'))).toEqual(new Error('plain'));
    expect(await rejection('text')).toEqual(new Error('text'));
    expect(await rejection(new Error("Error invoking remote method 'secrets:set': Error: secrets.set: no keyring"))).toEqual(new Error('secrets.set: no keyring'));
  });
});
