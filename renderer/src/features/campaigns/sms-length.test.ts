import { describe, expect, it } from 'vitest';
import { smsLength, smsLengthText } from './sms-length';

describe('SMS length', () => {
  it('counts 160 characters of the GSM alphabet as one SMS and splits longer texts into parts of 153', () => {
    expect(smsLength('a'.repeat(160))).toEqual({ characters: 160, segments: 1, encoding: 'GSM-7' });
    expect(smsLength('a'.repeat(161))).toMatchObject({ segments: 2, encoding: 'GSM-7' });
    expect(smsLength('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('counts an extension character (€) as two of the 160 and one character outside the alphabet as Unicode (70, then 67 per part)', () => {
    expect(smsLength(`${'a'.repeat(158)}€`)).toMatchObject({ segments: 1, encoding: 'GSM-7' });
    expect(smsLength(`${'a'.repeat(159)}€`)).toMatchObject({ segments: 2, encoding: 'GSM-7' });
    expect(smsLength(`${'a'.repeat(69)}ł`)).toEqual({ characters: 70, segments: 1, encoding: 'UCS-2' });
    expect(smsLength(`${'a'.repeat(70)}ł`)).toMatchObject({ segments: 2, encoding: 'UCS-2' });
  });

  it('says it for the person writing', () => {
    expect(smsLengthText(smsLength('Hi Ana, 20% off this week at Downtown'))).toBe('37 characters · 1 SMS');
    expect(smsLengthText(smsLength(`${'a'.repeat(70)}ł`))).toBe('71 characters · 2 SMS parts (a character outside the SMS alphabet: 70 per SMS, 67 per part)');
  });
});
