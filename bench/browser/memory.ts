/** ui.memory baseline: the same documents held as plain objects in an otherwise idle page. */
import { uiDataset } from './app-mode';

const kept: unknown[] = [];

export function holdDataset(customers: number, bookings: number): { customers: number; bookings: number } {
  const data = uiDataset(customers, bookings);
  kept.push(data.customers, data.bookings, data.branches);
  return { customers: data.customers.length, bookings: data.bookings.length };
}
