import pg from 'pg';
import type { Database, Queryable } from './database';

interface Logger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

const silent: Logger = { warn() {}, info() {} };

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query(sql, params as unknown[]);
      return result.rows as T[];
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** Quotes an identifier for LISTEN (channels are our own constants, but be safe). */
function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A real PostgreSQL server through `pg`: a pool for queries and transactions, plus one dedicated
 * connection for LISTEN that reconnects with back-off when it drops.
 */
export async function openPostgres(connectionString: string, log: Logger = silent, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on('error', (error) => log.warn({ err: error }, 'idle database connection failed'));
  await pool.query('SELECT 1');
  const plain = wrap(pool);
  const listeners = new Map<string, Set<{ onMessage: (p: string) => void; onReconnect?: () => void }>>();
  let listener: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;

  async function connectListener(isReconnect: boolean): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('notification', (msg) => {
      for (const l of listeners.get(msg.channel) ?? []) l.onMessage(msg.payload ?? '');
    });
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = null;
      client.removeAllListeners('error');
      client.on('error', () => {});
      void client.end().catch(() => {});
      if (!closed) {
        log.warn({ err: error }, 'lost the LISTEN connection; reconnecting');
        scheduleReconnect(250);
      }
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    for (const channel of listeners.keys()) await client.query(`LISTEN ${ident(channel)}`);
    listener = client;
    if (isReconnect) {
      log.info({}, 'LISTEN connection restored');
      for (const set of listeners.values()) for (const l of set) l.onReconnect?.();
    }
  }

  function scheduleReconnect(delay: number): void {
    if (closed || retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connecting = connectListener(true).catch((error: unknown) => {
        log.warn({ err: error }, 'LISTEN reconnect failed');
        scheduleReconnect(Math.min(delay * 2, 5000));
      }).finally(() => {
        connecting = null;
      });
    }, delay);
  }

  return {
    kind: 'postgres',
    query: plain.query,
    exec: plain.exec,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onMessage, onReconnect) {
      const entry = { onMessage, ...(onReconnect ? { onReconnect } : {}) };
      let set = listeners.get(channel);
      const isNew = set === undefined;
      if (set === undefined) {
        set = new Set();
        listeners.set(channel, set);
      }
      set.add(entry);
      if (connecting !== null) await connecting;
      if (listener === null && retryTimer === null) {
        connecting = connectListener(false).finally(() => {
          connecting = null;
        });
        await connecting;
      } else if (isNew && listener !== null) {
        await listener.query(`LISTEN ${ident(channel)}`);
      }
      return async () => {
        set.delete(entry);
        if (set.size === 0) {
          listeners.delete(channel);
          if (listener !== null) await listener.query(`UNLISTEN ${ident(channel)}`).catch(() => {});
        }
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      if (retryTimer !== null) clearTimeout(retryTimer);
      if (connecting !== null) await connecting.catch(() => {});
      const l = listener;
      listener = null;
      if (l !== null) await l.end().catch(() => {});
      await pool.end();
    },
  };
}
