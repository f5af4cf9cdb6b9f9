import { describe, expect, it } from 'vitest';
import { ALL_IPC_CHANNELS, IPC_ARGUMENT_PARSERS, IPC_CHANNELS, IPC_METHOD_NAMES } from './ipc';

/** The bridge's limits (UTF-16 code units), as shared/ipc.ts documents them. */
const LIMITS = { fileName: 200, jsonContent: 32 * 1024 * 1024, notificationBody: 2000, secretValue: 8192 } as const;

/** What the main process receives for a `files.saveCsv` / `files.saveJson` call with this argument. */
function parseSaveFileRequest(method: 'files.saveCsv' | 'files.saveJson', value: unknown) {
  const [request] = IPC_ARGUMENT_PARSERS[method === 'files.saveCsv' ? 'files:save-csv' : 'files:save-json']([value]);
  return request;
}
/** The file name a save call proposes, as the main process receives it. */
const parseFileName = (method: 'files.saveCsv' | 'files.saveJson', name: unknown) => parseSaveFileRequest(method, { suggestedName: name, content: '{}' }).suggestedName;
const parseNotifyRequest = (value: unknown) => IPC_ARGUMENT_PARSERS.notify([value])[0];
const parseSecretKey = (value: unknown) => IPC_ARGUMENT_PARSERS['secrets:get']([value])[0];
const parseSecretValue = (value: unknown) => IPC_ARGUMENT_PARSERS['secrets:set'](['device-token', value, 'session'])[1];
const parseSecretLifetime = (value: unknown) => IPC_ARGUMENT_PARSERS['secrets:set'](['device-token', 'tok', value])[2];

describe('channels', () => {
  it('has one parser and one method name per channel, and the channel map covers them all', () => {
    expect(new Set(Object.values(IPC_CHANNELS))).toEqual(new Set(ALL_IPC_CHANNELS));
    expect(Object.keys(IPC_METHOD_NAMES).sort()).toEqual([...ALL_IPC_CHANNELS].sort());
  });
});

describe('parseFileName', () => {
  const ok = (name: string) => parseFileName('files.saveCsv', name);
  it('accepts plain names ending in the extension (any case)', () => {
    expect(ok('customers 2026-03-01.csv')).toBe('customers 2026-03-01.csv');
    expect(ok('Kunden-Übersicht.CSV')).toBe('Kunden-Übersicht.CSV');
  });
  it.each([
    ['../secrets.csv', /path separator "\/"/],
    ['dir\\x.csv', /path separator "\\"/],
    ['a:b.csv', /character ":"/],
    ['nul\u0000.csv', /character "\\u0000"/],
    ['line\nbreak.csv', /character "\\n"/],
    ['report.txt', /ending in "\.csv"/],
    ['.csv', /ending in "\.csv"/],
    ['.hidden.csv', /must not start with a dot/],
    [' padded.csv', /spaces/],
    ['', /must not be empty/],
    ['x'.repeat(LIMITS.fileName) + '.csv', /too long/],
  ])('refuses %j', (name, message) => {
    expect(() => ok(name)).toThrow(message);
  });
  it('refuses non-strings, naming the argument', () => {
    expect(() => parseFileName('files.saveJson', 42)).toThrow('files.saveJson: suggestedName must be a string, got number 42');
  });
});

describe('parseSaveFileRequest', () => {
  it('returns exactly the two fields', () => {
    expect(parseSaveFileRequest('files.saveCsv', { suggestedName: 'a.csv', content: 'x,y\n' })).toEqual({ suggestedName: 'a.csv', content: 'x,y\n' });
  });
  it('accepts empty content', () => {
    expect(parseSaveFileRequest('files.saveCsv', { suggestedName: 'a.csv', content: '' }).content).toBe('');
  });
  it.each([
    [null, 'the request must be an object, got null'],
    [['a.csv', 'x'], 'the request must be an object, got an array'],
    ['a.csv', 'the request must be an object, got "a.csv"'],
    [{ suggestedName: 'a.csv', content: 1 }, 'content must be a string, got number 1'],
    [{ suggestedName: 'a.csv' }, 'content must be a string, got undefined'],
    [{ suggestedName: 'a.csv', content: '', path: '/etc/passwd' }, 'the request has an unexpected property "path"'],
  ])('refuses %j', (value, message) => {
    expect(() => parseSaveFileRequest('files.saveCsv', value)).toThrow(`files.saveCsv: ${message}`);
  });
  it('refuses objects with a prototype other than Object (class instances)', () => {
    class Sneaky {
      suggestedName = 'a.csv';
      content = '';
    }
    expect(() => parseSaveFileRequest('files.saveCsv', new Sneaky())).toThrow(/must be an object/);
  });
  it('refuses content over the size limit', () => {
    const content = 'x'.repeat(LIMITS.jsonContent + 1);
    expect(() => parseSaveFileRequest('files.saveJson', { suggestedName: 'a.json', content })).toThrow(/content is too long/);
  });
  it('requires JSON content to parse for saveJson', () => {
    expect(parseSaveFileRequest('files.saveJson', { suggestedName: 'c.json', content: '{"a":1}' }).content).toBe('{"a":1}');
    expect(() => parseSaveFileRequest('files.saveJson', { suggestedName: 'c.json', content: '{"a":' })).toThrow(/content is not valid JSON/);
    expect(() => parseSaveFileRequest('files.saveJson', { suggestedName: 'c.csv', content: '{}' })).toThrow(/ending in "\.json"/);
  });
  it('throws BridgeArgumentError', () => {
    // The name travels over IPC to the renderer ("…: BridgeArgumentError: files.saveCsv: …").
    expect(() => parseSaveFileRequest('files.saveCsv', undefined)).toThrow(expect.objectContaining({ name: 'BridgeArgumentError', message: expect.stringMatching(/^files\.saveCsv: /) as unknown }));
  });
});

