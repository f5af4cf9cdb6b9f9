import { describe, expect, it } from 'vitest';
import { externalUrlToOpen } from './external-links';

describe('externalUrlToOpen', () => {
  it('accepts http(s) links with a host, normalised', () => {
    expect(externalUrlToOpen('https://example.com')).toBe('https://example.com/');
    expect(externalUrlToOpen('http://example.com/a b')).toBe('http://example.com/a%20b');
  });
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.c', 'ms-settings:', 'https://u:p@example.com/', 'not a url', `https://example.com/${'a'.repeat(3000)}`])(
    'refuses %s',
    (url) => {
      expect(externalUrlToOpen(url)).toBeNull();
    },
  );
});
