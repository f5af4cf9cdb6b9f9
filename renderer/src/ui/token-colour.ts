/** A design token's colour (`--status-churned`, `--brand` …) so charts match the badges; `fallback` where the token is not set. */
export function tokenColour(name: string, fallback = '#6e7787'): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === '' ? fallback : value;
}