describe('parseNotifyRequest', () => {
  it('accepts a title with an empty body', () => {
    expect(parseNotifyRequest({ title: 'Synced', body: '' })).toEqual({ title: 'Synced', body: '' });
  });
  it.each([
    [{ title: '  ', body: 'x' }, 'title must not be empty'],
    [{ title: 'x' }, 'body must be a string, got undefined'],
    [{ title: 'x', body: 'y'.repeat(LIMITS.notificationBody + 1) }, 'body is too long'],
    [{ title: 'x', body: 'y', icon: 'file:///etc' }, 'the request has an unexpected property "icon"'],
  ])('refuses %j', (value, message) => {
    expect(() => parseNotifyRequest(value)).toThrow(`notify: ${message}`);
  });
});

describe('secrets', () => {
  it('accepts only allow-listed keys', () => {
    expect(parseSecretKey('device-token')).toBe('device-token');
    expect(() => parseSecretKey('password')).toThrow('secrets.get: key must be one of "device-token", "organisation-secret", got "password"');
    expect(() => parseSecretKey({ toString: () => 'device-token' })).toThrow(/key must be one of/);
  });
  it('accepts non-empty bounded values', () => {
    expect(parseSecretValue('tok')).toBe('tok');
    expect(() => parseSecretValue('')).toThrow('secrets.set: value must not be empty');
    expect(() => parseSecretValue('x'.repeat(LIMITS.secretValue + 1))).toThrow(/value is too long/);
  });
  it('says how long a secret is kept: for the browser session or lasting', () => {
    expect(parseSecretLifetime('session')).toBe('session');
    expect(parseSecretLifetime('lasting')).toBe('lasting');
    expect(() => parseSecretLifetime('forever')).toThrow('secrets.set: lifetime must be one of "session", "lasting", got "forever"');
    expect(() => IPC_ARGUMENT_PARSERS['secrets:set'](['device-token', 'tok'])).toThrow('secrets.set: expected 3 arguments, got 2');
  });
});

describe('IPC_ARGUMENT_PARSERS', () => {
  it('checks the argument count of every channel', () => {
    expect(IPC_ARGUMENT_PARSERS['app:version']([])).toEqual([]);
    expect(() => IPC_ARGUMENT_PARSERS['app:version'](['x'])).toThrow('app.version: expected 0 arguments, got 1');
    expect(() => IPC_ARGUMENT_PARSERS['app:launch-options']([1])).toThrow('app.launchOptions: expected 0 arguments, got 1');
    expect(() => IPC_ARGUMENT_PARSERS['files:save-csv']([])).toThrow('files.saveCsv: expected 1 argument, got 0');
    expect(() => IPC_ARGUMENT_PARSERS['secrets:set'](['device-token', 'abc'])).toThrow('secrets.set: expected 3 arguments, got 2');
  });
  it('parses each channel with the method name in errors', () => {
    expect(IPC_ARGUMENT_PARSERS['secrets:set'](['device-token', 'abc', 'lasting'])).toEqual(['device-token', 'abc', 'lasting']);
    expect(IPC_ARGUMENT_PARSERS['secrets:get'](['organisation-secret'])).toEqual(['organisation-secret']);
    expect(() => IPC_ARGUMENT_PARSERS['secrets:delete'](['nope'])).toThrow(/^secrets\.delete: key/);
    expect(() => IPC_ARGUMENT_PARSERS.notify([{ title: 1, body: '' }])).toThrow(/^notify: title must be a string/);
    expect(() => IPC_ARGUMENT_PARSERS['files:save-json']([{ suggestedName: 'a.json', content: 'nope' }])).toThrow(/^files\.saveJson: content is not valid JSON/);
    expect(IPC_ARGUMENT_PARSERS['files:save-csv']([{ suggestedName: 'a.csv', content: 'a' }])).toEqual([{ suggestedName: 'a.csv', content: 'a' }]);
  });
});
