import { expect, type Locator, type Page } from '@playwright/test';

export class WelcomePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { name: 'Welcome to your front desk' });
  }

  get setupForm(): Locator {
    return this.page.getByRole('form', { name: 'Set up your branch' });
  }

  async setUpBranch(options: { name: string; timezone?: string; country?: string; preset?: 'Barbershop' | 'Salon' | 'Venue'; currency?: string }): Promise<void> {
    const form = this.setupForm;
    await form.getByLabel('Branch name').fill(options.name);
    if (options.timezone) await form.getByLabel('Time zone').selectOption(options.timezone);
    if (options.country) await form.getByLabel('Country for phone numbers').selectOption(options.country);
    if (options.currency !== undefined) await form.getByLabel('Currency').selectOption(options.currency);
    if (options.preset) await form.getByRole('radio', { name: new RegExp(`^${options.preset}`) }).check();
    await form.getByRole('button', { name: 'Create branch' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  }

  async loadDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Load demo data' }).click();
    await expect(this.page.getByRole('progressbar', { name: 'Loading demo data' })).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible({ timeout: 120_000 });
  }
}
