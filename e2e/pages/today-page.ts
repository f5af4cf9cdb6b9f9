import { expect, type Locator, type Page } from '@playwright/test';
import { CustomerFormModel, type CustomerDetails } from './customer-form';

export interface BookingDetails {
  service: string;
  staff?: string;
  date?: string;
  time?: string;
  duration?: string;
  price?: string;
}

/** Agenda scale (Agenda.tsx). */
const PX_PER_MINUTE = 1.6;

export class TodayPage {
  constructor(readonly page: Page) {}

  get agenda(): Locator {
    return this.page.getByRole('region', { name: /^Bookings on / });
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Booking details' });
  }

  /** A booking block in the agenda, by customer name (its accessible name starts with the time). */
  booking(customerName: string): Locator {
    return this.agenda.getByRole('button', { name: new RegExp(`, ${customerName},`) });
  }

  async select(customerName: string): Promise<void> {
    await this.booking(customerName).first().click();
    await expect(this.panel.getByRole('heading', { name: customerName })).toBeVisible();
  }

  async fillBooking(dialog: Locator, details: BookingDetails): Promise<void> {
    if (details.date !== undefined) await dialog.getByLabel('Date').fill(details.date);
    if (details.time !== undefined) await dialog.getByLabel('Time').fill(details.time);
    await dialog.getByLabel('Service').fill(details.service);
    if (details.staff !== undefined) await dialog.getByLabel('Staff').fill(details.staff);
    if (details.duration !== undefined) await dialog.getByLabel('Duration (minutes)').fill(details.duration);
    if (details.price !== undefined) await dialog.getByLabel('Price').fill(details.price);
  }

  /** New booking for a customer found by search, or registered in the dialog. */
  async newBooking(customer: { search: string } | { register: CustomerDetails }, details: BookingDetails): Promise<void> {
    await this.page.getByRole('button', { name: 'New booking' }).first().click();
    let dialog = this.page.getByRole('dialog', { name: 'New booking' });
    await expect(dialog).toBeVisible();
    if ('search' in customer) {
      await dialog.getByRole('combobox', { name: 'Customer' }).fill(customer.search);
      await dialog.getByRole('option').first().click();
    } else {
      await dialog.getByRole('button', { name: 'Register new customer' }).click();
      const register = this.page.getByRole('dialog', { name: 'Register a new customer' });
      const form = new CustomerFormModel(register);
      await form.fill(customer.register);
      await form.submit('Register and continue');
      dialog = this.page.getByRole('dialog', { name: 'New booking' });
      await expect(dialog.getByText(customer.register.name)).toBeVisible();
    }
    await this.fillBooking(dialog, details);
    await dialog.getByRole('button', { name: 'Save booking' }).click();
    // A booking in the past is asked about once ("Book anyway"): answer it, the helper books.
    const past = dialog.getByRole('status').filter({ hasText: 'This booking starts in the past' });
    const settled = await Promise.race([
      dialog.waitFor({ state: 'hidden' }).then(
        () => 'saved' as const,
        () => 'saved' as const,
      ),
      past.waitFor({ state: 'visible' }).then(
        () => 'past' as const,
        () => 'saved' as const,
      ),
    ]);
    if (settled === 'past') await dialog.getByRole('button', { name: 'Book anyway' }).click();
    await expect(dialog).toBeHidden();
  }

  async walkIn(search: string, details: BookingDetails): Promise<void> {
    await this.page.getByRole('button', { name: 'Walk-in' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Walk-in' });
    await dialog.getByRole('combobox', { name: 'Who is it?' }).fill(search);
    await dialog.getByRole('option').first().click();
    await this.fillBooking(dialog, details);
    await dialog.getByRole('button', { name: 'Check in walk-in' }).click();
    await expect(dialog).toBeHidden();
  }

  async checkIn(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Check in' }).click();
    await expect(this.panel.getByText('Checked in', { exact: true })).toBeVisible();
  }

  async complete(price?: string): Promise<void> {
    await this.panel.getByRole('button', { name: 'Complete…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Complete .* visit$/ });
    if (price !== undefined) await dialog.getByLabel('Price', { exact: true }).fill(price);
    await dialog.getByRole('button', { name: 'Complete visit' }).click();
    // A final price far from the booked one is asked about once: the helper completes anyway.
    const far = dialog.getByRole('status').filter({ hasText: 'is far from the booked' });
    const settled = await Promise.race([
      dialog.waitFor({ state: 'hidden' }).then(
        () => 'saved' as const,
        () => 'saved' as const,
      ),
      far.waitFor({ state: 'visible' }).then(
        () => 'far' as const,
        () => 'saved' as const,
      ),
    ]);
    if (settled === 'far') await dialog.getByRole('button', { name: 'Complete anyway' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.panel.getByText('Completed', { exact: true })).toBeVisible();
  }

  /**
   * Drags a booking card with the mouse (HTML5 drag and drop) to a staff column at a local time.
   * `gridFrom` is the minute the agenda's grid starts at (09:00 unless a booking is earlier);
   * the card is grabbed 10 px below its top edge, so its top lands on `minute`.
   */
  async dragBooking(customerName: string, staffColumn: string, minute: number, gridFrom = 9 * 60): Promise<void> {
    const card = this.booking(customerName).first();
    const column = this.agenda.getByRole('region', { name: `${staffColumn}'s bookings` });
    const scroller = this.agenda.locator('.agenda');
    const targetTop = (minute - gridFrom) * PX_PER_MINUTE;
    await card.scrollIntoViewIfNeeded();
    const from = await card.boundingBox();
    if (from === null) throw new Error(`no booking card for ${customerName} on screen`);
    await this.page.mouse.move(from.x + 20, from.y + 10);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 24, from.y + 16, { steps: 2 });
    // Mid-drag, scroll the agenda so the target time is in view, as a person would.
    await scroller.evaluate((el, top) => (el.scrollTop = Math.max(0, top - 60)), targetTop);
    const to = await column.boundingBox();
    if (to === null) throw new Error(`no column for ${staffColumn}`);
    await this.page.mouse.move(to.x + 40, to.y + targetTop + 10, { steps: 8 });
    await this.page.mouse.up();
  }

  async goToDay(direction: 'Previous day' | 'Next day', times = 1): Promise<void> {
    for (let i = 0; i < times; i += 1) await this.page.getByRole('button', { name: direction }).click();
  }
}
