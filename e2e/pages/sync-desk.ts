import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { FIXED_NOW } from '../fixtures';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface DeskOptions {
  baseURL: string;
  timezoneId?: string;
  /** Window size (1440×900 unless given). */
  viewport?: { width: number; height: number };
  /** Console errors this desk is expected to log (e.g. the browser reporting a refused push). */
  allowedErrors?: RegExp[];
  /** The desk's fixed clock (FIXED_NOW unless given: a spec with a server acting on real time passes the real now). */
  now?: Date;
}

/**
 * One desk (or HQ browser) in its own browser context: its own IndexedDB replica and session, the
 * fixed test clock, and a record of console errors, page errors and CSP violations to check at
 * the end. Page-model methods for pairing and the sync indicator.
 */
/** What a browser logs while the server it talks to is being stopped: answered 503s, dropped connections. */
export const SERVER_GONE: readonly RegExp[] = [/status of 503/, /ERR_CONNECTION_REFUSED/, /ERR_CONNECTION_RESET/, /ERR_EMPTY_RESPONSE/, /ERR_CONNECTION_CLOSED/];

/**
 * Answers the protocol uses on purpose that Chromium would log as a failed resource and the desk
 * handles. None in normal operation: the desk pushes in dependency order (shared/sync/push-order.ts),
 * so a 409 (a pushed document naming one the server does not have yet — a booking before its
 * customer, messages before their campaign) fails a test here; a spec that provokes one on purpose
 * lists it in its desk's `allowedErrors`.
 */
export const HANDLED_ANSWERS: readonly RegExp[] = [];

export class SyncDesk {
  readonly problems: string[] = [];
  allowedErrors: RegExp[];
  /** Problems from this index on were logged after the server was stopped on purpose. */
  private serverGoneFrom = Number.POSITIVE_INFINITY;
  /** The token of the last enrolment this page made (HQ's is sealed in IndexedDB, not readable from storage). */
  private enrolledToken: string | null = null;

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
    options: DeskOptions,
  ) {
    this.allowedErrors = options.allowedErrors ?? [];
  }

  static async open(browser: Browser, name: string, options: DeskOptions): Promise<SyncDesk> {
    const context = await browser.newContext({ baseURL: options.baseURL, viewport: options.viewport ?? { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: options.timezoneId ?? 'Asia/Manila' });
    const page = await context.newPage();
    const desk = new SyncDesk(name, context, page, options);
    page.on('console', (m) => {
      if (m.type() === 'error') desk.problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => desk.problems.push(`page error: ${e.message}`));
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/enroll' && r.ok()) {
        void r
          .json()
          .then((body: { token?: unknown }) => {
            if (typeof body.token === 'string') desk.enrolledToken = body.token;
          })
          .catch(() => undefined);
      }
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
      });
    });
    await page.clock.setFixedTime(options.now ?? FIXED_NOW);
    await page.goto('/');
    await desk.waitReady();
    return desk;
  }

  async waitReady(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-app-ready', 'true', { timeout: 60_000 });
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitReady();
  }

  /** The test is about to stop the server: from now on the errors of SERVER_GONE are expected too. */
  serverStopping(): void {
    this.serverGoneFrom = Math.min(this.serverGoneFrom, this.problems.length);
  }

  /** Unexpected console errors, page errors and CSP violations so far. */
  async unexpectedProblems(): Promise<string[]> {
    const csp = await this.page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    const expected = (p: string, i: number): boolean => this.allowedErrors.some((r) => r.test(p)) || HANDLED_ANSWERS.some((r) => r.test(p)) || (i >= this.serverGoneFrom && SERVER_GONE.some((r) => r.test(p)));
    const errors = this.problems.filter((p, i) => !expected(p, i));
    return [...csp.map((v) => `CSP: ${v}`), ...errors].map((p) => `${this.name}: ${p}`);
  }

  get pairingForm(): Locator {
    return this.page.getByRole('form', { name: 'Pair with a server' });
  }

  async fillPairing(serverUrl: string, code: string): Promise<void> {
    await this.pairingForm.getByLabel('Server address').fill(serverUrl);
    await this.pairingForm.getByLabel('Enrolment code').fill(code);
  }

  /** Pairs from the Welcome screen's "Connect to your server" card or the Settings section. */
  async pairFromWelcome(serverUrl: string, code: string): Promise<void> {
    await this.fillPairing(serverUrl, code);
    await this.pairingForm.getByRole('button', { name: /^(Connect|Pair this desk)$/ }).click();
  }

  get status(): Locator {
    return this.page.getByRole('status', { name: 'Sync status' });
  }

  get statusLabel(): Locator {
    return this.status.getByTestId('sync-label');
  }

  get pending(): Locator {
    return this.status.getByTestId('sync-pending');
  }

  /** Synced, with nothing waiting to be sent. */
  async expectSynced(timeout = 30_000): Promise<void> {
    await expect(this.statusLabel).toHaveText(/^Synced at \d\d:\d\d$/, { timeout });
    await expect(this.pending).toHaveCount(0, { timeout });
  }

  async setOffline(offline: boolean): Promise<void> {
    await this.context.setOffline(offline);
  }

  /** The device token of this desk (web mode keeps it in sessionStorage), for API checks. */
  async deviceToken(): Promise<string> {
    const token = (await this.page.evaluate(() => sessionStorage.getItem('branchdesk.secret.device-token'))) ?? this.enrolledToken;
    if (token === null) throw new Error(`${this.name} has no device token`);
    return token;
  }

  async go(screen: 'Today' | 'Customers' | 'Dashboard' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: screen }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
  }

  /** Opens a customer's page through the Ctrl+K search. */
  async openCustomer(query: string, name: string | RegExp): Promise<void> {
    await this.page.keyboard.press('Control+k');
    const palette = this.page.getByRole('dialog', { name: 'Search customers' });
    await palette.getByRole('combobox', { name: 'Search customers' }).fill(query);
    await expect(palette.getByRole('option').first()).toBeVisible();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** The customer edit dialog of the open customer page. */
  async editCustomer(name: string | RegExp): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = this.page.getByRole('dialog', { name: typeof name === 'string' ? `Edit ${name}` : name });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** The open customer opts out of all marketing (the consent control on the customer's page). */
  async withdrawConsent(): Promise<void> {
    await this.page.getByRole('button', { name: 'Withdraw all marketing consent' }).click();
    await expect(this.page.getByText('No marketing consent', { exact: false }).first()).toBeVisible();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
