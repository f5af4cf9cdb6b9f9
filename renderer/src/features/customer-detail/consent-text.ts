import type { CustomerDoc } from '../../../../shared/domain/schemas';
import { parseInstant } from '../../../../shared/time/instant';

const CHANNEL_NAMES = { sms: 'SMS', email: 'email', push: 'app notifications' } as const;
const CONTACT_NAMES = { sms: 'Text message (SMS)', email: 'Email', push: 'App notification', none: 'No preference' } as const;
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as a date in a zone ("12 Feb 2026"), '' when unreadable. */
export function dateInZone(instant: string, timeZone: string): string {
  const ms = parseInstant(instant);
  if (ms === null) return '';
  let format = dateFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    dateFormats.set(timeZone, format);
  }
  return format.format(ms);
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/**
 * Marketing consent in words, dates in the desk's zone: "Agrees to offers by SMS (since 12 Feb
 * 2026)", "No marketing consent (recorded 3 Mar 2026)", "No marketing consent".
 */
export function consentText(c: CustomerDoc, timeZone: string): { granted: boolean; text: string } {
  const channels = (['sms', 'email', 'push'] as const).filter((ch) => c.consent[ch].granted);
  if (c.opted_in_marketing && channels.length > 0) {
    const since = channels.map((ch) => c.consent[ch].at).filter((at) => at !== '').sort()[0];
    const date = since === undefined ? '' : dateInZone(since, timeZone);
    return { granted: true, text: `Agrees to offers by ${list(channels.map((ch) => CHANNEL_NAMES[ch]))}${date === '' ? '' : ` (since ${date})`}` };
  }
  if (c.opted_in_marketing) return { granted: true, text: 'Agrees to offers' };
  const withdrawn = (['sms', 'email', 'push'] as const)
    .map((ch) => c.consent[ch].at)
    .filter((at) => at !== '')
    .sort()
    .pop();
  const date = withdrawn === undefined ? '' : dateInZone(withdrawn, timeZone);
  return { granted: false, text: date === '' ? 'No marketing consent' : `No marketing consent (recorded ${date})` };
}

export function preferredContactText(c: CustomerDoc): string {
  return CONTACT_NAMES[c.preferred_contact];
}
