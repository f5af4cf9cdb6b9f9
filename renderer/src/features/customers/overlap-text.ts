import type { EditOverlap } from '../../../../shared/sync/apply-edit';
import { jsonEqual } from '../../../../shared/sync/equal';

const LABELS: Record<string, string> = {
  name: 'the name',
  phone: 'the phone number',
  email: 'the email address',
  birthday: 'the birthday',
  preferred_contact: 'the preferred contact',
  tags: 'the tags',
  notes: 'the notes',
  preferences: 'the preferences',
  preferred_staff: 'the preferred staff',
  allergies: 'allergies and sensitivities',
  follow_up_date: 'the follow-up date',
  referred_by: 'the referral',
  consent: 'marketing consent',
  opted_in_marketing: 'marketing consent',
};

function shown(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ');
  if (typeof value === 'string') return value === '' ? 'empty' : `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  return String(value);
}

/** One overlap in words: what the other change was and what was saved. */
function sentence(o: EditOverlap): string {
  const label = LABELS[o.field] ?? o.field.replace(/_/g, ' ');
  if (o.field === 'tags') return `${label} (both desks’ changes kept: ${shown(o.saved)})`;
  if (o.field === 'consent' || o.field === 'opted_in_marketing') return `${label} (the most restrictive choice was kept)`;
  if (jsonEqual(o.saved, o.mine)) return `${label} (yours replaced ${typeof o.theirs === 'object' ? 'their change' : shown(o.theirs)})`;
  return `${label} (their ${shown(o.theirs)} was kept)`;
}

/**
 * What a save should tell the person when fields they changed had also changed on another desk
 * while the form was open ('' when nothing overlapped). Fields they did not touch never count:
 * those simply keep the other desk's change.
 */
export function overlapNotice(overlaps: readonly EditOverlap[]): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const o of overlaps) {
    const text = sentence(o);
    if (seen.has(text)) continue;
    seen.add(text);
    parts.push(text);
  }
  if (parts.length === 0) return '';
  return `Changed on another desk meanwhile: ${parts.join('; ')}`;
}
