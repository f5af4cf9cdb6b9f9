/**
 * Variant and holdout assignment for a campaign: a pure function of (campaign id, customer id),
 * so every desk, HQ and a re-run agree, and a customer stays in one group for the campaign's
 * life. The SHA-256 of both ids gives a uniform bucket in 0…9999: the first `holdout_pct`
 * hundredths are the holdout (they receive nothing), the rest is split evenly between variants.
 * Different campaigns shuffle customers independently.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { HOLDOUT_KEY } from '../domain/document-checks';

export { HOLDOUT_KEY };

const BUCKETS = 10_000;

/** Uniform bucket 0…BUCKETS−1 of a customer in a campaign. */
function bucketOf(campaignId: string, customerId: string): number {
  const d = sha256(utf8ToBytes(`${campaignId}\u0000${customerId}`));
  const u32 = (((d[0] as number) << 24) | ((d[1] as number) << 16) | ((d[2] as number) << 8) | (d[3] as number)) >>> 0;
  return Math.floor((u32 / 2 ** 32) * BUCKETS);
}

/** The group of a customer: 'holdout' or one of the variant keys (in the order given). */
export function assignGroup(campaignId: string, customerId: string, variantKeys: readonly string[], holdoutPct: number): string {
  if (variantKeys.length === 0) throw new RangeError('a campaign needs at least one variant');
  const bucket = bucketOf(campaignId, customerId);
  const held = Math.round(holdoutPct * (BUCKETS / 100));
  if (bucket < held) return HOLDOUT_KEY;
  const index = Math.floor(((bucket - held) * variantKeys.length) / (BUCKETS - held));
  return variantKeys[Math.min(index, variantKeys.length - 1)] as string;
}
