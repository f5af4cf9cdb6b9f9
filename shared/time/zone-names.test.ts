import { describe, expect, it } from 'vitest';
import { isValidTimeZone, zoneClock } from './zone';
import { canonicalZoneList, canonicalZoneName } from './zone-names';

describe('canonical IANA zone names', () => {
  it('maps the renamed zones to their current names and leaves others alone', () => {
    expect(canonicalZoneName('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalZoneName('Asia/Manila')).toBe('Asia/Manila');
    expect(canonicalZoneName('Europe/Bratislava')).toBe('Europe/Bratislava');
  });

  it('every current name is a zone the runtime knows, at the same offset as the old name', () => {
    const instants = [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)];
    // Every name the runtime knows, and old names desks may have stored.
    const names = new Set([...Intl.supportedValuesOf('timeZone'), 'Asia/Calcutta', 'Asia/Saigon', 'Europe/Kiev', 'Asia/Rangoon', 'Asia/Katmandu', 'America/Buenos_Aires']);
    const renamed = [...names].map((old) => [old, canonicalZoneName(old)] as const).filter(([old, current]) => old !== current);
    expect(renamed.length).toBeGreaterThanOrEqual(3);
    for (const [old, current] of renamed) {
      expect(isValidTimeZone(current), current).toBe(true);
      if (!isValidTimeZone(old)) continue;
      for (const ms of instants) expect(zoneClock(current).localMinuteOfDay(ms), `${old} → ${current}`).toBe(zoneClock(old).localMinuteOfDay(ms));
    }
  });

  it("the runtime's list under current names: no Asia/Calcutta, Asia/Kolkata once", () => {
    const list = canonicalZoneList(Intl.supportedValuesOf('timeZone'));
    expect(list).not.toContain('Asia/Calcutta');
    expect(list).not.toContain('Asia/Saigon');
    expect(list.filter((z) => z === 'Asia/Kolkata')).toHaveLength(1);
    expect(list).toContain('Asia/Ho_Chi_Minh');
    expect(list).toContain('Asia/Manila');
  });
});
