import { expect, type Locator, type Page } from '@playwright/test';

export interface ServiceDetails {
  name: string;
  category?: string;
  duration: string;
  price: string;
  priceMax?: string;
}

export interface DayHours {
  works?: boolean;
  from?: string;
  to?: string;
  breaks?: string;
}

/** Settings' "Service menu" and "Staff and hours" sections and their dialogs. */
export class MenuSettings {
  constructor(readonly page: Page) {}

  get services(): Locator {
    return this.page.getByRole('region', { name: 'Service menu' });
  }

  get staff(): Locator {
    return this.page.getByRole('region', { name: 'Staff and hours' });
  }

  serviceRow(name: string): Locator {
    return this.services.getByRole('table', { name: 'Services' }).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  }

  get serviceDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(New service|Edit .*)$/ });
  }

  async fillService(d: Partial<ServiceDetails>): Promise<void> {
    const dialog = this.serviceDialog;
    if (d.name !== undefined) await dialog.getByLabel('Service name').fill(d.name);
    if (d.category !== undefined) await dialog.getByLabel('Category').fill(d.category);
    if (d.duration !== undefined) await dialog.getByLabel('Duration (minutes)').fill(d.duration);
    if (d.price !== undefined) await dialog.getByLabel('Price', { exact: true }).fill(d.price);
    if (d.priceMax !== undefined) await dialog.getByLabel('Price up to').fill(d.priceMax);
  }

  async addService(d: ServiceDetails): Promise<void> {
    await this.services.getByRole('button', { name: 'Add service…' }).click();
    await expect(this.serviceDialog.getByLabel('Service name')).toBeFocused();
    await this.fillService(d);
    await this.serviceDialog.getByRole('button', { name: 'Save service' }).click();
    await expect(this.serviceDialog).toBeHidden();
    await expect(this.serviceRow(d.name)).toBeVisible();
  }

  get staffDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^(New staff member|Edit .*)$/ });
  }

  async fillDay(day: string, h: DayHours): Promise<void> {
    const dialog = this.staffDialog;
    if (h.works !== undefined) await dialog.getByRole('checkbox', { name: `Works on ${day}` }).setChecked(h.works);
    if (h.from !== undefined) await dialog.getByLabel(`${day} from`).fill(h.from);
    if (h.to !== undefined) await dialog.getByLabel(`${day} to`).fill(h.to);
    if (h.breaks !== undefined) await dialog.getByLabel(`${day} breaks`).fill(h.breaks);
  }

  /** Adds a staff member with the default week, changed on the days given. */
  async addStaff(name: string, days: Record<string, DayHours> = {}): Promise<void> {
    await this.staff.getByRole('button', { name: 'Add staff member…' }).click();
    await expect(this.staffDialog.getByLabel('Name')).toBeFocused();
    await this.staffDialog.getByLabel('Name').fill(name);
    for (const [day, h] of Object.entries(days)) await this.fillDay(day, h);
    await this.staffDialog.getByRole('button', { name: 'Save staff member' }).click();
    await expect(this.staffDialog).toBeHidden();
    await expect(this.staff.getByRole('list', { name: 'Staff' }).getByText(name, { exact: true })).toBeVisible();
  }
}
