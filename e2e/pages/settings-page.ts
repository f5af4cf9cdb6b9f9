import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  constructor(readonly page: Page) {}

  get branchForm(): Locator {
    return this.page.getByRole('form', { name: 'Branch settings' });
  }

  async choosePreset(preset: 'Barbershop' | 'Salon' | 'Venue' | 'Custom'): Promise<void> {
    await this.branchForm.getByRole('radio', { name: new RegExp(`^${preset}`) }).check();
  }

  async save(): Promise<void> {
    await this.branchForm.getByRole('button', { name: 'Save branch settings' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Branch settings saved' })).toBeVisible();
  }

  async resetLocalData(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reset local data…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Reset local data?' });
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
  }
}
