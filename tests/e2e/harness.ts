/**
 * Shared by the end-to-end tests and the explorer benchmark: find Chromium, build the app into a
 * private folder and serve it with `vite preview`, launch headless Chromium (playwright-core).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const OUTPUT = `${ROOT}test-output`;
/** Screenshots of the end-to-end tests (git-ignored). */
export const SHOTS = `${OUTPUT}/screenshots`;
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium(): string | null {
  for (const c of CANDIDATES) if (c && existsSync(c)) return c;
  return null;
}

/** Under CI a missing browser is a failure; elsewhere a loud warning and a skip. */
export function chromiumOrSkip(what: string): string | null {
  const path = findChromium();
  if (path) return path;
  const msg = `Chromium not found (tried ${CANDIDATES.filter(Boolean).join(', ')}); install it with: apt-get install -y chromium`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`\n!!!!! ${what} SKIPPED: ${msg} !!!!!\n`);
  return null;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface Served {
  url: string;
  outDir: string;
  close: () => Promise<void>;
}

/** Builds into test-output/<name>-dist and serves it on a free port. */
export async function buildAndServe(name: string): Promise<Served> {
  const outDir = `${OUTPUT}/${name}-dist`;
  mkdirSync(OUTPUT, { recursive: true });
  await build({ configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1024 } });
  const server: PreviewServer = await preview({
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return {
    url,
    outDir,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

/**
 * A new 1400×900 page at `url`, resolved once the explorer says it is ready; `errors` collects
 * the page's uncaught errors from the start.
 */
export async function openExplorer(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.__plangraphReady === true, null, { timeout: 30_000 });
  return { page, errors };
}

/** Saves a screenshot of the page as SHOTS/<name>.png. */
export const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `${SHOTS}/${name}.png` });
