import { SegmentedMessage } from 'sms-segments-calculator';

export interface SmsLength {
  characters: number;
  /** Parts the network splits it into (each billed as one SMS). */
  segments: number;
  /** GSM-7 (160 per SMS, 153 per part) or UCS-2 (70, 67) once any character is outside GSM-7. */
  encoding: 'GSM-7' | 'UCS-2';
}

/** How an SMS body travels: its length and SMS parts (Twilio's segment calculator). */
export function smsLength(text: string): SmsLength {
  const m = new SegmentedMessage(text, 'auto');
  return { characters: m.numberOfCharacters, segments: m.segmentsCount, encoding: m.encodingName };
}

/** "142 characters · 1 SMS" / "75 characters · 2 SMS parts (Unicode: 70 per SMS)". */
export function smsLengthText(length: SmsLength): string {
  const parts = length.segments === 1 ? '1 SMS' : `${length.segments} SMS parts`;
  const unicode = length.encoding === 'UCS-2' ? ' (a character outside the SMS alphabet: 70 per SMS, 67 per part)' : '';
  return `${length.characters.toLocaleString('en')} ${length.characters === 1 ? 'character' : 'characters'} · ${parts}${unicode}`;
}
