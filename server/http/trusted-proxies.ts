/**
 * `--trust-proxy` takes the proxies whose X-Forwarded-For the server believes: IP addresses,
 * CIDR ranges, or the names loopback / linklocal / uniquelocal (proxy-addr's, used by Fastify).
 * The client address is then the nearest address in the header that is not a trusted proxy, so
 * a client cannot pick its own address by sending the header itself.
 */
import { isIP } from 'node:net';

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export type TrustedProxies = { ok: true; proxies: string[] } | { ok: false; message: string };

export function parseTrustedProxies(text: string): TrustedProxies {
  const proxies = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (proxies.length === 0) return { ok: false, message: '--trust-proxy needs the addresses of the proxies, e.g. --trust-proxy 10.0.0.5,10.1.0.0/16' };
  for (const p of proxies) {
    if (NAMES.has(p)) continue;
    const [address, bits, extra] = p.split('/');
    const family = isIP(address ?? '');
    const max = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (family === 0 || !bitsOk || extra !== undefined) {
      return { ok: false, message: `--trust-proxy: "${p}" is not an IP address, a CIDR range (10.1.0.0/16) or one of ${[...NAMES].join(', ')}` };
    }
  }
  return { ok: true, proxies };
}
