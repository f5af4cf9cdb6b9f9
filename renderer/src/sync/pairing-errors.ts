import { SyncHttpError, SyncNetworkError, SyncProtocolError, formatWait } from './errors';

export interface PairingProblem {
  /** The form field the problem is about (null: the whole attempt). */
  field: 'serverUrl' | 'code' | null;
  message: string;
}

/** Why pairing with `serverUrl` failed, in words that say what to do, attached to the right field. */
export function pairingProblem(error: unknown, serverUrl: string): PairingProblem {
  const host = hostOf(serverUrl);
  if (error instanceof SyncNetworkError) {
    return { field: 'serverUrl', message: `Can't reach ${host}: check the address, that the server is running, and that this computer can reach it.` };
  }
  if (error instanceof SyncProtocolError) {
    return { field: 'serverUrl', message: `${host} answers, but not like a Branchdesk server (${error.message}).` };
  }
  if (error instanceof SyncHttpError) {
    if (error.status === 401) {
      const text = error.message.toLowerCase();
      if (text.includes('already used')) return { field: 'code', message: 'This code was already used: each code pairs one desk. Ask for a new one.' };
      if (text.includes('expired')) return { field: 'code', message: 'This code has expired. Ask for a new one.' };
      if (text.includes('unknown')) return { field: 'code', message: 'The server does not know this code. Check it, or ask for a new one.' };
      return { field: 'code', message: error.message };
    }
    if (error.status === 429) {
      const wait = error.retryAfterSeconds;
      return { field: 'code', message: `Too many wrong codes from this computer: try again ${wait === null ? 'later' : `in ${formatWait(wait)}`}.` };
    }
    if (error.status === 404 || error.status === 405) {
      return { field: 'serverUrl', message: `There is no Branchdesk server at ${host} (it answered, but has no enrolment service).` };
    }
    if (error.status >= 400 && error.status < 500) return { field: 'code', message: error.message };
    return { field: null, message: `The server had a problem (HTTP ${error.status}). Try again in a moment.` };
  }
  return { field: null, message: error instanceof Error ? error.message : String(error) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
