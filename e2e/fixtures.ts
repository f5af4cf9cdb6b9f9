import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app-page';

/**
 * "Now" in every end-to-end test: Monday 2 March 2026, 14:30 in Manila (the browser's zone).
 * Date.now is fixed, timers keep running, so screens and statuses are the same on every run.
 */
export const FIXED_NOW = new Date('2026-03-02T06:30:00Z');

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export const test = base.extend<{ app: AppPage; problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      await use(problems);
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
      expect(problems, 'console errors and uncaught exceptions').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await page.clock.setFixedTime(FIXED_NOW);
    await use(new AppPage(page));
  },
});

export { expect };
