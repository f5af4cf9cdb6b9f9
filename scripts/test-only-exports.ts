/**
 * Exports of product code that only tests use. An export is part of a module's interface: when
 * nothing but a test imports it, the test is reaching past the public function (test through it),
 * or the code lives in the wrong place. Checked by `scripts/test-only-exports.test.ts`; run
 * `npx tsx scripts/test-only-exports.ts` to list them.
 *
 * How: one TypeScript program over every source file; each import (and `export … from`) is
 * resolved with the type checker to the declaration it finally names, through any barrel
 * (`index.ts`, `export *`). A namespace import or a dynamic `import()` uses every export of its
 * module. An export of a product file whose users (other than its own file) are all test code is
 * reported. Only values count: an exported type names what a public function takes or gives,
 * which is part of that function's interface even when only a test writes it down. Test code:
 * `*.test.ts(x)`, `*.spec.ts`, `e2e/`, and test-support modules (`test-support/`,
 * `*test-fixtures*`, the security tests' harness), whose exports exist for tests and are not
 * reported.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

const SOURCE_DIRS = ['shared', 'server', 'renderer', 'electron', 'scripts', 'bench', 'e2e'];
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'build', 'fixtures']);

function sourceFiles(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) sourceFiles(join(dir, entry.name), into);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      into.push(join(dir, entry.name));
    }
  }
  return into;
}

/** A path relative to the repository, with forward slashes. */
const rel = (file: string) => relative(ROOT, file).split(sep).join('/');

export function isTestCode(path: string): boolean {
  return /\.(test|spec)\.tsx?$/.test(path) || path.startsWith('e2e/') || isTestSupport(path);
}

/**
 * The security tests' harness (real server processes, raw HTTP, attack documents): modules of
 * tests, kept next to the attack tests that use them.
 */
const SECURITY_HARNESS = new Set([
  'server/security/attack-docs.ts',
  'server/security/backoff-bound.ts',
  'server/security/consent-who-attacks.ts',
  'server/security/harness.ts',
  'server/security/limits-harness.ts',
  'server/security/raw-http.ts',
]);

/** Modules that exist to serve tests: their exports are for tests by design. */
export function isTestSupport(path: string): boolean {
  return /(^|\/)test-support(\/|\.tsx?$|-)/.test(path) || /test-fixtures/.test(path) || /(^|\/)test-[\w-]+\.tsx?$/.test(path) || SECURITY_HARNESS.has(path);
}

export interface TestOnlyExport {
  /** The declaring file, relative to the repository. */
  file: string;
  name: string;
  /** Test files that import it. */
  usedBy: string[];
}

/**
 * Every test-only export of the repository. `extra` adds files (path relative to the repository →
 * text) to the program as if they were on disk: the check's own test proves it finds one.
 */
export function findTestOnlyExports(extra: Readonly<Record<string, string>> = {}): TestOnlyExport[] {
  const added = new Map(Object.entries(extra).map(([path, text]) => [join(ROOT, path), text]));
  const files = [...SOURCE_DIRS.flatMap((d) => sourceFiles(join(ROOT, d))), ...added.keys()];
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    allowJs: false,
    noEmit: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    esModuleInterop: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => added.get(name) ?? readFile(name);
  host.fileExists = (name) => added.has(name) || fileExists(name);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (name) => [...added.keys()].some((file) => file.startsWith(`${name}/`)) || (directoryExists?.(name) ?? true);
  host.getSourceFile = (name, language, onError, create) => {
    const text = added.get(name);
    return text === undefined ? getSourceFile(name, language, onError, create) : ts.createSourceFile(name, text, language);
  };
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  /** declaration file → export name → the files that use it. */
  const users = new Map<string, Map<string, Set<string>>>();
  const use = (file: string, name: string, by: string) => {
    let names = users.get(file);
    if (names === undefined) users.set(file, (names = new Map()));
    let set = names.get(name);
    if (set === undefined) names.set(name, (set = new Set()));
    set.add(by);
  };
  const original = (symbol: ts.Symbol): ts.Symbol => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const useSymbol = (symbol: ts.Symbol | undefined, by: string) => {
    if (symbol === undefined) return;
    const target = original(symbol);
    for (const declaration of target.declarations ?? []) {
      const file = rel(declaration.getSourceFile().fileName);
      if (!file.startsWith('..') && !file.startsWith('node_modules/')) use(file, target.name, by);
    }
  };
  const useModule = (specifier: ts.Expression, by: string) => {
    const module = checker.getSymbolAtLocation(specifier);
    if (module === undefined) return;
    for (const exported of checker.getExportsOfModule(module)) useSymbol(exported, by);
  };

  const product: ts.SourceFile[] = [];
  for (const source of program.getSourceFiles()) {
    const path = rel(source.fileName);
    if (path.startsWith('..') || path.startsWith('node_modules/')) continue;
    if (!isTestCode(path)) product.push(source);
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
        const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
        if (ts.isImportDeclaration(node)) {
          if (clause?.name !== undefined) useSymbol(checker.getSymbolAtLocation(clause.name), path);
          const bindings = clause?.namedBindings;
          if (bindings !== undefined && ts.isNamespaceImport(bindings)) useModule(node.moduleSpecifier, path);
          else if (bindings !== undefined) for (const element of bindings.elements) useSymbol(checker.getSymbolAtLocation(element.name), path);
        } else if (node.exportClause === undefined) {
          useModule(node.moduleSpecifier, path); // export * from
        } else if (ts.isNamespaceExport(node.exportClause)) {
          useModule(node.moduleSpecifier, path);
        } else {
          for (const element of node.exportClause.elements) useSymbol(checker.getSymbolAtLocation(element.propertyName ?? element.name), path);
        }
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] !== undefined) {
        useModule(node.arguments[0], path);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        if (node.qualifier !== undefined) useSymbol(checker.getSymbolAtLocation(node.qualifier), path);
        else useModule(node.argument.literal, path);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  const found: TestOnlyExport[] = [];
  for (const source of product) {
    const path = rel(source.fileName);
    const module = checker.getSymbolAtLocation(source);
    if (module === undefined) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      const target = original(exported);
      // Re-exports are the declaring module's business.
      if (!(target.declarations ?? []).some((d) => rel(d.getSourceFile().fileName) === path)) continue;
      // A type names what a public function takes or gives (its options, its result): it is part of that interface.
      if (!(target.flags & ts.SymbolFlags.Value)) continue;
      const by = [...(users.get(path)?.get(target.name) ?? [])].filter((f) => f !== path);
      // A barrel that re-exports it is not a use: who imports through the barrel is.
      const real = by.filter((f) => !(isBarrel(f) && reExports(program, f)));
      if (real.length > 0 && real.every(isTestCode)) found.push({ file: path, name: target.name, usedBy: real.sort() });
    }
  }
  return found.sort((a, b) => (a.file === b.file ? a.name.localeCompare(b.name) : a.file.localeCompare(b.file)));
}

const isBarrel = (path: string) => /(^|\/)(index|model)\.tsx?$/.test(path);

function reExports(program: ts.Program, path: string): boolean {
  const source = program.getSourceFile(join(ROOT, path));
  return source !== undefined && source.statements.some((s) => ts.isExportDeclaration(s) && s.moduleSpecifier !== undefined);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const found = findTestOnlyExports();
  for (const f of found) console.log(`${f.file}: ${f.name}  (${f.usedBy.join(', ')})`);
  console.log(`${found.length} test-only exports`);
}
