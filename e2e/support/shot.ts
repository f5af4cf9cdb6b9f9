/**
 * Where the suite saves its screenshots. `npm test` keeps them with the other test output
 * (`test-results/screenshots`, not tracked) so a test run never changes the working tree;
 * `npm run screenshots` runs the suite with SCREENSHOTS_DIR=docs/screenshots to refresh the
 * README's pictures.
 */
export function shot(name: string): string {
  return `${process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots'}/${name}.png`;
}
