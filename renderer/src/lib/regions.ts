import { getCountries } from 'libphonenumber-js/min';
import { canonicalZoneList } from '../../../shared/time/zone-names';

/** Countries with phone-number rules (libphonenumber), named in English, sorted by name. */
export function countryOptions(): { code: string; name: string }[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  return getCountries()
    .map((code) => ({ code: code as string, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every IANA time zone the browser knows under its current name (Asia/Kolkata, not Asia/Calcutta), UTC included. */
export function timeZoneOptions(): string[] {
  const zones = canonicalZoneList(Intl.supportedValuesOf('timeZone'));
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** The region of the browser's language (`en-PH` → `PH`), or '' when it has none. */
export function browserCountry(): string {
  for (const tag of navigator.languages ?? [navigator.language]) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region !== undefined && /^[A-Z]{2}$/.test(region)) return region;
    } catch {
      // not a valid tag: try the next one
    }
  }
  return '';
}
