/**
 * The Content-Security-Policy of the built renderer, on the desktop and in web mode alike: a
 * `<meta>` tag in the built index.html (vite.renderer.ts) and a response header on every file the
 * desktop's `app://` protocol serves (electron/main). No 'unsafe-eval' and no inline scripts:
 * validation is interpretive (TypeBox), never compiled. connect-src allows http(s) so a desk can
 * reach the sync server it is paired with.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' http: https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
