/**
 * Explorer benchmark: headless Chromium against a production build (vite preview).
 *   - time from navigation to window.__plangraphReady (and the plangraph:* marks), cold cache
 *   - JavaScript bytes the page loads in snapshot mode, brotli-compressed (quality 11)
 *   - frames per second while panning the canvas with the mouse (warm-up, then a 3 s sample)
 * Several runs, medians reported. Usage: npm run bench:explorer [-- --runs 7]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { buildAndServe, findChromium, launch, ROOT } from '../../tests/e2e/harness.ts';
import { median } from '../lib/stats.ts';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

async function main(): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error('Chromium not found: apt-get install -y chromium');
  const served = await buildAndServe('bench');
  const browser = await launch(chromiumPath);
  const rows: { ready: number; dataLoaded: number; layoutDone: number; firstFrame: number; jsBrotli: number; jsRaw: number; fps: number }[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const js: Promise<Buffer>[] = [];
      page.on('response', (r) => {
        if (r.url().endsWith('.js') || (r.headers()['content-type'] ?? '').includes('javascript')) js.push(r.body());
      });
      await page.goto(served.url);
      await page.waitForFunction(() => window.__plangraphReady === true, null, { timeout: 60_000, polling: 'raf' });
      // Strings, not functions: tsx wraps named helpers in __name(), which the page lacks.
      const marks = await page.evaluate<{ ready: number; dataLoaded: number; layoutDone: number; firstFrame: number }>(`(() => {
        const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
        return { ready: performance.now(), dataLoaded: at('plangraph:data-loaded'), layoutDone: at('plangraph:layout-done'), firstFrame: at('plangraph:first-frame') };
      })()`);
      const bodies = await Promise.all(js);
      const jsRaw = bodies.reduce((a, b) => a + b.length, 0);
      const jsBrotli = bodies.reduce((a, b) => a + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);

      // Pan: drag across the canvas back and forth while counting animation frames.
      const box = await page.getByTestId('graph-canvas').boundingBox();
      if (!box) throw new Error('no canvas');
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      await page.evaluate(`(() => {
        window.__frames = 0;
        window.__counting = false;
        const tick = () => {
          if (window.__counting) window.__frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const drag = async (ms: number): Promise<void> => {
        const t0 = Date.now();
        let i = 0;
        while (Date.now() - t0 < ms) {
          const a = (i++ / 30) * Math.PI;
          await page.mouse.move(cx + Math.sin(a) * 200, cy + Math.cos(a) * 120);
        }
      };
      await drag(700); // warm-up
      const t0 = await page.evaluate(() => {
        (window as unknown as { __counting: boolean }).__counting = true;
        return performance.now();
      });
      await drag(3000);
      const { frames, t1 } = await page.evaluate(() => {
        const w = window as unknown as { __frames: number; __counting: boolean };
        w.__counting = false;
        return { frames: w.__frames, t1: performance.now() };
      });
      await page.mouse.up();
      const fps = (frames * 1000) / (t1 - t0);
      rows.push({ ...marks, jsBrotli, jsRaw, fps });
      console.log(
        `run ${run + 1}/${RUNS}: ready ${marks.firstFrame.toFixed(0)} ms (data ${marks.dataLoaded.toFixed(0)}, layout ${marks.layoutDone.toFixed(0)}), JS ${(jsBrotli / 1024).toFixed(1)} KiB br, pan ${fps.toFixed(1)} fps`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await served.close();
  }
  const summary = {
    runs: RUNS,
    viewport: '1400x900',
    medianReadyMs: median(rows.map((r) => r.firstFrame)),
    medianDataLoadedMs: median(rows.map((r) => r.dataLoaded)),
    medianLayoutDoneMs: median(rows.map((r) => r.layoutDone)),
    jsBytesBrotli: median(rows.map((r) => r.jsBrotli)),
    jsBytesRaw: median(rows.map((r) => r.jsRaw)),
    jsBudgetBrotli: 250 * 1024,
    medianPanFps: median(rows.map((r) => r.fps)),
    rows,
  };
  mkdirSync(`${ROOT}bench-output`, { recursive: true });
  writeFileSync(`${ROOT}bench-output/explorer.json`, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nmedians over ${RUNS} runs:`);
  console.log(`  time to __plangraphReady: ${summary.medianReadyMs.toFixed(0)} ms (data-loaded ${summary.medianDataLoadedMs.toFixed(0)} ms, layout-done ${summary.medianLayoutDoneMs.toFixed(0)} ms)`);
  console.log(`  snapshot-mode JS: ${(summary.jsBytesBrotli / 1024).toFixed(1)} KiB brotli (${(summary.jsBytesRaw / 1024).toFixed(1)} KiB raw; budget 250 KiB) ${summary.jsBytesBrotli <= summary.jsBudgetBrotli ? 'OK' : 'OVER BUDGET'}`);
  console.log(`  pan: ${summary.medianPanFps.toFixed(1)} fps`);
  console.log(`  written to bench-output/explorer.json`);
  if (summary.jsBytesBrotli > summary.jsBudgetBrotli) process.exitCode = 1;
}

await main();
