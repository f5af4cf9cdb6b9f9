/** The anchor element features a download needs (an HTMLAnchorElement has them all). */
export interface DownloadAnchor {
  href: string;
  download: string;
  rel: string;
  click(): void;
  remove(): void;
}

/** The browser features a download needs, passed in so tests can use small fakes. */
export interface DownloadEnvironment {
  createAnchor(): DownloadAnchor;
  attach(anchor: DownloadAnchor): void;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Runs `callback` later (setTimeout); the object URL must outlive the click that starts the download. */
  later(callback: () => void, ms: number): void;
}

/** How long the object URL of a download stays valid: long enough for a slow disk, then freed. */
export const OBJECT_URL_LIFETIME_MS = 60_000;

/** Starts a browser download of `content` (UTF-8) as `fileName` through a Blob and an `<a download>`. */
export function downloadTextFile(env: DownloadEnvironment, fileName: string, content: string, mimeType: string): void {
  const url = env.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const anchor = env.createAnchor();
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  env.attach(anchor);
  try {
    anchor.click();
  } finally {
    anchor.remove();
    env.later(() => env.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
  }
}

/** The DownloadEnvironment of a real page. */
export function browserDownloadEnvironment(doc: Document, win: Window): DownloadEnvironment {
  return {
    createAnchor: () => doc.createElement('a'),
    attach: (anchor) => doc.body.append(anchor as HTMLAnchorElement),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    later: (callback, ms) => void win.setTimeout(callback, ms),
  };
}
