/**
 * Renders build/icon.svg to the PNG icons electron-builder packages (run: `npm run icons`):
 * build/icon.png (512x512: macOS .icns and Windows .ico are generated from it) and the Linux set
 * build/icons/<n>x<n>.png. Uses the system Chromium through Playwright; the PNGs are committed so
 * packaging never needs this script.
 */
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const BUILD = join(import.meta.dirname, '..', 'build');
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function main(): Promise<void> {
  const svg = await readFile(join(BUILD, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (size: number): Promise<Buffer> => {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(/width="512" height="512"/, `width="${size}" height="${size}"`);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    };
    await mkdir(join(BUILD, 'icons'), { recursive: true });
    await writeFile(join(BUILD, 'icon.png'), await render(512));
    for (const size of LINUX_SIZES) {
      await writeFile(join(BUILD, 'icons', `${size}x${size}.png`), await render(size));
    }
    console.log(`Wrote build/icon.png and build/icons/{${LINUX_SIZES.map((s) => `${s}x${s}`).join(',')}}.png`);
  } finally {
    await browser.close();
  }
}

await main();
