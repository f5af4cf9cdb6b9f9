/**
 * The desktop bridge contract (docs/DESIGN.md §1): the one typed object the preload exposes as
 * `window.branchdesk`, its IPC channel names, and the validators the main process applies to
 * every argument (each arrives as `unknown`). Pure TypeScript: no Electron, no DOM, no Node.
 *
 * The renderer's browser fallbacks (renderer/src/platform) apply the same validators, so a bad
 * call fails the same way on the desktop and in web mode.
 */

/** Name of the global the preload exposes (`window.branchdesk`). */
export const BRIDGE_GLOBAL = 'branchdesk';

/** `{ demo: true }` when the desktop app was started with `--demo` (web: `?demo=1`). */
export interface LaunchOptions {
  demo: boolean;
}

/** A text file to save: the user picks the place, `suggestedName` is the proposed file name. */
export interface SaveFileRequest {
  suggestedName: string;
  content: string;
}

/** `saved: false` when the user cancelled. `path` is known on the desktop only. */
export interface SaveFileResult {
  saved: boolean;
  path?: string;
}

export interface NotifyRequest {
  title: string;
  body: string;
}

/** The only keys the secret store accepts (values are encrypted with the OS keychain). */
export const SECRET_KEYS = ['device-token', 'organisation-secret'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/**
 * How long a secret is kept: `session` — in a browser, until it closes (a front desk's token,
 * issue 3); `lasting` — across restarts until it is deleted (HQ's sign-in, issue 12). The
 * desktop's OS keychain keeps every secret lasting, as it always has.
 */
export const SECRET_LIFETIMES = ['session', 'lasting'] as const;
export type SecretLifetime = (typeof SECRET_LIFETIMES)[number];

/** What the renderer can ask of the desktop. Every method returns a promise (IPC is async). */
export interface BranchdeskBridge {
  readonly app: {
    version(): Promise<string>;
    launchOptions(): Promise<LaunchOptions>;
  };
  readonly files: {
    /** Save dialog + atomic UTF-8 write (desktop); a download (browser). */
    saveCsv(request: SaveFileRequest): Promise<SaveFileResult>;
    saveJson(request: SaveFileRequest): Promise<SaveFileResult>;
  };
  /** Shows an OS notification; resolves false when notifications are unavailable or not allowed. */
  notify(request: NotifyRequest): Promise<boolean>;
  readonly secrets: {
    /** The stored value, or null when there is none. */
    get(key: SecretKey): Promise<string | null>;
    set(key: SecretKey, value: string, lifetime: SecretLifetime): Promise<void>;
    delete(key: SecretKey): Promise<void>;
  };
}

/** Arguments and result of every channel, keyed by channel name. */
export interface IpcContract {
  'app:version': { args: []; result: string };
  'app:launch-options': { args: []; result: LaunchOptions };
  'files:save-csv': { args: [SaveFileRequest]; result: SaveFileResult };
  'files:save-json': { args: [SaveFileRequest]; result: SaveFileResult };
  notify: { args: [NotifyRequest]; result: boolean };
  'secrets:get': { args: [SecretKey]; result: string | null };
  'secrets:set': { args: [SecretKey, string, SecretLifetime]; result: undefined };
  'secrets:delete': { args: [SecretKey]; result: undefined };
}

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = IpcContract[C]['args'];
export type IpcResult<C extends IpcChannel> = IpcContract[C]['result'];

/** Channel names by bridge method (one `ipcMain.handle` per channel). */
export const IPC_CHANNELS = {
  appVersion: 'app:version',
  appLaunchOptions: 'app:launch-options',
  filesSaveCsv: 'files:save-csv',
  filesSaveJson: 'files:save-json',
  notify: 'notify',
  secretsGet: 'secrets:get',
  secretsSet: 'secrets:set',
  secretsDelete: 'secrets:delete',
} as const satisfies Record<string, IpcChannel>;

/** The bridge method behind each channel, for error messages. */
export const IPC_METHOD_NAMES: Readonly<Record<IpcChannel, string>> = {
  'app:version': 'app.version',
  'app:launch-options': 'app.launchOptions',
  'files:save-csv': 'files.saveCsv',
  'files:save-json': 'files.saveJson',
  notify: 'notify',
  'secrets:get': 'secrets.get',
  'secrets:set': 'secrets.set',
  'secrets:delete': 'secrets.delete',
};

/** Limits (UTF-16 code units, i.e. JavaScript string length). */
const LIMITS = {
  fileName: 200,
  csvContent: 128 * 1024 * 1024,
  jsonContent: 32 * 1024 * 1024,
  notificationTitle: 200,
  notificationBody: 2000,
  secretValue: 8192,
} as const;

/** A bridge call with a malformed argument. The message names the method and the argument. */
class BridgeArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeArgumentError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

function fail(method: string, message: string): never {
  throw new BridgeArgumentError(`${method}: ${message}`);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The object argument `name` of `method`, with exactly the `allowed` keys (extra keys are refused). */
function record(method: string, name: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!isPlainRecord(value)) fail(method, `${name} must be an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) fail(method, `${name} has an unexpected property "${key}"`);
  }
  return value;
}

function string(method: string, name: string, value: unknown, max: number, allowEmpty: boolean): string {
  if (typeof value !== 'string') fail(method, `${name} must be a string, got ${describe(value)}`);
  if (!allowEmpty && value.trim() === '') fail(method, `${name} must not be empty`);
  if (value.length > max) fail(method, `${name} is too long (${value.length} characters, at most ${max})`);
  return value;
}

function argumentCount(method: string, args: readonly unknown[], expected: number): void {
  if (args.length !== expected) {
    fail(method, `expected ${expected} argument${expected === 1 ? '' : 's'}, got ${args.length}`);
  }
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const FORBIDDEN_NAME_CHARS = /[\u0000-\u001f\u007f/\\<>:"|?*]/;

/**
 * A file name proposed to the save dialog: a bare name (no folder), ending in `extension`
 * (`.csv`), with something before the extension, no characters that are path separators or
 * invalid on Windows, no leading dot and no trailing space or dot.
 */
function parseFileName(method: string, value: unknown, extension: '.csv' | '.json'): string {
  const name = string(method, 'suggestedName', value, LIMITS.fileName, false);
  const bad = FORBIDDEN_NAME_CHARS.exec(name);
  if (bad !== null) {
    const shown = bad[0] === '/' || bad[0] === '\\' ? `path separator "${bad[0]}"` : `character ${JSON.stringify(bad[0])}`;
    fail(method, `suggestedName must be a file name without folders or special characters; it contains ${shown}`);
  }
  if (!name.toLowerCase().endsWith(extension) || name.length === extension.length) {
    fail(method, `suggestedName must be a file name ending in "${extension}", got ${describe(name)}`);
  }
  if (name.startsWith('.') || name !== name.trim()) {
    fail(method, `suggestedName must not start with a dot or start or end with spaces, got ${describe(name)}`);
  }
  return name;
}

/** The argument of `files.saveCsv` / `files.saveJson`. JSON content must parse. */
function parseSaveFileRequest(method: string, value: unknown, kind: 'csv' | 'json'): SaveFileRequest {
  const request = record(method, 'the request', value, ['suggestedName', 'content']);
  const suggestedName = parseFileName(method, request.suggestedName, kind === 'csv' ? '.csv' : '.json');
  const max = kind === 'csv' ? LIMITS.csvContent : LIMITS.jsonContent;
  const content = string(method, 'content', request.content, max, true);
  if (kind === 'json') {
    try {
      JSON.parse(content);
    } catch (error) {
      fail(method, `content is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  return { suggestedName, content };
}

/** The argument of `notify`: a non-empty title and a (possibly empty) body. */
function parseNotifyRequest(method: string, value: unknown): NotifyRequest {
  const request = record(method, 'the request', value, ['title', 'body']);
  return {
    title: string(method, 'title', request.title, LIMITS.notificationTitle, false),
    body: string(method, 'body', request.body, LIMITS.notificationBody, true),
  };
}

export function isSecretKey(value: unknown): value is SecretKey {
  return typeof value === 'string' && (SECRET_KEYS as readonly string[]).includes(value);
}

/** A key of the secret store: one of SECRET_KEYS. */
function parseSecretKey(method: string, value: unknown): SecretKey {
  if (!isSecretKey(value)) {
    fail(method, `key must be one of ${SECRET_KEYS.map((k) => `"${k}"`).join(', ')}, got ${describe(value)}`);
  }
  return value;
}

/** A value for the secret store: a non-empty string of bounded length. */
function parseSecretValue(method: string, value: unknown): string {
  return string(method, 'value', value, LIMITS.secretValue, false);
}

function parseSecretLifetime(method: string, value: unknown): SecretLifetime {
  if (!SECRET_LIFETIMES.some((l) => l === value)) fail(method, `lifetime must be one of ${SECRET_LIFETIMES.map((l) => `"${l}"`).join(', ')}, got ${describe(value)}`);
  return value as SecretLifetime;
}

type ArgumentParsers = { readonly [C in IpcChannel]: (args: readonly unknown[]) => IpcArgs<C> };

/**
 * The argument parser of every channel: takes the raw IPC arguments, returns them typed or throws
 * a BridgeArgumentError naming the method and the argument.
 */
export const IPC_ARGUMENT_PARSERS: ArgumentParsers = {
  'app:version': (args) => {
    argumentCount('app.version', args, 0);
    return [];
  },
  'app:launch-options': (args) => {
    argumentCount('app.launchOptions', args, 0);
    return [];
  },
  'files:save-csv': (args) => {
    argumentCount('files.saveCsv', args, 1);
    return [parseSaveFileRequest('files.saveCsv', args[0], 'csv')];
  },
  'files:save-json': (args) => {
    argumentCount('files.saveJson', args, 1);
    return [parseSaveFileRequest('files.saveJson', args[0], 'json')];
  },
  notify: (args) => {
    argumentCount('notify', args, 1);
    return [parseNotifyRequest('notify', args[0])];
  },
  'secrets:get': (args) => {
    argumentCount('secrets.get', args, 1);
    return [parseSecretKey('secrets.get', args[0])];
  },
  'secrets:set': (args) => {
    argumentCount('secrets.set', args, 3);
    return [parseSecretKey('secrets.set', args[0]), parseSecretValue('secrets.set', args[1]), parseSecretLifetime('secrets.set', args[2])];
  },
  'secrets:delete': (args) => {
    argumentCount('secrets.delete', args, 1);
    return [parseSecretKey('secrets.delete', args[0])];
  },
};

/** Every channel, for registration loops and tests. */
export const ALL_IPC_CHANNELS = Object.keys(IPC_ARGUMENT_PARSERS) as IpcChannel[];
