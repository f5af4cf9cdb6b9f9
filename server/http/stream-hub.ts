/**
 * Live pull stream over Server-Sent Events. A desk's (branch) connection keeps a cursor per
 * collection, starting at the highest committed stamp when it opened; it first receives `resync`
 * (the desk re-runs checkpoint iteration, which covers everything before the cursor), then,
 * whenever a change notification (LISTEN/NOTIFY, from any process) concerns its scope, the
 * documents after its cursor, in the same order and with the same checkpoints as a pull.
 *
 * An HQ device replicates nothing: its connection receives `resync` and then, per change
 * notification in its scope, one `notice` (which branches, which branch-local days) and never a
 * document. The notice is made from the notification itself, serialised once per scope and
 * written to every HQ connection of that scope: no database query per connection.
 */
import type { ServerResponse } from 'node:http';
import { SYNC_COLLECTIONS, type BranchChange, type ChangeNoticeMessage, type Checkpoint, type StreamMessage, type SyncCollection } from '../../shared/sync/protocol';
import { formatDay } from '../../shared/time/calendar';
import { CHANGES_CHANNEL, parseNotice, type ChangeNotice } from '../store/notify';
import { CORS_HEADERS } from './cors';
import { committedStamp } from '../store/stamps';
import type { Store } from '../store/store';
import type { Device } from '../store/device';
import { readBranch } from '../authz/policy';
import { pullBatch } from '../sync/pull';
import { drained } from './drained';

/** Live streams one device token may hold open at once; a further one closes the oldest. */
const MAX_STREAMS_PER_DEVICE = 3;

export interface HubOptions {
  /** Interval of `: ping` comments (and token re-checks). */
  heartbeatMs: number;
  /** Documents per stream message. */
  batchSize: number;
  /** Still valid? Checked on every heartbeat; a revoked device's stream is closed. */
  stillValid: (device: Device) => Promise<boolean>;
}

interface Connection {
  device: Device;
  /** 'documents': a desk's replication stream; 'notices': an HQ dashboard's. */
  kind: 'documents' | 'notices';
  scope: string | null;
  res: ServerResponse;
  cursors: Map<SyncCollection, Checkpoint>;
  busy: Set<SyncCollection>;
  again: Set<SyncCollection>;
  heartbeat: NodeJS.Timeout;
  closed: boolean;
  /** notices: the response is backed up (waiting for `drain`); notices meanwhile are dropped… */
  backedUp: boolean;
  /** …and replaced, once it drains, by one `resync` (refresh everything). */
  missed: boolean;
}

/** The notice an HQ connection of `scope` (null = every branch) receives, or null when none of it is in scope. */
export function noticeFor(notice: ChangeNotice, scope: string | null): ChangeNoticeMessage | null {
  const change = (branch: string): BranchChange => {
    const days = notice.days?.[branch];
    return { branch_id: branch, days: days === undefined ? null : { first: formatDay(days[0]), last: formatDay(days[1]) } };
  };
  if (notice.branches === null) return { type: 'notice', collection: notice.collection, changes: scope === null ? null : [change(scope)] };
  const branches = scope === null ? notice.branches : notice.branches.filter((b) => b === scope);
  if (branches.length === 0) return null;
  return { type: 'notice', collection: notice.collection, changes: branches.map(change) };
}

