import { SCHEMA_VERSION } from '../../../shared/domain/schemas';
import {
  SCHEMA_HEADER,
  type BranchCustomersResponse,
  type Checkpoint,
  type ConsentHistory,
  type EnrolResponse,
  type ErrorBody,
  type MetricsResponse,
  type PullResponse,
  type RevenueResponse,
  type PushRow,
  type SessionInfo,
  type SyncCollection,
  type TrendResponse,
  type WireDoc,
  type OrgMoney,
} from '../../../shared/sync/protocol';
import { splitPushBatch } from '../../../shared/sync/split-push';
import { parseStoredModel, type StoredRetentionModel } from '../../../shared/predict/model-wire';
import type { OutlookTotals } from '../../../shared/predict/outlook';

export interface RetentionOutlookResponse {
  model: StoredRetentionModel | null;
  branches: Record<string, OutlookTotals & { as_of: string }> | null;
}
import { SyncHttpError, SyncNetworkError, SyncProtocolError } from './errors';
import { parseReminderReport, parseReminderSettings, type ReminderReport } from './reminders-wire';
import type { ReminderSettings, ReminderSettingsChange } from '../../../shared/schedule/reminders';
import { parseConsentHistory, parseEnrolResponse, parsePullResponse, parsePushResponse, parseSessionInfo, parseMetricsResponse, parseOrgMoney, parseRevenueResponse, parseTrendResponse, parseBranchCustomers } from './wire';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Requests that do not answer within this time count as a network failure (retried). */
export const REQUEST_TIMEOUT_MS = 60_000;

export type AnyDoc = { id: string } & Record<string, unknown>;

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

/** Browser fetch, called unbound-safe (a bare `fetch` reference loses `this` in some engines). */
export const browserFetch: FetchLike = (input, init) => fetch(input, init);

async function send(fetcher: FetchLike, url: string, init: RequestInit, timeoutMs: number | null): Promise<Response> {
  const signals = [init.signal, timeoutMs === null ? null : AbortSignal.timeout(timeoutMs)].filter((s): s is AbortSignal => s !== null && s !== undefined);
  try {
    return await fetcher(url, { ...init, signal: signals.length === 0 ? null : AbortSignal.any(signals) });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new SyncNetworkError(timedOut ? `no answer from ${new URL(url).host} within ${Math.round((timeoutMs ?? 0) / 1000)} s` : `cannot reach ${new URL(url).host}`, {
      cause: error,
    });
  }
}

/** Throws SyncHttpError for any non-2xx answer, with the server's `{error, details}`. */
export async function failUnlessOk(res: Response): Promise<void> {
  if (res.ok) return;
  let body: ErrorBody | null = null;
  try {
    const parsed: unknown = await res.json();
    if (isErrorBody(parsed)) body = parsed;
  } catch {
    body = null;
  }
  const retry = res.headers.get('retry-after');
  throw new SyncHttpError(res.status, body, retry !== null && /^\d+$/.test(retry) ? Number(retry) : null);
}

async function json(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    throw new SyncProtocolError('the answer is not JSON');
  }
}

/** `GET /health`: the address answers, and like a Branchdesk server. No token needed. */
export async function checkServer(serverUrl: string, fetcher: FetchLike = browserFetch): Promise<void> {
  const res = await send(fetcher, `${serverUrl}/health`, {}, REQUEST_TIMEOUT_MS);
  await failUnlessOk(res);
  const body = (await json(res)) as { status?: unknown } | null;
  if (body?.status !== 'ok') throw new SyncProtocolError('its health check does not answer {"status": "ok"}');
}

/** `POST /api/enroll`: exchanges a one-time code for a device token. No token needed. */
export async function enrolDevice(serverUrl: string, code: string, fetcher: FetchLike = browserFetch): Promise<EnrolResponse> {
  const res = await send(
    fetcher,
    `${serverUrl}/api/enroll`,
    { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) },
    REQUEST_TIMEOUT_MS,
  );
  await failUnlessOk(res);
  return parseEnrolResponse(await json(res));
}

/**
 * The sync server as one device sees it: every request carries the device token and the desk's
 * schema version; answers are checked at this edge before the replication trusts them.
 */
