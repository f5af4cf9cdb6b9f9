/** Progress lines on stderr (stdout carries the table), with the time since the run started. */
const started = performance.now();

export function progress(message: string): void {
  const s = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${s} s] ${message}\n`);
}

/** Runs a step and logs how long it took. */
export async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  progress(`${label}…`);
  const out = await fn();
  progress(`${label}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

export function elapsedSeconds(): number {
  return (performance.now() - started) / 1000;
}
