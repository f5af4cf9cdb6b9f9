import { loadDataset } from '../../data/session';
import { zoneClock } from '../../../../shared/time/zone';
import { formatDay } from '../../../../shared/time/calendar';

/**
 * One-click demo: a four-branch business generated (deterministically) around today's date,
 * loaded through the same bulk path sync uses, with the first branch as this desk's branch.
 */
export async function loadDemo(nowMs: number): Promise<void> {
  const { demoDocuments, demoOptions, generateDemoData } = await import('../../../../shared/demo');
  const at = (timeZone: string) => {
    const clock = zoneClock(timeZone);
    return { today: formatDay(clock.localDay(nowMs)), nowMinute: clock.localMinuteOfDay(nowMs) };
  };
  let data = generateDemoData(demoOptions('demo', at('UTC')));
  const home = data.branches[0];
  if (home === undefined) throw new Error('The demo has no branches');
  const local = at(home.timezone);
  if (local.today !== data.options.today || local.nowMinute !== data.options.nowMinute) {
    data = generateDemoData(demoOptions('demo', local));
  }
  await loadDataset(demoDocuments(data), home.id);
}