export class SyncApi {
  constructor(
    readonly serverUrl: string,
    private readonly token: string,
    private readonly fetcher: FetchLike = browserFetch,
  ) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this.token}`, [SCHEMA_HEADER]: String(SCHEMA_VERSION), ...extra };
  }

  private async get(path: string, signal?: AbortSignal): Promise<unknown> {
    const res = await send(this.fetcher, `${this.serverUrl}${path}`, { headers: this.headers(), ...(signal ? { signal } : {}) }, REQUEST_TIMEOUT_MS);
    await failUnlessOk(res);
    return json(res);
  }

  /** `GET /api/retention/model`: the business's fitted retention model (null before the server's first fit). */
  async retentionModel(signal?: AbortSignal): Promise<StoredRetentionModel | null> {
    const body = (await this.get('/api/retention/model', signal)) as { model?: unknown } | null;
    if (body === null || typeof body !== 'object' || !('model' in body)) throw new SyncProtocolError('the retention model answer has no "model"');
    if (body.model === null) return null;
    const parsed = parseStoredModel(body.model);
    if (!parsed.ok) throw new SyncProtocolError(`the retention model is invalid: ${parsed.problem}`);
    return parsed.value;
  }

  /** `GET /api/retention/outlook`: per branch in scope, the predicted figures (null branches without a fitted model). */
  async retentionOutlook(signal?: AbortSignal): Promise<RetentionOutlookResponse> {
    const body = (await this.get('/api/retention/outlook', signal)) as { model?: unknown; branches?: unknown } | null;
    if (body === null || typeof body !== 'object' || !('branches' in body)) throw new SyncProtocolError('the retention outlook answer has no "branches"');
    const model = body.model === null || body.model === undefined ? null : parseStoredModel(body.model);
    if (model !== null && !model.ok) throw new SyncProtocolError(`the retention model is invalid: ${model.problem}`);
    if (body.branches !== null && (typeof body.branches !== 'object' || Array.isArray(body.branches))) throw new SyncProtocolError('the retention outlook\'s branches are not an object');
    const branches = body.branches as Record<string, Record<string, unknown>> | null;
    if (branches !== null) {
      for (const [id, b] of Object.entries(branches)) {
        for (const k of ['pairs', 'expected_visits_30', 'expected_visits_90', 'predicted_value_30', 'predicted_value_90', 'value_at_risk_90', 'likely_to_lapse', 'overdue']) {
          if (typeof b[k] !== 'number' || !Number.isFinite(b[k])) throw new SyncProtocolError(`the retention outlook of ${id} has no number "${k}"`);
        }
      }
    }
    return { model: model === null ? null : model.value, branches: branches as RetentionOutlookResponse['branches'] };
  }

  async session(): Promise<SessionInfo> {
    return parseSessionInfo(await this.get('/api/session'));
  }

  /** Who changed a customer's marketing consent and when, as the server recorded it from the pushing devices. */
  async consentHistory(customerId: string, signal?: AbortSignal): Promise<ConsentHistory> {
    return parseConsentHistory(await this.get(`/api/customers/${encodeURIComponent(customerId)}/consent`, signal));
  }

  /** `GET /api/reminders/settings`: this branch's appointment reminders (kept by the server). */
  async reminderSettings(signal?: AbortSignal): Promise<ReminderSettings> {
    return parseReminderSettings(await this.get('/api/reminders/settings', signal));
  }

  /** `PUT /api/reminders/settings` with only the fields that changed; the settings as stored. */
  async saveReminderSettings(change: ReminderSettingsChange): Promise<ReminderSettings> {
    const res = await send(
      this.fetcher,
      `${this.serverUrl}/api/reminders/settings`,
      { method: 'PUT', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify(change) },
      REQUEST_TIMEOUT_MS,
    );
    await failUnlessOk(res);
    return parseReminderSettings(await json(res));
  }

  /** `GET /api/org/money`: the business's currency and spending tiers. */
  async orgMoney(signal?: AbortSignal): Promise<OrgMoney> {
    return parseOrgMoney(await this.get('/api/org/money', signal));
  }

  /** `PUT /api/org/money` (HQ): the settings as stored. */
  async saveOrgMoney(money: OrgMoney): Promise<OrgMoney> {
    const res = await send(
      this.fetcher,
      `${this.serverUrl}/api/org/money`,
      { method: 'PUT', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify(money) },
      REQUEST_TIMEOUT_MS,
    );
    await failUnlessOk(res);
    return parseOrgMoney(await json(res));
  }

  /** `GET /api/reminders/report`: no-show rate of reminded vs not reminded bookings (last 90 days). */
  async reminderReport(signal?: AbortSignal): Promise<ReminderReport> {
    return parseReminderReport(await this.get('/api/reminders/report', signal));
  }

  async pull(collection: SyncCollection, checkpoint: Checkpoint | null | undefined, limit: number): Promise<PullResponse<AnyDoc>> {
    const q = new URLSearchParams({ limit: String(limit) });
    if (checkpoint) {
      q.set('stamp', String(checkpoint.stamp));
      q.set('id', checkpoint.id);
    }
    return parsePullResponse(await this.get(`/api/sync/${collection}/pull?${q.toString()}`));
  }

  /** Pushes rows, split into requests within the server's body limit (`splitPushBatch`); the conflicts of all. */
  async push(collection: SyncCollection, rows: PushRow<AnyDoc>[]): Promise<WireDoc<AnyDoc>[]> {
    const conflicts: WireDoc<AnyDoc>[] = [];
    for (const group of splitPushBatch(rows)) {
      const res = await send(
        this.fetcher,
        `${this.serverUrl}/api/sync/${collection}/push`,
        { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify(group) },
        REQUEST_TIMEOUT_MS,
      );
      await failUnlessOk(res);
      conflicts.push(...parsePushResponse(await json(res)));
    }
    return conflicts;
  }

  /**
   * How many documents a pull from `checkpoint` would still return (for the first-sync progress
   * bar); null when the server does not offer the count.
   */
  async count(collection: SyncCollection, checkpoint?: Checkpoint | null): Promise<number | null> {
    const q = new URLSearchParams();
    if (checkpoint) {
      q.set('stamp', String(checkpoint.stamp));
      q.set('id', checkpoint.id);
    }
    try {
      const body = await this.get(`/api/sync/${collection}/count${q.size > 0 ? `?${q.toString()}` : ''}`);
      const count = (body as { count?: unknown } | null)?.count;
      return typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : null;
    } catch (error) {
      if (error instanceof SyncHttpError && error.status === 404) return null;
      throw error;
    }
  }

  async metrics(asOf?: string): Promise<MetricsResponse> {
    return parseMetricsResponse(await this.get(`/api/metrics${asOf ? `?as_of=${encodeURIComponent(asOf)}` : ''}`));
  }

  async trend(days: number): Promise<TrendResponse> {
    return parseTrendResponse(await this.get(`/api/metrics/trend?days=${days}`));
  }

  /** The trend of every date from..to (YYYY-MM-DD, inclusive). */
  /** `GET /api/metrics/customers`: a branch's customers of one status today, most spent first. */
  async branchCustomers(branchId: string, status: string, signal?: AbortSignal): Promise<BranchCustomersResponse> {
    return parseBranchCustomers(await this.get(`/api/metrics/customers?branch_id=${encodeURIComponent(branchId)}&status=${encodeURIComponent(status)}`, signal));
  }

  /** `GET /api/metrics/revenue`: takings, visits and average ticket per branch over [from, to]. */
  async revenue(from: string, to: string, signal?: AbortSignal): Promise<RevenueResponse> {
    return parseRevenueResponse(await this.get(`/api/metrics/revenue?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, signal));
  }

  async trendRange(from: string, to: string): Promise<TrendResponse> {
    return parseTrendResponse(await this.get(`/api/metrics/trend?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`));
  }

  /** Opens the live stream (`text/event-stream`); the caller reads the body. */
  async openStream(signal: AbortSignal): Promise<Response> {
    const res = await send(this.fetcher, `${this.serverUrl}/api/sync/stream`, { headers: this.headers({ accept: 'text/event-stream' }), signal, cache: 'no-store' }, null);
    await failUnlessOk(res);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('text/event-stream')) throw new SyncProtocolError(`the live stream answered ${type || 'without a content type'}`);
    if (res.body === null) throw new SyncProtocolError('the live stream has no body');
    return res;
  }
}
