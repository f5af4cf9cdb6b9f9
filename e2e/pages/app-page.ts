import { expect, type Locator, type Page } from '@playwright/test';

/** The app as a whole: start-up, navigation, the global search. */
export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens the app and waits until the replica is open and activity computed. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-ready', 'true', { timeout: 60_000 });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitReady();
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async go(screen: 'Today' | 'Customers' | 'Dashboard' | 'Settings'): Promise<void> {
    await this.nav.getByRole('link', { name: screen }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
  }

  get branchName(): Locator {
    return this.page.getByTestId('branch-name');
  }

  /** Ctrl+K search: types the query and opens the first match with Enter. */
  async searchAndOpen(query: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    const palette = this.page.getByRole('dialog', { name: 'Search customers' });
    await expect(palette).toBeVisible();
    await palette.getByRole('combobox', { name: 'Search customers' }).fill(query);
    await expect(palette.getByRole('option').first()).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
  }

  async toast(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }
}
