/**
 * The two things a person types to pair a desk: the server's address and the one-time enrolment
 * code. Pure checks with messages that say what to type instead.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/**
 * The server's origin (`http://host:port`, no trailing slash). A bare `host:port` means http.
 * Paths, queries and credentials are refused: the desk talks to `/api/…` at the origin.
 */
export function parseServerUrl(input: string): Checked<string> {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'Enter the server address, e.g. http://192.168.1.20:8787' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, problem: `“${text}” is not a web address. Use the form http://host:port` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: `The address must start with http:// or https:// (got ${url.protocol}//)` };
  }
  if (url.hostname === '') return { ok: false, problem: 'The address has no host name' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'Leave the user name and password out of the address' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { ok: false, problem: `Enter only the server's address (${url.origin}), without a path` };
  }
  return { ok: true, value: url.origin };
}

/**
 * An enrolment code as printed by `cli enroll` (XXXX-XXXX-XXXX-XXXX). Case, spaces and dashes do
 * not matter, and O/I/L read as 0/1/1 as on the server. Returns the code in its printed form.
 */
export function parseEnrolmentCode(input: string): Checked<string> {
  const canonical = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (canonical === '') return { ok: false, problem: 'Enter the enrolment code from your administrator' };
  if (!CROCKFORD.test(canonical)) {
    const bad = [...canonical].find((c) => !/[0-9A-HJKMNP-TV-Z]/.test(c));
    if (bad !== undefined) return { ok: false, problem: `The code cannot contain “${bad}”: it uses letters and digits only` };
    return { ok: false, problem: `The code has 16 letters and digits (you entered ${canonical.length}), like ABCD-EFGH-JKMN-PQRS` };
  }
  return { ok: true, value: (canonical.match(/.{4}/g) ?? []).join('-') };
}
