import { expect, type Locator, type Page } from '@playwright/test';

/** The campaign editor (audience preview, variants) and a queued campaign's page. */
export class CampaignPage {
  constructor(readonly page: Page) {}

  get form(): Locator {
    return this.page.getByRole('form', { name: 'Campaign' });
  }

  get audience(): Locator {
    return this.page.getByRole('region', { name: 'Audience' });
  }

  size(): Locator {
    return this.page.getByTestId('audience-size');
  }

  excluded(reason: 'no_consent' | 'no_address' | 'future_booking' | 'recently_messaged' | 'erased'): Locator {
    return this.page.getByTestId(`excluded-${reason}`);
  }

  group(key: string): Locator {
    return this.page.getByTestId(`group-${key}`);
  }

  async expectAudience(expected: { size: number; members: number; no_consent: number; no_address: number; future_booking: number; recently_messaged: number }): Promise<void> {
    const minus = (n: number): string => (n === 0 ? '0' : `−${n.toLocaleString('en')}`);
    await expect(this.size()).toHaveText(`${expected.size.toLocaleString('en')} ${expected.size === 1 ? 'customer' : 'customers'}`);
    await expect(this.page.getByTestId('audience-members')).toHaveText(expected.members.toLocaleString('en'));
    for (const r of ['no_consent', 'no_address', 'future_booking', 'recently_messaged'] as const) await expect(this.excluded(r)).toHaveText(minus(expected[r]));
  }

  message(key: string): Locator {
    return this.form.getByRole('textbox', { name: `Message ${key}` });
  }

  preview(key: string): Locator {
    return this.page.getByTestId(`preview-${key}`);
  }

  get queueButton(): Locator {
    return this.form.getByRole('button', { name: /^Queue \d[\d,]* messages?$/ });
  }

  get confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Queue / });
  }

  /** Queues from the confirm step: "Queue messages" on a paired desk, "Queue without sending" on one with no server. */
  async queue(): Promise<void> {
    await this.queueButton.click();
    await this.confirmDialog.getByRole('button', { name: /^Queue (messages|without sending)$/ }).click();
    await expect(this.page.getByRole('heading', { name: 'Delivery' })).toBeVisible();
  }

  /** The result card of a queued campaign. */
  get result(): Locator {
    return this.page.locator('section').filter({ has: this.page.getByRole('heading', { name: 'Result' }) });
  }

  delivery(status: string): Locator {
    return this.page.getByTestId(`delivery-${status}`);
  }
}
