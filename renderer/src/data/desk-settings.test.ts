import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage } from 'rxdb';
import { defaultDeskSettings, loadDeskSettings, phoneCountryOf, saveDeskSettings, type DeskSettings } from './desk-settings';
import { openReplica, type Replica } from './replica';

/** The local document the desk settings are stored in (desk-settings.ts). */
const DESK_SETTINGS_ID = 'desk-settings';
const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
let db: Replica;
beforeAll(async () => {
  db = await openReplica({ name: 'desk-settings', storage });
});
afterAll(async () => {
  await db.close();
});

/** What saving these settings says ('' when they are stored), and that a refused save stored nothing. */
async function saveProblem(settings: DeskSettings): Promise<string> {
  const before = (await db.getLocal<DeskSettings>(DESK_SETTINGS_ID))?.toJSON().data;
  try {
    await saveDeskSettings(db, settings);
  } catch (error) {
    expect((await db.getLocal<DeskSettings>(DESK_SETTINGS_ID))?.toJSON().data).toEqual(before);
    return (error as Error).message;
  }
  expect(await loadDeskSettings(db)).toEqual(settings);
  return '';
}

describe('desk settings: the phone-number country', () => {
  const settings = defaultDeskSettings('0123456789abcdef0123456789abcdef');

  it("reads local numbers in the branch's country unless the desk chose its own", () => {
    expect(phoneCountryOf(settings, { country: 'PH', timezone: 'Europe/London' })).toBe('PH');
    // a branch imported without a country (branches.csv has none): the one its zone implies
    expect(phoneCountryOf(settings, { country: '', timezone: 'Asia/Manila' })).toBe('PH');
    expect(phoneCountryOf(settings, { country: '', timezone: 'UTC' })).toBe('');
    expect(phoneCountryOf(settings, undefined)).toBe('');
    expect(phoneCountryOf({ ...settings, phoneCountry: 'GB' }, { country: 'PH', timezone: 'Asia/Manila' })).toBe('GB');
    // the desk may also choose none: a country code is then needed
    expect(phoneCountryOf({ ...settings, phoneCountry: '' }, { country: '', timezone: 'Asia/Manila' })).toBe('');
  });

  it('accepts settings stored before the field existed, and refuses a country that is not a region code', async () => {
    await db.upsertLocal<DeskSettings>(DESK_SETTINGS_ID, settings);
    expect(await loadDeskSettings(db)).toEqual(settings);
    expect(await saveProblem({ ...settings, phoneCountry: 'GB' })).toBe('');
    expect(await saveProblem({ ...settings, phoneCountry: 'Britain' })).toMatch(/phoneCountry/);
  });

  it('refuses to load stored settings that are not usable, naming the field', async () => {
    await db.upsertLocal(DESK_SETTINGS_ID, { ...settings, phoneCountry: 'Britain' });
    await expect(loadDeskSettings(db)).rejects.toThrow(/^The stored desk settings .*phoneCountry.*Reset local data in Settings/);
    await db.upsertLocal<DeskSettings>(DESK_SETTINGS_ID, settings);
  });
});

describe('desk settings: the business currency', () => {
  const settings = defaultDeskSettings('0123456789abcdef0123456789abcdef');

  it('accepts none (settings from before currencies) or an ISO 4217 code, and names a bad one', async () => {
    expect(settings.currency).toBeUndefined();
    expect(await saveProblem({ ...settings, currency: '' })).toBe('');
    expect(await saveProblem({ ...settings, currency: 'PHP' })).toBe('');
    expect(await saveProblem({ ...settings, currency: 'pesos' })).toMatch(/currency/);
    expect(await saveProblem({ ...settings, currency: 'XYZ' })).toBe('desk settings: currency "XYZ" is not a current ISO 4217 code');
  });
});
