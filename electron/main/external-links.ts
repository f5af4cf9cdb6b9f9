const MAX_URL_LENGTH = 2048;

/**
 * The URL to hand to the OS browser for a link the renderer tried to open, or null to ignore it:
 * only http(s), with a host, without embedded credentials, of sane length. Everything else
 * (file:, javascript:, custom protocols that could start other programs) is dropped.
 */
export function externalUrlToOpen(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}