export class StreamHub {
  private readonly connections = new Set<Connection>();
  private unlisten: (() => Promise<void>) | null = null;
  private readonly pending = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly store: Store,
    private readonly options: HubOptions,
  ) {}

  get size(): number {
    return this.connections.size;
  }

  async start(): Promise<void> {
    this.unlisten = await this.store.db.listen(
      CHANGES_CHANNEL,
      (payload) => {
        const notice = parseNotice(payload);
        if (notice !== null) this.onNotice(notice);
      },
      () => {
        // the listener reconnected: notifications may have been missed
        for (const c of this.connections) {
          if (c.kind === 'notices') this.send(c, { type: 'resync' });
          else for (const collection of SYNC_COLLECTIONS) this.schedule(c, collection);
        }
      },
    );
  }

  /** Takes over a raw response and streams to it until the client goes away or the hub closes. */
  async open(device: Device, res: ServerResponse): Promise<void> {
    if (this.closing) {
      // Shutting down: send the desk elsewhere (it reconnects and resyncs).
      res.writeHead(503, { ...CORS_HEADERS, 'content-type': 'application/json', 'retry-after': '1' });
      res.end(JSON.stringify({ error: 'the server is shutting down' }));
      return;
    }
    const stamp = await committedStamp(this.store.db);
    res.writeHead(200, {
      ...CORS_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const kind = device.role === 'hq' ? 'notices' : 'documents';
    const conn: Connection = {
      device,
      kind,
      // an HQ dashboard is told about what its metrics cover; a desk about what it replicates
      scope: kind === 'notices' ? readBranch(device, 'metrics') : readBranch(device, 'customers'),
      res,
      // Everything up to the committed stamp is the desk's RESYNC pull's job; the stream starts
      // after it: (stamp + 1, '') orders after every document with that stamp, whatever its id.
      cursors: new Map(SYNC_COLLECTIONS.map((c) => [c, { stamp: stamp + 1, id: '' }])),
      busy: new Set(),
      again: new Set(),
      heartbeat: setInterval(() => void this.beat(conn), this.options.heartbeatMs),
      closed: false,
      backedUp: false,
      missed: false,
    };
    // A device may hold MAX_STREAMS_PER_DEVICE streams: the oldest beyond that is closed (a desk
    // that reconnects before its old connection timed out is never refused; a stolen token
    // cannot open streams without bound).
    const own = [...this.connections].filter((c) => c.device.id === device.id);
    for (const old of own.slice(0, Math.max(0, own.length - MAX_STREAMS_PER_DEVICE + 1))) this.end(old);
    this.connections.add(conn);
    res.on('close', () => this.drop(conn));
    res.write('retry: 2000\n\n');
    this.send(conn, { type: 'resync' });
  }

  private async beat(conn: Connection): Promise<void> {
    if (conn.closed) return;
    conn.res.write(': ping\n\n');
    try {
      if (!(await this.options.stillValid(conn.device))) this.end(conn);
    } catch (error) {
      this.store.log.warn({ err: error }, 'stream token re-check failed');
    }
  }

  private send(conn: Connection, message: StreamMessage): boolean {
    if (conn.closed) return false;
    return conn.res.write(`data: ${JSON.stringify(message)}\n\n`);
  }

  private onNotice(notice: ChangeNotice): void {
    const frames = new Map<string | null, string | null>();
    for (const conn of this.connections) {
      if (conn.kind === 'notices') {
        let frame = frames.get(conn.scope);
        if (frame === undefined) {
          const message = noticeFor(notice, conn.scope);
          frame = message === null ? null : `data: ${JSON.stringify(message)}\n\n`;
          frames.set(conn.scope, frame);
        }
        if (frame !== null) this.sendNotice(conn, frame);
      } else if (conn.scope === null || notice.collection === 'branches' || notice.branches === null || notice.branches.includes(conn.scope)) {
        this.schedule(conn, notice.collection);
      }
    }
  }

  /**
   * One notice to an HQ connection. While its response is backed up, notices are not queued
   * without bound: they are dropped and, once it drains, replaced by one `resync`.
   */
  private sendNotice(conn: Connection, frame: string): void {
    if (conn.closed) return;
    if (conn.backedUp) {
      conn.missed = true;
      return;
    }
    if (conn.res.write(frame)) return;
    conn.backedUp = true;
    void drained(conn.res).then(() => {
      conn.backedUp = false;
      if (conn.missed) {
        conn.missed = false;
        this.send(conn, { type: 'resync' });
      }
    });
  }

  private schedule(conn: Connection, collection: SyncCollection): void {
    if (conn.closed) return;
    if (conn.busy.has(collection)) {
      conn.again.add(collection);
      return;
    }
    conn.busy.add(collection);
    const task = this.drain(conn, collection)
      .catch((error: unknown) => this.store.log.warn({ err: error, collection }, 'stream drain failed'))
      .finally(() => {
        conn.busy.delete(collection);
        this.pending.delete(task);
        if (conn.again.delete(collection)) this.schedule(conn, collection);
      });
    this.pending.add(task);
  }

  private async drain(conn: Connection, collection: SyncCollection): Promise<void> {
    for (;;) {
      if (conn.closed) return;
      const cursor = conn.cursors.get(collection) ?? null;
      const batch = await pullBatch(this.store.db, collection, readBranch(conn.device, collection), cursor, this.options.batchSize);
      if (batch.documents.length === 0 || batch.checkpoint === null) return;
      conn.cursors.set(collection, batch.checkpoint);
      const flushed = this.send(conn, { type: 'change', collection, documents: batch.documents, checkpoint: batch.checkpoint });
      if (!flushed && !conn.closed) await drained(conn.res);
      if (batch.documents.length < this.options.batchSize) return;
    }
  }

  private drop(conn: Connection): void {
    conn.closed = true;
    clearInterval(conn.heartbeat);
    this.connections.delete(conn);
  }

  private end(conn: Connection): void {
    if (conn.closed) return;
    this.drop(conn);
    conn.res.end();
  }

  /** Ends every stream (shutdown); desks reconnect elsewhere and resync. */
  async close(): Promise<void> {
    this.closing = true;
    for (const conn of [...this.connections]) this.end(conn);
    await Promise.allSettled([...this.pending]);
    if (this.unlisten !== null) await this.unlisten();
    this.unlisten = null;
  }
}
