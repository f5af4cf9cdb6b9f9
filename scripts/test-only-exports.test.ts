import { beforeAll, describe, expect, it } from 'vitest';
import { findTestOnlyExports } from './test-only-exports';

/**
 * Exports of product code that only tests use (scripts/test-only-exports.ts): none may appear
 * (issue 9 made the last of them private, moved or removed).
 */

/** A probe: one module used by product code and a test, one export only a test (through a barrel) uses. */
const PROBE = {
  'shared/zz-probe/lib.ts': 'export const usedByProduct = 1;\nexport const onlyTested = 2;\nexport function alsoInside(): number { return onlyTested; }\n',
  'shared/zz-probe/index.ts': "export { usedByProduct, onlyTested, alsoInside } from './lib';\n",
  'shared/zz-probe/app.ts': "import { usedByProduct, alsoInside } from './index';\nexport const total = usedByProduct + alsoInside();\n",
  'shared/zz-probe/lib.test.ts': "import { onlyTested, usedByProduct } from './index';\nimport { total } from './app';\nexport const seen = [onlyTested, usedByProduct, total];\n",
};

describe('test-only exports', () => {
  let found: ReturnType<typeof findTestOnlyExports> = [];
  let names: string[] = [];
  beforeAll(() => {
    found = findTestOnlyExports(PROBE);
    names = found.map((f) => `${f.file}: ${f.name}`);
  });

  it('finds an export only a test uses, through a barrel, and not one product code uses', () => {
    expect(found.filter((f) => f.file.startsWith('shared/zz-probe/'))).toEqual([
      { file: 'shared/zz-probe/lib.ts', name: 'onlyTested', usedBy: ['shared/zz-probe/lib.test.ts'] },
      // `total` is used by a test only, too: app.ts is product code.
      { file: 'shared/zz-probe/app.ts', name: 'total', usedBy: ['shared/zz-probe/lib.test.ts'] },
    ].sort((a, b) => a.file.localeCompare(b.file)));
  });

  it('finds no new one (test through the public function, or move the code where it belongs)', () => {
    expect(names.filter((n) => !n.startsWith('shared/zz-probe/'))).toEqual([]);
  });
});
