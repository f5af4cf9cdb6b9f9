import { expect, type Locator, type Page } from '@playwright/test';

/** A customer's page: profile, tags, care, consent, referrals, privacy, analytics, history. */
export class ProfilePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get tags(): Locator {
    return this.page.getByRole('list', { name: 'Tags' }).getByRole('listitem');
  }

  async addTag(tag: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'New tag' }).fill(tag);
    await this.page.getByRole('button', { name: 'Add tag' }).click();
    await expect(this.tags.filter({ hasText: tag })).toHaveCount(1);
  }

  async removeTag(tag: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove tag ${tag}` }).click();
    await expect(this.tags.filter({ hasText: tag })).toHaveCount(0);
  }

  get care(): Locator {
    return this.page.getByRole('region', { name: 'Care and preferences' });
  }

  careFact(label: string): Locator {
    return this.care.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  }

  async editCare(values: Partial<Record<'Preferences' | 'Preferred staff' | 'Allergies and sensitivities' | 'Notes', string>>): Promise<void> {
    await this.care.getByRole('button', { name: 'Edit' }).click();
    const form = this.page.getByRole('form', { name: 'Edit care and preferences' });
    for (const [label, value] of Object.entries(values)) await form.getByRole('textbox', { name: new RegExp(`^${label}`) }).fill(value);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
  }

  async setFollowUp(date: string): Promise<void> {
    await this.care.getByLabel('Follow up on').fill(date);
    await this.care.getByRole('button', { name: 'Set' }).click();
  }

  consentSwitch(channel: 'Text messages (SMS)' | 'Email' | 'App notifications'): Locator {
    return this.page.getByRole('region', { name: 'Marketing consent' }).getByRole('switch', { name: channel });
  }

  consentState(channel: 'sms' | 'email' | 'push'): Locator {
    return this.page.getByTestId(`consent-${channel}`);
  }

  get history(): Locator {
    return this.page.getByRole('region', { name: 'History' });
  }

  /** Logs a contact through the dialog. */
  async logContact(contact: { channel?: string; purpose?: string; status?: string; message?: string }): Promise<void> {
    await this.history.getByRole('button', { name: 'Log a contact' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Log a contact' });
    if (contact.channel !== undefined) await dialog.getByLabel('Channel').selectOption({ label: contact.channel });
    if (contact.purpose !== undefined) await dialog.getByLabel('Purpose').fill(contact.purpose);
    if (contact.status !== undefined) await dialog.getByLabel('Status').selectOption({ label: contact.status });
    if (contact.message !== undefined) await dialog.getByLabel(/^What was said/).fill(contact.message);
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await expect(dialog).toBeHidden();
  }

  /** History lines (bookings and contacts) as rendered, newest first. */
  get historyEntries(): Locator {
    return this.history.getByRole('listitem');
  }

  get privacy(): Locator {
    return this.page.getByRole('region', { name: 'Privacy' });
  }

  async erase(): Promise<void> {
    await this.privacy.getByRole('button', { name: 'Erase customer…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Erase / });
    await dialog.getByLabel('Type ERASE to confirm').fill('ERASE');
    await dialog.getByRole('button', { name: 'Erase customer' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.heading).toHaveText('Erased customer');
  }
}
