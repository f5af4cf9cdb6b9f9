import type { Database } from '../db/database';

/** Milliseconds since the epoch; injectable so tests never depend on the wall clock. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/** What every store operation needs. */
export interface StoreContext {
  db: Database;
  clock: Clock;
  log: Logger;
}
