import type { BranchDoc } from '../../../shared/domain/schemas';
import { SCHEMA_VERSION } from '../../../shared/domain/schemas';
import type { EnrolResponse } from '../../../shared/sync/protocol';
import type { DeskData } from '../data/desk-data';
import { todayAt } from '../data/desk-data';
import { saveDeskSettings, type DeskSettings } from '../data/desk-settings';
import { currentDesk, now, resetLocalData } from '../data/session';
import { bumpSettings } from '../data/store';
import { platform } from '../platform/bridge';
import { checkServer, enrolDevice } from './api';
import { loadPairing, savePairing, type PairingRecord } from './pairing-record';
import { parseEnrolmentCode, parseServerUrl } from './pairing-input';
import { restartSync, stopSync } from './sync-session';
import { useSyncStore } from './sync-store';

/** What the replica holds that did not come from the server this desk is about to pair with. */
export interface LocalData {
  customers: number;
  bookings: number;
  communications: number;
  campaigns: number;
  branchNames: string[];
}

export function hasLocalData(d: LocalData): boolean {
  return d.customers + d.bookings + d.communications + d.campaigns > 0;
}

export async function localDataOf(desk: DeskData): Promise<LocalData> {
  const [bookings, communications, campaigns] = await Promise.all([
    desk.db.bookings.count().exec(),
    desk.db.communications.count().exec(),
    desk.db.campaigns.count().exec(),
  ]);
  return { customers: desk.customers.size, bookings, communications, campaigns, branchNames: [...desk.branches.values()].map((b) => b.name) };
}

/** A field the person has to correct before anything is sent. */
export class PairingInputError extends Error {
  constructor(
    readonly field: 'serverUrl' | 'code',
    message: string,
  ) {
    super(message);
    this.name = 'PairingInputError';
  }
}

/**
 * The replica holds customers or bookings: pairing replaces them with the server branch's data
 * (unless the desk was paired with the same server and branch before). Ask, then call `pairDesk`
 * again with `replaceLocalData: true`. `codeFor` is null when nothing was sent yet; it names the
 * branch the code turned out to be for when the desk was paired with this server before (the
 * code is spent then, and the enrolment is held so that the confirmed retry needs no new code).
 */
export class NeedsConfirmation extends Error {
  constructor(
    readonly local: LocalData,
    readonly previous: PairingRecord | null,
    readonly codeFor: string | null = null,
  ) {
    super('This desk holds local data; confirm replacing it');
    this.name = 'NeedsConfirmation';
  }
}

/** An enrolment made for a code whose branch asks for confirmation first (kept in memory only). */
let held: { serverUrl: string; code: string; enrolled: Awaited<ReturnType<typeof enrolDevice>> } | null = null;

export interface PairRequest {
  serverUrl: string;
  code: string;
  /** The person agreed that local data not on the server is erased. */
  replaceLocalData: boolean;
}

/** Resolves once DeskData holds the branch (its change stream has caught up with our write). */
function branchArrived(desk: DeskData, id: string): Promise<void> {
  if (desk.branches.has(id)) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = desk.subscribe(() => {
      if (desk.branches.has(id)) {
        stop();
        resolve();
      }
    });
  });
}

/** The desk works for the server's branch with the organisation's rules and secret. */
async function adoptServerBranch(desk: DeskData, enrolled: EnrolResponse, branch: BranchDoc, replaceBranches: boolean): Promise<void> {
  if (replaceBranches) {
    // Branches set up on this desk before pairing are local only: the server's branches replace them.
    const local = await desk.db.branches.find({ selector: { id: { $ne: branch.id } } }).exec();
    await Promise.all(local.map((doc) => doc.remove()));
  }
  await desk.db.branches.upsert(branch);
  await branchArrived(desk, branch.id);
  const settings: DeskSettings = {
    ...desk.settings,
    branchId: branch.id,
    orgSecret: enrolled.org.customer_id_secret,
    defaults: { ...enrolled.org.rules.thresholds },
    tiers: structuredClone(enrolled.org.rules.tiers),
    // the business's currency is HQ's (a server before migration 19 sends none: the desk's stays)
    ...(enrolled.org.currency === undefined ? {} : { currency: enrolled.org.currency }),
  };
  await saveDeskSettings(desk.db, settings);
  await desk.setSettings(settings);
  await desk.setAsOfDay(todayAt(branch.timezone, now()));
  bumpSettings();
}

/**
 * Pairs this desk (or signs in as HQ) with an enrolment code:
 * 1. checks the address and the code, that the server answers (`/health`), and — before the
 *    one-time code is spent — whether the replica holds data that pairing would replace
 *    (NeedsConfirmation);
 * 2. `POST /api/enroll`; the token goes to the platform secret store (OS keychain on the desktop;
 *    in web mode the browser session for a desk, lasting and sealed for HQ), the organisation
 *    secret too;
 * 3. branch roles: the desk's branch becomes the server's branch, with the organisation's rules
 *    and customer-id secret; local data of another branch is erased (confirmed in step 1);
 *    hq: nothing in the replica changes, the app opens the HQ dashboard;
 * 4. sync starts.
 */
