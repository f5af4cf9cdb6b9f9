import type { OutboxOptions } from './config';

/** Wait before the next attempt after `attempts` failed ones: base × 2^(attempts−1), capped. */
export function retryDelayMs(attempts: number, options: Pick<OutboxOptions, 'retryBaseMs' | 'maxRetryDelayMs'>): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(options.retryBaseMs * 2 ** exponent, options.maxRetryDelayMs);
}
