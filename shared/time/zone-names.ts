/**
 * Current IANA names for the zones that runtimes still list under a renamed, deprecated one.
 * `Intl` (ICU/CLDR) keeps the first name a zone had as its id, so Chromium lists and resolves
 * "Asia/Calcutta", "Asia/Saigon" or "Europe/Kiev"; the IANA database renamed them (its `backward`
 * file). Only renames are mapped: a country's own zone that IANA links to a neighbour's rules
 * (Europe/Bratislava → Europe/Prague) is a correct name for that country and stays.
 * Both names are the same zone, so mapping one to the other never shifts a time.
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Dacca': 'Asia/Dhaka',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Macao': 'Asia/Macau',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Thimbu': 'Asia/Thimphu',
  'Asia/Ujung_Pandang': 'Asia/Makassar',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The zone's current IANA name ("Asia/Calcutta" → "Asia/Kolkata"); any other name as it is. */
export function canonicalZoneName(name: string): string {
  return RENAMED_ZONES[name] ?? name;
}

/** A list of zone names with the renamed ones under their current names, once each, sorted. */
export function canonicalZoneList(names: readonly string[]): string[] {
  return [...new Set(names.map(canonicalZoneName))].sort();
}
