import type { Locator } from '@playwright/test';

export interface CustomerDetails {
  name: string;
  phone?: string;
  email?: string;
  birthday?: string;
  tags?: string;
  consent?: boolean;
  contact?: 'No preference' | 'Text message (SMS)' | 'Email' | 'App notification';
}

/** The customer registration form wherever it appears (walk-in, new booking, customers). */
export class CustomerFormModel {
  constructor(readonly root: Locator) {}

  async fill(details: CustomerDetails): Promise<void> {
    await this.root.getByLabel('Full name').fill(details.name);
    if (details.phone !== undefined) await this.root.getByLabel('Phone').fill(details.phone);
    if (details.email !== undefined) await this.root.getByLabel('Email').fill(details.email);
    if (details.birthday !== undefined) await this.root.getByLabel('Birthday').fill(details.birthday);
    if (details.contact !== undefined) await this.root.getByLabel('Preferred contact').selectOption({ label: details.contact });
    if (details.consent) await this.root.getByRole('checkbox', { name: /Agrees to receive offers/ }).check();
    if (details.tags !== undefined) await this.root.getByLabel('Tags').fill(details.tags);
  }

  /** A control by its label (optional fields are labelled "Phone (optional)"). */
  field(label: string): Locator {
    return this.root.getByLabel(new RegExp(`^${label}( \\(optional\\))?$`));
  }

  async submit(label: RegExp | string = /Register/): Promise<void> {
    await this.root.getByRole('button', { name: label }).click();
  }
}
