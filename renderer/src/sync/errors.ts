import type { ErrorBody, ErrorDetail } from '../../../shared/sync/protocol';

/**
 * What went wrong talking to the sync server, in words a receptionist can act on. The kinds
 * decide what the desk does: `revoked` and `outdated` stop syncing until someone acts,
 * `rejected` holds back one collection's changes (kept locally), everything else is retried.
 */
export type SyncProblemKind = 'unreachable' | 'revoked' | 'outdated' | 'rejected' | 'forbidden' | 'rate-limited' | 'server' | 'protocol';

/** The server answered with an error status; `body` is its `{error, details}` when it sent one. */
export class SyncHttpError extends Error {
  readonly status: number;
  readonly details: ErrorDetail[];
  /** Seconds from `Retry-After` (429), when given. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ErrorBody | null, retryAfterSeconds: number | null = null) {
    super(body?.error ?? `the server answered HTTP ${status}`);
    this.name = 'SyncHttpError';
    this.status = status;
    this.details = body?.details ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get kind(): SyncProblemKind {
    if (this.status === 401) return 'revoked';
    if (this.status === 426) return 'outdated';
    if (this.status === 429) return 'rate-limited';
    if (this.status === 403) return 'forbidden';
    // 409: a pushed document names one the server does not have yet (the collections sync
    // independently, e.g. a booking before its new customer): retried like a server problem.
    if (this.status === 409) return 'server';
    if (this.status >= 400 && this.status < 500) return 'rejected';
    return 'server';
  }
}

/** The request never got an answer (offline, DNS, refused connection, time-out, CORS). */
export class SyncNetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SyncNetworkError';
  }
}

/** The server answered 2xx with something that is not the protocol's shape. */
export class SyncProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncProtocolError';
  }
}

export function problemKind(error: unknown): SyncProblemKind {
  if (error instanceof SyncHttpError) return error.kind;
  if (error instanceof SyncProtocolError) return 'protocol';
  return 'unreachable';
}

/** True for problems that retrying cannot fix: the desk stops until a person acts. */
export function isFatal(kind: SyncProblemKind): boolean {
  return kind === 'revoked' || kind === 'outdated';
}

/** One detail as "booking bk-1: start_at must be within 5 years of today". */
function detailText(detail: ErrorDetail): string {
  const what = detail.document ? `${singular(detail.collection)} ${detail.document}`.trim() : '';
  const field = detail.field ? `${detail.field} ` : '';
  return `${what}${what ? ': ' : ''}${field}${detail.message}`;
}

function singular(collection: string | undefined): string {
  switch (collection) {
    case 'customers':
      return 'customer';
    case 'bookings':
      return 'booking';
    case 'communications':
      return 'message';
    case 'campaigns':
      return 'campaign';
    case 'branches':
      return 'branch';
    default:
      return 'document';
  }
}

/** A sentence for the sync status and error toasts. */
export function problemMessage(error: unknown): string {
  const kind = problemKind(error);
  switch (kind) {
    case 'revoked':
      return 'This desk was unpaired or its access was revoked on the server. Pair it again in Settings.';
    case 'outdated':
      return 'The server needs a newer Branchdesk: update the app on this desk, then sync resumes.';
    case 'rate-limited': {
      const wait = error instanceof SyncHttpError ? error.retryAfterSeconds : null;
      return `Too many attempts: try again ${wait === null ? 'in a while' : `in ${formatWait(wait)}`}.`;
    }
    case 'rejected':
    case 'forbidden': {
      const http = error as SyncHttpError;
      const first = http.details[0];
      return first ? `The server refused a change — ${detailText(first)}` : `The server refused a change: ${http.message}`;
    }
    case 'server':
      if (error instanceof SyncHttpError && error.status === 409 && error.details[0] !== undefined) {
        return `Waiting for a related record to reach the server first — ${detailText(error.details[0])}; retrying.`;
      }
      return `The server had a problem (${error instanceof SyncHttpError ? `HTTP ${error.status}` : 'error'}); retrying.`;
    case 'protocol':
      return `The server's answer was not understood (${error instanceof Error ? error.message : String(error)}). Is this a Branchdesk server?`;
    case 'unreachable':
      return "Can't reach the server; retrying.";
  }
}

export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return `${s} second${s === 1 ? '' : 's'}`;
  const m = Math.ceil(s / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}
