import { expect, type Locator, type Page } from '@playwright/test';

/** The Segments screen: the builder, saved segments, the charts and lists. */
export class SegmentsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();
  }

  get builder(): Locator {
    return this.page.getByRole('form', { name: 'Segment filters' });
  }

  get count(): Locator {
    return this.page.getByTestId('segment-count');
  }

  /** A status, tier or tag toggle of the builder. */
  toggle(group: 'Status' | 'Spending tier' | 'Visit frequency' | 'Tags (any of)', label: string): Locator {
    return this.builder.getByRole('group', { name: group }).getByRole('checkbox', { name: label, exact: true });
  }

  async expectCount(n: number): Promise<void> {
    await expect(this.count).toHaveText(`${n.toLocaleString('en')} ${n === 1 ? 'customer matches' : 'customers match'}`);
  }

  async save(name: string): Promise<void> {
    await this.builder.getByLabel('Segment name').fill(name);
    await this.builder.getByRole('button', { name: /^Save (segment|changes)$/ }).click();
    await expect(this.saved(name)).toBeVisible();
  }

  get savedList(): Locator {
    return this.page.getByRole('list', { name: 'Saved segments' });
  }

  saved(name: string): Locator {
    return this.savedList.getByRole('listitem', { name });
  }

  savedCount(name: string): Locator {
    return this.saved(name).getByTestId('saved-segment-count');
  }
}
