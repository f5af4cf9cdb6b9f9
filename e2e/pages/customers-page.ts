import { expect, type Locator, type Page } from '@playwright/test';
import { demoOptions, generateDemoData, type DemoData, type GeneratedCustomer } from '../../shared/demo';
import { buildActivityIndex } from '../../shared/engine/dataset';
import type { ActivityIndex } from '../../shared/engine/activity-index';
import { formatDay, parseDay } from '../../shared/time/calendar';
import { zoneClock } from '../../shared/time/zone';
import { FIXED_NOW } from '../fixtures';

export interface ListedRow {
  name: string;
  contact: string;
  status: string;
  visits: number;
  spent: string;
  lastVisit: string;
  /** "Next 90 days": predicted value, then chance of return · expected visits. */
  outlook: string;
  tiers: string;
}

/** The Customers screen: search, filters, sort, the virtualised grid. */
export class CustomersPage {
  constructor(readonly page: Page) {}

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search customers' });
  }

  get filters(): Locator {
    return this.page.getByRole('complementary', { name: 'Filters' });
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: /^Customers/ });
  }

  get count(): Locator {
    return this.page.getByTestId('customer-count');
  }

  /** Body rows currently rendered (the grid is virtualised: the ones in view and a few more). */
  get rows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  get selectedRow(): Locator {
    return this.grid.getByRole('row', { selected: true });
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  }

  statusBox(label: string): Locator {
    return this.filters.getByRole('checkbox', { name: new RegExp(`^${label}\\b`) });
  }

  /** "1,234 of 1,500 customers" → { shown, total }. */
  async counts(): Promise<{ shown: number; total: number }> {
    const text = (await this.count.textContent()) ?? '';
    const m = /^([\d,]+)(?: of ([\d,]+))? customers?$/.exec(text.trim());
    if (m === null) throw new Error(`unexpected count line "${text}"`);
    const shown = Number((m[1] ?? '').replace(/,/g, ''));
    return { shown, total: m[2] === undefined ? shown : Number(m[2].replace(/,/g, '')) };
  }

  async expectShown(shown: number, total?: number): Promise<void> {
    const n = (x: number): string => x.toLocaleString('en');
    const text = total === undefined || total === shown ? new RegExp(`^${n(shown)}( of [\\d,]+)? customers?$`) : `${n(shown)} of ${n(total)} customers`;
    await expect(this.count).toHaveText(text);
  }

  async sortBy(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label });
  }

  async row(i: number): Promise<ListedRow> {
    const cells = this.rows.nth(i).getByRole('gridcell');
    const text = async (j: number): Promise<string> => ((await cells.nth(j).innerText()) ?? '').trim();
    const customer = cells.nth(0);
    return {
      name: ((await customer.getByRole('link').innerText()) ?? '').trim(),
      contact: ((await customer.locator('.clist-contact').innerText()) ?? '').trim(),
      // The badge line (a second line names the branch and / or the customer's cadence).
      status: (await text(1)).split('\n')[0]?.trim() ?? '',
      outlook: (await text(2)).replace(/\s+/g, ' '),
      visits: Number((await text(3)).replace(/,/g, '')),
      spent: await text(4),
      lastVisit: await text(5),
      tiers: (await text(6)).replace(/\s+/g, ' '),
    };
  }

  /** The first `n` rendered rows (fewer when the list is shorter). */
  async firstRows(n: number): Promise<ListedRow[]> {
    const count = Math.min(n, await this.rows.count());
    const out: ListedRow[] = [];
    for (let i = 0; i < count; i += 1) out.push(await this.row(i));
    return out;
  }
}

/** The demo data set the app generates for FIXED_NOW, rebuilt in Node, with its activity. */
export interface DemoFacts {
  data: DemoData;
  /** The desk's branch (the demo's first) and its local date. */
  homeId: string;
  today: string;
  index: ActivityIndex;
  customers: Map<string, GeneratedCustomer>;
}

/**
 * The same generation the app's one-click demo performs for FIXED_NOW (renderer/src/features/
 * onboarding/demo.ts: the demo preset at the first branch's local date and minute), and the
 * activity of every pair computed by the shared engine as of that date.
 */
export function demoFacts(): DemoFacts {
  const nowMs = FIXED_NOW.getTime();
  const first = generateDemoData(demoOptions('demo')).branches[0];
  if (first === undefined) throw new Error('the demo has no branches');
  const clock = zoneClock(first.timezone);
  const today = formatDay(clock.localDay(nowMs));
  const data = generateDemoData(demoOptions('demo', { today, nowMinute: clock.localMinuteOfDay(nowMs) }));
  const index = buildActivityIndex(data, parseDay(today) ?? 0);
  return { data, homeId: first.id, today, index, customers: new Map(data.customers.map((c) => [c.id, c])) };
}
