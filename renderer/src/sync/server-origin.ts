/**
 * Whether this page was served by a Branchdesk sync server (HQ opening the server's address in a
 * browser): its own origin answers `/health` as the server does. False on the desktop, in the
 * dev server or a static host (their `/health` is a page or a 404, never this JSON).
 */
export async function servedByServer(location: Pick<Location, 'protocol' | 'origin'>, fetcher: typeof fetch): Promise<boolean> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return false;
  try {
    // asked as a page would be, so a dev server or static host with an SPA fallback answers its
    // page (200, not a 404 the console would log); the sync server answers JSON whatever is asked
    const response = await fetcher(`${location.origin}/health`, { headers: { accept: 'text/html, application/json;q=0.9' } });
    if (!response.ok || !(response.headers.get('content-type') ?? '').includes('application/json')) return false;
    const body = (await response.json()) as unknown;
    return typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'ok' && typeof (body as { database?: unknown }).database === 'string';
  } catch {
    return false;
  }
}
