import { describe, expect, it } from 'vitest';
import { parseEnrolmentCode, parseServerUrl } from './pairing-input';

describe('parseServerUrl', () => {
  it('keeps the origin and assumes http for host:port', () => {
    expect(parseServerUrl(' http://127.0.0.1:8787/ ')).toEqual({ ok: true, value: 'http://127.0.0.1:8787' });
    expect(parseServerUrl('192.168.1.20:8787')).toEqual({ ok: true, value: 'http://192.168.1.20:8787' });
    expect(parseServerUrl('HTTPS://Sync.Example.com')).toEqual({ ok: true, value: 'https://sync.example.com' });
  });

  it('refuses what is not a server address, saying what to type', () => {
    expect(parseServerUrl('')).toMatchObject({ ok: false, problem: /Enter the server address/ });
    expect(parseServerUrl('ftp://x')).toMatchObject({ ok: false, problem: /must start with http/ });
    expect(parseServerUrl('http://a b')).toMatchObject({ ok: false, problem: /is not a web address/ });
    expect(parseServerUrl('http://x:8787/api/sync')).toMatchObject({ ok: false, problem: /without a path/ });
    expect(parseServerUrl('http://me:pw@x')).toMatchObject({ ok: false, problem: /user name and password/ });
  });
});

describe('parseEnrolmentCode', () => {
  it('accepts any case, spacing and dashes, reading look-alikes as the server does', () => {
    expect(parseEnrolmentCode('abcd efgh jkmn pqrs')).toEqual({ ok: true, value: 'ABCD-EFGH-JKMN-PQRS' });
    expect(parseEnrolmentCode('oooo-iiii-llll-0000')).toEqual({ ok: true, value: '0000-1111-1111-0000' });
  });

  it('says what is wrong with a mistyped code', () => {
    expect(parseEnrolmentCode('  ')).toMatchObject({ ok: false, problem: /Enter the enrolment code/ });
    expect(parseEnrolmentCode('ABCD-EFGH')).toMatchObject({ ok: false, problem: /16 letters and digits \(you entered 8\)/ });
    expect(parseEnrolmentCode('ABCD-EFGH-JKMN-PQR!')).toMatchObject({ ok: false, problem: /cannot contain “!”/ });
    expect(parseEnrolmentCode('ABCD-EFGH-JKMN-PQRU')).toMatchObject({ ok: false, problem: /cannot contain “U”/ });
  });
});
