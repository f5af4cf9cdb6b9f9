import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

/**
 * The layer rules of docs/DESIGN.md §6, proved through ESLint's Node API with the project's own
 * eslint.config.js: each forbidden import or global is an error at the path where it is written.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** Rule ids of the errors ESLint reports for `code` written at `filePath`. */
async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (result === undefined) throw new Error('ESLint returned no result');
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
}

const boundary = /^no-restricted-(imports|globals):/;

describe('shared/ is pure TypeScript', () => {
  const file = 'shared/engine/boundary-probe.ts';
  const cases: [string, string][] = [
    ['node:fs', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n"],
    ['fs', "import { readFileSync } from 'fs';\nexport const probe = readFileSync;\n"],
    ['path', "import { join } from 'path';\nexport const probe = join;\n"],
    ['react', "import { useState } from 'react';\nexport const probe = useState;\n"],
    ['rxdb', "import { createRxDatabase } from 'rxdb';\nexport const probe = createRxDatabase;\n"],
    ['../renderer/x', "import { x } from '../renderer/x';\nexport const probe = x;\n"],
    ['../../renderer/src/x', "import { x } from '../../renderer/src/x';\nexport const probe = x;\n"],
    ['../../server/cli/run', "import { run } from '../../server/cli/run';\nexport const probe = run;\n"],
    ['../../electron/main/index', "import * as m from '../../electron/main/index';\nexport const probe = m;\n"],
    ['window', 'export const probe = window.location.href;\n'],
    ['document', 'export const probe = document.title;\n'],
    ['process', 'export const probe = process.env.HOME;\n'],
    ['Buffer', "export const probe = Buffer.from('x');\n"],
  ];
  for (const [what, code] of cases) {
    it(`rejects ${what}`, async () => {
      const found = await errors(file, code);
      expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
    });
  }

  it('accepts imports inside shared/', async () => {
    expect(await errors(file, "import { parseDay } from '../time/calendar';\nexport const probe = parseDay;\n")).toEqual([]);
  });

  it('a test file next to the code may use Node', async () => {
    expect(await errors('shared/engine/boundary-probe.test.ts', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n")).toEqual([]);
  });
});

describe('server/ imports only shared/', () => {
  const file = 'server/cli/boundary-probe.ts';
  for (const [what, code] of [
    ['renderer code', "import { x } from '../../renderer/src/x';\nexport const probe = x;\n"],
    ['electron main code', "import * as m from '../../electron/main/index';\nexport const probe = m;\n"],
    ['electron', "import { app } from 'electron';\nexport const probe = app;\n"],
    ['react', "import { useState } from 'react';\nexport const probe = useState;\n"],
  ] as const) {
    it(`rejects ${what}`, async () => {
      const found = await errors(file, code);
      expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
    });
  }

  it('accepts shared/ and Node built-ins', async () => {
    expect(
      await errors(file, "import { readFile } from 'node:fs/promises';\nimport { parseDay } from '../../shared/time/calendar';\nexport const probe = [readFile, parseDay];\n"),
    ).toEqual([]);
  });
});

describe('electron/ never imports renderer or server code', () => {
  const file = 'electron/main/boundary-probe.ts';
  it('rejects renderer code', async () => {
    const found = await errors(file, "import { x } from '../../renderer/src/x';\nexport const probe = x;\n");
    expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
  });

  it('rejects server code', async () => {
    const found = await errors(file, "import { run } from '../../server/cli/run';\nexport const probe = run;\n");
    expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
  });

  it('accepts electron and shared/', async () => {
    expect(
      await errors(file, "import { app } from 'electron';\nimport { parseDay } from '../../shared/time/calendar';\nexport const probe = [app, parseDay];\n"),
    ).toEqual([]);
  });
});

describe('renderer/ reaches the desktop only through the preload bridge types', () => {
  const file = 'renderer/src/boundary-probe.ts';
  for (const [what, code] of [
    ['node:path', "import { join } from 'node:path';\nexport const probe = join;\n"],
    ['path', "import { join } from 'path';\nexport const probe = join;\n"],
    ['electron', "import { ipcRenderer } from 'electron';\nexport const probe = ipcRenderer;\n"],
    ['electron main code', "import * as m from '../../electron/main/index';\nexport const probe = m;\n"],
    ['server code', "import { run } from '../../server/cli/run';\nexport const probe = run;\n"],
  ] as const) {
    it(`rejects ${what}`, async () => {
      const found = await errors(file, code);
      expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
    });
  }

  it('accepts shared/ and browser globals', async () => {
    expect(
      await errors(
        'renderer/src/boundary-probe.tsx',
        "import { formatMoney } from '../../shared/money';\nexport const probe = [formatMoney, window.location.href];\n",
      ),
    ).toEqual([]);
  });
});

describe('renderer features use each other only through their public entry', () => {
  const file = 'renderer/src/features/customers/boundary-probe.tsx';
  for (const [what, code] of [
    ['a file inside another feature', "import { describeCriteria } from '../segments/criteria-text';\nexport const probe = describeCriteria;\n"],
    ['a file inside another feature, by a longer path', "import { describeCriteria } from '../../features/segments/criteria-text';\nexport const probe = describeCriteria;\n"],
  ] as const) {
    it(`rejects ${what}`, async () => {
      const found = await errors(file, code);
      expect(found.some((e) => boundary.test(e) && e.includes('public entry')), found.join('\n')).toBe(true);
    });
  }

  it('the app may not reach inside a feature either', async () => {
    const found = await errors('renderer/src/app/boundary-probe.tsx', "import { TodayScreen } from '../features/today/TodayScreen';\nexport const probe = TodayScreen;\n");
    expect(found.some((e) => boundary.test(e) && e.includes('public entry')), found.join('\n')).toBe(true);
  });

  it('accepts another feature\u2019s entries (index and model) and its own files', async () => {
    expect(
      await errors(file, "import { describeCriteria } from '../segments';\nimport { viewContextOf } from '../segments/model';\nimport { shortDate } from './display';\nexport const probe = [describeCriteria, viewContextOf, shortDate];\n"),
    ).toEqual([]);
  });

  it('keeps a feature\u2019s model entry pure: no React, no screen, no platform bridge', async () => {
    for (const code of [
      "import { useState } from 'react';\nexport const probe = useState;\n",
      "export { CustomersScreen } from './CustomersScreen';\n",
      "import { platform } from '../../platform/bridge';\nexport const probe = platform;\n",
    ]) {
      const found = await errors('renderer/src/features/customers/model.ts', code);
      expect(found.some((e) => boundary.test(e) && e.includes('pure entry')), `${code}\n${found.join('\n')}`).toBe(true);
    }
  });
});

describe('boundaries inside shared/ and server/', () => {
  it('shared/domain/ does not import shared/insights/', async () => {
    const found = await errors('shared/domain/boundary-probe.ts', "import { audienceOf } from '../insights/audience';\nexport const probe = audienceOf;\n");
    expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
  });

  it('shared/insights/ may import shared/domain/', async () => {
    expect(await errors('shared/insights/boundary-probe.ts', "import { criteria } from '../domain/criteria';\nexport const probe = criteria;\n")).toEqual([]);
  });

  it('server/http/ does not import server/cli/', async () => {
    const found = await errors('server/http/routes/boundary-probe.ts', "import { run } from '../../cli/run';\nexport const probe = run;\n");
    expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
  });

  it('server/store/ does not import server/sync/', async () => {
    const found = await errors('server/store/boundary-probe.ts', "import { pushRows } from '../sync/push';\nexport const probe = pushRows;\n");
    expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
  });

  it('server/store/ does not import server/services/', async () => {
    const found = await errors('server/store/boundary-probe.ts', "import { refreshPairs } from '../services/projection';\nexport const probe = refreshPairs;\n");
    expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
  });

  it('server/store/ may import shared/sync/', async () => {
    expect(await errors('server/store/boundary-probe.ts', "import { mergeDocuments } from '../../shared/sync/merge';\nexport const probe = mergeDocuments;\n")).toEqual([]);
  });
});

describe('electron/ has no DOM', () => {
  for (const [what, code] of [
    ['document in the main process', 'export const probe = document.title;\n'],
    ['window in the main process', 'export const probe = window.location.href;\n'],
    ['localStorage in the main process', "export const probe = localStorage.getItem('x');\n"],
  ] as const) {
    it(`rejects ${what}`, async () => {
      const found = await errors('electron/main/boundary-probe.ts', code);
      expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
    });
  }

  it('rejects the DOM in the preload script too', async () => {
    const found = await errors('electron/preload/boundary-probe.ts', 'export const probe = document.body;\n');
    expect(found.some((e) => boundary.test(e)), found.join('\n')).toBe(true);
  });
});
