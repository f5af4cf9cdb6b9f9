import { expect, type Locator, type Page } from '@playwright/test';

/** Customers > Import CSV: pick the files, import, read the report. */
export class ImportDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Import / });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Import CSV' }).click();
    await expect(this.page.getByRole('dialog', { name: 'Import from CSV' })).toBeVisible();
  }

  async importFiles(files: { customers?: string; bookings?: string }): Promise<void> {
    const form = this.page.getByRole('dialog', { name: 'Import from CSV' });
    if (files.customers !== undefined) await form.getByLabel(/^Customers file/).setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(files.customers) });
    if (files.bookings !== undefined) await form.getByLabel(/^Bookings file/).setInputFiles({ name: 'bookings.csv', mimeType: 'text/csv', buffer: Buffer.from(files.bookings) });
    await form.getByRole('button', { name: 'Import' }).click();
    await expect(this.page.getByRole('dialog', { name: /^Import (finished|stopped)$/ })).toBeVisible();
  }

  get summary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  /** The report's rows: [file, line, column, problem]. */
  async problems(): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: 'Rows not imported' }).getByRole('row');
    const out: string[][] = [];
    for (let i = 1; i < (await rows.count()); i += 1) out.push((await rows.nth(i).getByRole('cell').allInnerTexts()).map((t) => t.trim()));
    return out;
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
