/**
 * The locale money and numbers are typed in: the desk's own (the OS language in Electron, the
 * browser's otherwise). "12,50" means 12.50 where that locale writes a decimal comma.
 */
export function inputLocale(): string {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  return nav?.languages?.[0] ?? nav?.language ?? 'en';
}
