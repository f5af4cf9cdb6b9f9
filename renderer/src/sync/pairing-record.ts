import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ROLES } from '../../../shared/sync/protocol';
import type { Replica } from '../data/replica';

/**
 * Which server this desk is paired with, as an RxDB local document of the replica (never
 * replicated; erased with the replica). The device token itself is NOT here: it lives in the
 * platform secret store (OS keychain on the desktop, the browser session in web mode).
 * After unpairing the record stays with `active: false`, so pairing again with the same server
 * and branch keeps the local data and the replication checkpoints.
 */
export const PairingRecordSchema = Type.Object(
  {
    active: Type.Boolean(),
    serverUrl: Type.String({ minLength: 1, maxLength: 2048 }),
    deviceId: Type.String({ maxLength: 200 }),
    /** The server's name for this device ("Front desk 2"; absent from pairings made before labels). */
    deviceLabel: Type.Optional(Type.String({ maxLength: 200 })),
    role: Type.Union(ROLES.map((r) => Type.Literal(r))),
    /** '' for an hq device without a branch. */
    branchId: Type.String({ maxLength: 100 }),
    branchName: Type.String({ maxLength: 200 }),
    orgName: Type.String({ maxLength: 200 }),
    /** ISO instant of the pairing. */
    pairedAt: Type.String({ maxLength: 40 }),
    /** The first full download from the server finished. */
    firstSyncDone: Type.Boolean(),
    /**
     * ISO instant the server refused this device's token as revoked (HQ: the token was then
     * forgotten, and the sign-in form says why). Absent while the token is good.
     */
    revokedAt: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);

export type PairingRecord = Static<typeof PairingRecordSchema>;

export const PAIRING_DOC_ID = 'sync-pairing';

/** The stored record, or null (never paired, or the record is unreadable — then it is ignored). */
export async function loadPairing(db: Replica): Promise<PairingRecord | null> {
  const doc = await db.getLocal<PairingRecord>(PAIRING_DOC_ID);
  if (doc === null) return null;
  const data: unknown = doc.toJSON().data;
  if (!Value.Check(PairingRecordSchema, data)) {
    console.warn('The stored sync pairing is not readable and is ignored', [...Value.Errors(PairingRecordSchema, data)].slice(0, 3));
    return null;
  }
  return data;
}

export async function savePairing(db: Replica, record: PairingRecord): Promise<void> {
  if (!Value.Check(PairingRecordSchema, record)) throw new Error(`pairing record: ${Value.Errors(PairingRecordSchema, record).First()?.message ?? 'invalid'}`);
  await db.upsertLocal<PairingRecord>(PAIRING_DOC_ID, record);
}
