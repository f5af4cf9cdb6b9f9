import type { Locator, Page } from '@playwright/test';

/** Scrolls the app's main area (not the whole document) so `target` sits at the top, for screenshots. */
export async function scrollMainTo(target: Locator): Promise<void> {
  await target.evaluate((el) => {
    const main = document.querySelector('main');
    if (main === null) return;
    main.scrollTo(0, main.scrollTop + el.getBoundingClientRect().top - main.getBoundingClientRect().top - 16);
  });
}

/** Closes every toast on screen (they would cover screenshots). */
export async function dismissToasts(page: Page): Promise<void> {
  const buttons = page.getByRole('status').getByRole('button', { name: 'Dismiss' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}