export async function pairDesk(request: PairRequest): Promise<PairingRecord> {
  const url = parseServerUrl(request.serverUrl);
  if (!url.ok) throw new PairingInputError('serverUrl', url.problem);
  const code = parseEnrolmentCode(request.code);
  if (!code.ok) throw new PairingInputError('code', code.problem);
  await checkServer(url.value);
  let desk = currentDesk();
  const previous = await loadPairing(desk.db);
  if (previous?.active && (await platform.secrets.get('device-token')) !== null) throw new Error(`This desk is already paired with ${previous.serverUrl}: unpair it first.`);
  const local = await localDataOf(desk);
  // Data that came from this very server is asked about only if the code is for another branch
  // (known once the code is used): re-pairing with the same branch keeps it and syncs on.
  const sameServer = previous !== null && previous.serverUrl === url.value;
  if (hasLocalData(local) && !request.replaceLocalData && !sameServer) throw new NeedsConfirmation(local, previous);

  const reused = held !== null && held.serverUrl === url.value && held.code === code.value ? held.enrolled : null;
  held = null;
  const enrolled = reused ?? (await enrolDevice(url.value, code.value));
  if (enrolled.schema_version > SCHEMA_VERSION) throw new Error('The server uses a newer data format than this app: update Branchdesk on this desk, then pair again.');
  if (enrolled.schema_version < SCHEMA_VERSION) throw new Error('The server is older than this app: ask your administrator to update the server.');

  const record: PairingRecord = {
    active: true,
    serverUrl: url.value,
    deviceId: enrolled.device_id,
    deviceLabel: enrolled.device_label,
    role: enrolled.role,
    branchId: enrolled.branch_id,
    branchName: enrolled.branch?.name ?? '',
    orgName: enrolled.org.name,
    pairedAt: new Date(now()).toISOString(),
    firstSyncDone: false,
  };
  if (enrolled.role !== 'hq') {
    const branch = enrolled.branch as BranchDoc;
    const sameAsBefore = previous !== null && previous.serverUrl === url.value && previous.branchId === branch.id;
    if (hasLocalData(local) && !sameAsBefore && !request.replaceLocalData) {
      held = { serverUrl: url.value, code: code.value, enrolled };
      throw new NeedsConfirmation(local, previous, branch.name);
    }
    await stopSync();
    if (hasLocalData(local) && !sameAsBefore) {
      await resetLocalData();
      desk = currentDesk();
    }
    await adoptServerBranch(desk, enrolled, branch, !sameAsBefore);
    if (sameAsBefore) record.firstSyncDone = previous.firstSyncDone;
  }
  // HQ stays signed in across browser restarts until revoked; a front desk's browser keeps its
  // token for the session only (the desktop's keychain keeps both)
  const lifetime = enrolled.role === 'hq' ? 'lasting' : 'session';
  await platform.secrets.set('device-token', enrolled.token, lifetime);
  await platform.secrets.set('organisation-secret', enrolled.org.customer_id_secret, lifetime);
  await savePairing(desk.db, record);
  await restartSync(desk);
  return record;
}

/**
 * Unpairs: sync stops, the token and organisation secret are forgotten. Local data stays (the
 * desk keeps working on its own); pairing again with the same server and branch continues where
 * it left off. The server still lists the device until an administrator revokes it.
 */
export async function unpairDesk(): Promise<void> {
  const desk = currentDesk();
  const pairing = await loadPairing(desk.db);
  await stopSync();
  await platform.secrets.delete('device-token');
  await platform.secrets.delete('organisation-secret');
  if (pairing !== null) await savePairing(desk.db, { ...pairing, active: false });
  await restartSync(desk);
}

/**
 * The server refused this device's token as revoked (HQ: a lasting sign-in ends here): the token
 * and organisation secret are forgotten at once, so nothing sealed stays behind in the browser,
 * and the pairing keeps the server's address and the instant, so the sign-in form (now and after
 * a restart) says why and prefills the address. The cached report stays readable.
 */
export async function forgetRevokedSignIn(): Promise<void> {
  const desk = currentDesk();
  const pairing = await loadPairing(desk.db);
  if (pairing === null || !pairing.active || pairing.revokedAt !== undefined) return;
  await platform.secrets.delete('device-token');
  await platform.secrets.delete('organisation-secret');
  const record: PairingRecord = { ...pairing, revokedAt: new Date(now()).toISOString() };
  await savePairing(desk.db, record);
  useSyncStore.setState({ pairing: record, signedOut: true });
}
