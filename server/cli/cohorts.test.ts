import { describe, expect, it } from 'vitest';
import { cliInProcess as cli } from '../test-support/cli';

interface Report {
  as_of: string;
  branches: Record<string, { cohort: string; customers: number; retention: number[]; revenue_per_customer: number[] }[]>;
  all: { cohort: string; customers: number; retention: number[]; revenue_per_customer: number[] }[];
}

describe('cohorts command', () => {
  it('prints every branch and all, each cohort a row of the triangle up to the as-of month', async () => {
    const { code, stdout, stderr } = await cli('cohorts', '--data', 'fixtures/sample', '--as-of', '2026-03-01');
    expect([code, stderr]).toEqual([0, '']);
    const report = JSON.parse(stdout) as Report;
    expect(report.as_of).toBe('2026-03-01');
    expect(Object.keys(report.branches)).toEqual(['br-akl', 'br-london', 'br-manila', 'br-nyc']);
    for (const rows of [...Object.values(report.branches), report.all]) {
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        const [y, m] = r.cohort.split('-').map(Number) as [number, number];
        expect(r.retention).toHaveLength((2026 - y) * 12 + (3 - m) + 1);
        expect(r.retention[0]).toBe(1);
        expect(r.revenue_per_customer).toHaveLength(r.retention.length);
        for (let i = 1; i < r.revenue_per_customer.length; i += 1) expect(r.revenue_per_customer[i]).toBeGreaterThanOrEqual(r.revenue_per_customer[i - 1] as number);
      }
    }
  });

  it('bad input exits 2 naming the problem, nothing on stdout', async () => {
    const bad = await cli('cohorts', '--data', 'fixtures/sample', '--as-of', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/as-of/);
  });
});
