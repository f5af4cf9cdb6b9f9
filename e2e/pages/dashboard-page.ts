import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { BOOKINGS_CSV_HEADER, BRANCHES_CSV_HEADER, CUSTOMERS_CSV_HEADER, bookingCsvLine, branchCsvLine, customerCsvLine, type DemoData } from '../../shared/demo';
import type { BranchMetrics, MetricsReport } from '../../shared/engine/metrics';

/** The branch dashboard. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  metric(key: keyof BranchMetrics): Locator {
    return this.page.getByTestId(`metric-${key}`);
  }

  get headline(): Locator {
    return this.page.getByTestId('dashboard-headline');
  }

  get atRisk(): Locator {
    return this.page.getByRole('region', { name: 'At risk: call them back' });
  }

  get atRiskItems(): Locator {
    return this.atRisk.getByRole('list', { name: 'At-risk customers' }).getByRole('listitem');
  }

  get top(): Locator {
    return this.page.getByRole('region', { name: 'Top 10 by spend' });
  }

  async chooseBranch(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Branch' }).selectOption({ label });
  }

  /** Every figure card shows the metric as the CLI computed it (same rounding, formatted for people). */
  async expectMetrics(m: BranchMetrics): Promise<void> {
    const int = (n: number): string => n.toLocaleString('en');
    const money = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    for (const key of ['customers', 'new', 'active', 'win_back', 'at_risk', 'churned', 'new_customers_30d'] as const) {
      await expect(this.metric(key), key).toHaveText(int(m[key]));
    }
    await expect(this.metric('churn_rate')).toHaveText(`${(m.churn_rate * 100).toFixed(2)}%`);
    await expect(this.metric('avg_clv')).toHaveText(money.format(m.avg_clv));
    await expect(this.metric('avg_visits')).toHaveText(m.avg_visits.toFixed(2));
    await expect(this.headline).toHaveText(`${int(m.active + m.win_back)} active, ${int(m.at_risk)} at risk, ${int(m.churned)} churned`);
  }
}

/**
 * Runs the real CLI (`npm run --silent cli -- metrics`) on the data set written as the import
 * CSV files, and returns its report.
 */
export function cliMetrics(data: DemoData, asOf: string): MetricsReport {
  const dir = mkdtempSync(join(tmpdir(), 'branchdesk-e2e-'));
  try {
    const file = (name: string, header: string, lines: string[]): void => writeFileSync(join(dir, name), `${[header, ...lines].join('\n')}\n`);
    file('branches.csv', BRANCHES_CSV_HEADER, data.branches.map(branchCsvLine));
    file('customers.csv', CUSTOMERS_CSV_HEADER, data.customers.map(customerCsvLine));
    file('bookings.csv', BOOKINGS_CSV_HEADER, data.bookings.map(bookingCsvLine));
    const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'metrics', '--data', dir, '--as-of', asOf], { encoding: 'utf8', cwd: process.cwd() });
    return JSON.parse(out) as MetricsReport;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
