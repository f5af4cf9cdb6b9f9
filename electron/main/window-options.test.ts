import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH, mainWindowOptions } from './window-options';

describe('the main window’s web preferences', () => {
  it('sandbox and isolate the renderer, without Node', () => {
    expect(mainWindowOptions('/app/out/preload/index.cjs').webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('mainWindowOptions', () => {
  it('has a sensible minimum size and waits to be shown', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(MIN_WIDTH).toBeGreaterThanOrEqual(1100);
    expect(MIN_HEIGHT).toBeGreaterThanOrEqual(700);
    expect(options).toMatchObject({ minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT, show: false, title: 'Branchdesk' });
    expect(options.width).toBeGreaterThanOrEqual(MIN_WIDTH);
    expect(options.webPreferences?.sandbox).toBe(true);
  });
  it('uses saved bounds but never lowers the minimum size', () => {
    const options = mainWindowOptions('/p.cjs', { x: 10, y: 20, width: 1500, height: 900 });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1500, height: 900, minWidth: MIN_WIDTH, minHeight: MIN_HEIGHT });
  });
});
