import type { PreferredContact } from '../domain/types';
import { civilFromDays, daysFromCivil, formatDay } from '../time/calendar';
import type { BranchState } from './branch-state';
import { asciiSlug, CULTURES, NAME_POOLS, NAME_SUFFIXES, type Culture } from './names';
import { phoneNumber } from './phones';
import type { Sfc32 } from './prng';
import { customerId } from './types';

/** Who a customer is: the personal fields of the customer row. */
export interface Identity {
  name: string;
  phone: string;
  email: string;
  birthday: string;
  opted_in_marketing: boolean;
  preferred_contact: PreferredContact;
  tags: string[];
  notes: string;
  preferences: string;
  referred_by: string;
}

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'inbox.example.net'];
const TAGS = ['walk-in', 'student', 'kids', 'prefers quiet', 'corporate', 'sensitive scalp'];
const TAG_RATES = [0.08, 0.05, 0.03, 0.03, 0.02, 0.02];
const PREFERENCES = ['Scissors only on top', 'No. 2 on the sides', 'Likes a hot towel', 'Unscented products', 'Keep the length', 'Chatty', 'Prefers the window seat'];
const NOTES = ['Allergic to lanolin', 'Runs late; call 15 minutes before', 'Pays by card only', 'Brings own products', 'Usually books for two'];

/** ASCII forms of every pooled name, for e-mail addresses (computed once). */
const SLUGS = new Map<Culture, { first: string[]; last: string[] }>(
  CULTURES.map((c) => [c, { first: NAME_POOLS[c].first.map(asciiSlug), last: NAME_POOLS[c].last.map(asciiSlug) }]),
);

/**
 * A person for customer `index` whose main branch is `home`: a name from the city's mix of
 * cultures (middle initials, double-barrelled names, suffixes written with a comma), a mobile
 * number in the branch's country (unique per index), an e-mail for ~70%, a birthday for ~50%,
 * marketing consent for ~60%.
 */
export function makeIdentity(rng: Sfc32, index: number, home: BranchState, today: number): Identity {
  const culture = home.cultures[home.cultureWeights.sample(rng)] as Culture;
  const pool = NAME_POOLS[culture];
  const fi = rng.int(pool.first.length);
  const li = rng.int(pool.last.length);
  const first = pool.first[fi] as string;
  const last = pool.last[li] as string;
  let name = `${first} ${last}`;
  if (culture === 'filipino' && rng.chance(0.3)) {
    name = `${first} ${String.fromCharCode(65 + rng.int(26))}. ${last}`;
  } else if (rng.chance(0.04)) {
    const second = pool.last[rng.int(pool.last.length)] as string;
    if (second !== last) name += culture === 'hispanic' ? ` ${second}` : `-${second}`;
  }
  if (rng.chance(0.015)) name += rng.pick(NAME_SUFFIXES);

  const phone = phoneNumber(home.plan, index, rng);
  let email = '';
  if (rng.chance(0.7)) {
    const slugs = SLUGS.get(culture);
    const f = slugs?.first[fi] || 'customer';
    const l = slugs?.last[li] || 'guest';
    const variant = rng.int(5);
    const local =
      variant === 0 ? `${f}.${l}` : variant === 1 ? `${f}${l}` : variant === 2 ? `${f.charAt(0)}${l}` : variant === 3 ? `${f}_${l}` : `${l}.${f}`;
    // The index keeps addresses unique (names have no digits, so no two indices collide).
    email = `${local}${index + 1}@${rng.pick(EMAIL_DOMAINS)}`;
  }
  let birthday = '';
  if (rng.chance(0.5)) {
    const year = civilFromDays(today).year - rng.range(16, 75);
    birthday = formatDay(daysFromCivil(year, 1, 1) + rng.int(365));
  }
  const opted = rng.chance(0.6);
  const u = rng.next();
  let contact: PreferredContact;
  if (opted) contact = u < 0.5 ? 'sms' : u < 0.8 ? (email !== '' ? 'email' : 'sms') : 'push';
  else contact = u < 0.75 ? 'none' : u < 0.95 ? 'sms' : email !== '' ? 'email' : 'none';
  const tags: string[] = [];
  for (let t = 0; t < TAGS.length; t += 1) if (rng.chance(TAG_RATES[t] as number)) tags.push(TAGS[t] as string);
  const preferences = rng.chance(0.08) ? rng.pick(PREFERENCES) : '';
  const notes = rng.chance(0.04) ? rng.pick(NOTES) : '';
  const referredBy = index > 10 && rng.chance(0.06) ? customerId(rng.int(index)) : '';
  return {
    name,
    phone,
    email,
    birthday,
    opted_in_marketing: opted,
    preferred_contact: contact,
    tags,
    notes,
    preferences,
    referred_by: referredBy,
  };
}
