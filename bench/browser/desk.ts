/** A desk opened the way the app opens one (replica, derived database, DeskData following the change streams). */
import { DerivedDb } from '../../renderer/src/data/derived-db';
import { DeskData, todayAt } from '../../renderer/src/data/desk-data';
import { defaultDeskSettings } from '../../renderer/src/data/desk-settings';
import { openReplica } from '../../renderer/src/data/replica';

export interface OpenDesk {
  desk: DeskData;
  close(): Promise<void>;
}

/** A fresh, empty desk under its own database names (the page's real desk is left alone). */
export async function openFreshDesk(name: string, branchId: string, timeZone: string): Promise<OpenDesk> {
  const db = await openReplica({ name });
  const derived = new DerivedDb(`${name}-derived`);
  await derived.open();
  const desk = new DeskData(db, derived, { ...defaultDeskSettings(), branchId }, todayAt(timeZone, Date.now()));
  await desk.load();
  return {
    desk,
    async close() {
      desk.close();
      await desk.flush().catch(() => undefined);
      await db.remove();
      derived.close();
      await derived.delete();
    },
  };
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
