import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import { CONTENT_SECURITY_POLICY } from './shared/csp';

/**
 * Directives a <meta> CSP cannot carry (browsers ignore them there and log an error); they stay
 * in the response header the desktop's app:// protocol sends.
 */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '' && !HEADER_ONLY_DIRECTIVES.includes(d.split(/\s+/)[0] ?? ''))
    .join('; ');
}

/** Adds the CSP meta tag to the built index.html only (the dev server needs inline preambles). */
function cspPlugin(): Plugin {
  return {
    name: 'branchdesk-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy()}" />`);
    },
  };
}

/** Vite settings shared by the Electron renderer build and the web build. */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root: resolve(import.meta.dirname, 'renderer'),
    base: './',
    plugins: [react(), cspPlugin()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: { outDir: resolve(import.meta.dirname, outDir), emptyOutDir: true, sourcemap: true, target: 'es2022' },
  };
}
