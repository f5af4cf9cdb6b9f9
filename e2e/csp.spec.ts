import { expect, test } from './fixtures';

test('the production build runs under a strict CSP (no eval, no inline script) and validation still works', async ({ app, page, problems }) => {
  await app.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');

  // The policy is enforced in this page: an injected inline script is refused and reported.
  // (Every test also fails on any CSP violation, so an eval anywhere in the bundle would show.)
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    const reported = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }),
    );
    document.head.append(script);
    return { directive: await reported, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(ran).toEqual({ directive: 'script-src-elem', ran: false });
  // That refusal was ours: clear it so the fixture checks the rest of the run.
  await page.evaluate(() => {
    window.__cspViolations = [];
  });
  problems.length = 0;

  // … and the replica still validates documents (interpretive TypeBox, no compiled validators):
  // setting up a branch writes a validated document, and the app keeps working.
  await page.getByRole('form', { name: 'Set up your branch' }).getByLabel('Branch name').fill('CSP Check');
  await page.getByRole('button', { name: 'Create branch' }).click();
  await expect(app.branchName).toHaveText('CSP Check');
});
