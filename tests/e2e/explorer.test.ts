/**
 * End-to-end: the explorer in headless Chromium against a production build served by vite
 * preview. Screenshots of the main views go to test-output/ (git-ignored).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAndServe, chromiumOrSkip, launch, openExplorer, shot, SHOTS, type Served } from './harness.ts';

const chromiumPath = chromiumOrSkip('End-to-end explorer tests');

describe.skipIf(!chromiumPath)('explorer end to end', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [served, browser] = await Promise.all([buildAndServe('e2e'), launch(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function open(path = ''): Promise<Page> {
    const { page, errors } = await openExplorer(browser, served.url + path);
    expect(errors).toEqual([]);
    return page;
  }

  it('draws the plan and marks its timings', async () => {
    const page = await open();
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toEqual(expect.arrayContaining(['plangraph:data-loaded', 'plangraph:layout-done', 'plangraph:first-frame']));
    await expect(page.getByTestId('source-kind').textContent()).resolves.toBe('内置快照');
    await shot(page, '01-overview');
    await page.getByRole('button', { name: '适应窗口' }).click();
    await shot(page, '02-overview-fit');
    await page.close();
  });

  /** Visible nodes whose boxes (labels included) reach into the view, and the pairs of them that overlap. */
  const overlaps = (page: Page) =>
    page.evaluate(`(() => {
      const cy = window.__plangraphCy;
      const v = cy.extent();
      const meets = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      const boxes = cy.nodes().filter((n) => n.visible()).map((n) => ({ id: n.id(), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) })).filter((n) => meets(n.b, v));
      const pairs = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) if (meets(boxes[i].b, boxes[j].b)) pairs.push(boxes[i].id + ' × ' + boxes[j].id);
      return { inView: boxes.length, kinds: [...new Set(boxes.map((n) => cy.getElementById(n.id).data('kind')))], zoom: cy.zoom(), pairs };
    })()`) as Promise<{ inView: number; kinds: string[]; zoom: number; pairs: string[] }>;

  it('shows the plan without overlapping labels at the default zoom, in Chinese and in English', async () => {
    const page = await open();
    const zh = await overlaps(page);
    expect(zh.pairs).toEqual([]);
    // The first view: the plan, its goals and its actions, readable.
    expect(zh.kinds).toEqual(expect.arrayContaining(['Plan', 'Goal', 'Action', 'Task']));
    expect(zh.inView).toBeGreaterThan(40);
    expect(zh.zoom).toBeGreaterThanOrEqual(0.75);
    const layouts = await page.evaluate(() => window.__plangraphLayouts ?? 0);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.waitForFunction((n) => (window.__plangraphLayouts ?? 0) > n, layouts);
    const en = await overlaps(page);
    expect(en.pairs).toEqual([]);
    expect(en.kinds).toEqual(expect.arrayContaining(['Plan', 'Goal', 'Action']));
    expect(en.zoom).toBeGreaterThanOrEqual(0.75);
    await shot(page, '01b-overview-english');
    // Straight into English, and after hiding a kind.
    const again = await open('?lang=en&hide=Organization');
    expect((await overlaps(again)).pairs).toEqual([]);
    await again.close();
    await page.close();
  });

  it('walks the graph with the keyboard', async () => {
    const page = await open();
    const canvas = page.getByRole('application', { name: /图谱画布/ });
    for (let i = 0; i < 60 && !(await canvas.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(canvas.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(canvas.evaluate((el) => getComputedStyle(el).outlineStyle)).resolves.toBe('solid');
    const details = page.getByRole('region', { name: '详情' });
    const heading = () => details.getByRole('heading', { level: 2 }).textContent();
    const kind = () => details.locator('.kind-line').textContent();
    await page.keyboard.press('ArrowDown'); // nothing selected: the plan
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sel') !== null);
    await expect(kind()).resolves.toContain('规划');
    const plan = await heading();
    await page.keyboard.press('ArrowDown'); // its first child: the first goal
    await details.getByRole('heading', { level: 2, name: '全社会研发经费投入占地区生产总值的比重达5.7%' }).waitFor();
    await page.keyboard.press('ArrowRight'); // the next goal
    await details.getByRole('heading', { level: 2, name: '高新技术企业超过1000家' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await details.getByRole('heading', { level: 2, name: '全社会研发经费投入占地区生产总值的比重达5.7%' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await details.getByRole('heading', { level: 2, name: plan! }).waitFor();
    await shot(page, '09-keyboard');
    await page.keyboard.press('Enter'); // the details take the focus
    await page.waitForFunction(() => document.activeElement?.id === 'details-title');
    await canvas.focus();
    await page.keyboard.press('Escape'); // let go of the selection
    await details.getByText('点击图中的节点或搜索以查看详情。').waitFor();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sel') === null);
    await page.close();
  });

  it('finds a lab by pinyin, shows its details with the quote, and the passage in the document', async () => {
    const page = await open();
    const box = page.getByRole('combobox', { name: '搜索' });
    await box.fill('jinfeng');
    const option = page.getByRole('option', { name: /^金凤实验室/ });
    await option.waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    // Arrow keys move the active option; Enter picks it.
    const first = await page.getByRole('option').first().textContent();
    if (!first?.includes('金凤实验室')) await box.press('ArrowDown');
    await box.press('Enter');
    const details = page.getByRole('region', { name: '详情' });
    await details.getByRole('heading', { name: '金凤实验室' }).waitFor();
    // The plan's own sentence, with the mention marked.
    const quote = details.locator('blockquote').first();
    await expect(quote.textContent()).resolves.toBe('依托金凤实验室、机械传动等全国重点实验室、云创实验室和智能网联新能源汽车实验室建设,构建四级实验室体系;');
    await expect(quote.locator('mark').textContent()).resolves.toBe('金凤实验室');
    await expect(details.textContent()).resolves.toContain('Jinfeng Laboratory');
    // The Q&A part repeats the sentence word for word: one block that says so, a link per place.
    await expect(details.locator('blockquote').count()).resolves.toBe(1);
    const block = details.locator('.quotes > li');
    await expect(block.count()).resolves.toBe(1);
    await expect(block.textContent()).resolves.toContain('原文 2 处');
    const places = block.getByRole('button', { name: /^在原文中显示第 \d 处$/ });
    await expect(places.allTextContents()).resolves.toEqual(['第 1 处', '第 2 处']);
    await shot(page, '03-details');
    // Each place opens the document at its own passage (the spans' offsets in the text).
    const doc = page.getByRole('region', { name: '原文' });
    const activeAt = () =>
      doc
        .locator('mark.active')
        .first()
        .evaluate((el) => {
          const r = document.createRange();
          r.setStart(el.closest('.doc-text')!, 0);
          r.setEndBefore(el);
          return r.toString().length;
        });
    const sources = (JSON.parse(readFileSync(new URL('../../graph/snapshot/plangraph.json', import.meta.url), 'utf8')) as { nodes: { id: string; sources: { start: number }[] }[] }).nodes.find(
      (n) => n.id === 'lab/jin-feng-shi-yan-shi',
    )!.sources;
    expect(sources).toHaveLength(2);
    await block.getByRole('button', { name: '在原文中显示第 2 处' }).click();
    await doc.locator('mark.active').waitFor();
    await expect(activeAt()).resolves.toBe(sources[1]!.start);
    await doc.getByRole('button', { name: '关闭' }).click();
    await doc.waitFor({ state: 'detached' });
    await block.getByRole('button', { name: '在原文中显示第 1 处' }).click();
    await doc.locator('mark.active').waitFor();
    await expect(activeAt()).resolves.toBe(sources[0]!.start);
    await expect(doc.locator('mark.active').textContent()).resolves.toContain('金凤实验室');
    await expect(doc.locator('.sentence').allTextContents().then((t) => t.join(''))).resolves.toContain('构建四级实验室体系');
    await shot(page, '04-document');
    // Clicking a highlighted name in the document selects that node.
    await doc.getByRole('button', { name: '云创实验室', exact: true }).first().click();
    await details.getByRole('heading', { name: '云创实验室' }).waitFor();
    await page.close();
  });

  it('traces the goals a node serves, and the URL reopens the same view', async () => {
    const page = await open();
    const box = page.getByRole('combobox', { name: '搜索' });
    await box.fill('金凤实验室');
    await page.getByRole('option', { name: /^金凤实验室/ }).click();
    const details = page.getByRole('region', { name: '详情' });
    await details.getByRole('heading', { name: '金凤实验室' }).waitFor();
    await details.getByRole('button', { name: '服务于哪些目标？' }).click();
    const banner = page.getByTestId('focus-banner');
    await banner.waitFor();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'goals');
    await expect(banner.textContent()).resolves.toContain('服务的目标：金凤实验室');
    await page.getByRole('button', { name: '列表' }).click();
    const list = page.getByRole('region', { name: '当前可见节点' });
    await expect(list.getByRole('heading', { name: /目标/ }).count()).resolves.toBeGreaterThan(0);
    await page.getByRole('button', { name: '图谱' }).click();
    await page.waitForTimeout(200);
    await shot(page, '05-trace-goals');
    const url = page.url();
    const bannerText = await banner.textContent();
    await page.close();

    const again = await open(url.slice(served.url.length));
    await expect(again.getByTestId('focus-banner').textContent()).resolves.toBe(bannerText);
    await again.getByRole('region', { name: '详情' }).getByRole('heading', { name: '金凤实验室' }).waitFor();
    expect(again.url()).toBe(url);
    await again.close();
  });

  it('finds paths that avoid the plan node unless asked, and the URL keeps the choice', async () => {
    const lab = 'lab/jin-feng-shi-yan-shi';
    const plan = 'cq-hitech-2023';
    const path = `?focus=path&from=${encodeURIComponent(lab)}&to=${encodeURIComponent('corridor/xi-bu-lu-hai-xin-tong-dao')}`;
    /** Whether a node is part of the focused path (everything else is faded). */
    const inPath = (page: Page, id: string) =>
      page.evaluate((x) => {
        const n = window.__plangraphCy!.getElementById(x);
        return n.nonempty() && !n.hasClass('faded');
      }, id);
    const page = await open(path);
    const banner = page.getByTestId('focus-banner');
    const avoid = banner.getByRole('checkbox', { name: '绕过规划节点' });
    await expect(avoid.isChecked()).resolves.toBe(true);
    // By default the path may not run through the plan node: here there is then none.
    await expect(banner.textContent()).resolves.toContain('不经过规划节点时两点之间没有路径');
    await expect(inPath(page, plan)).resolves.toBe(false);
    await shot(page, '06b-path-avoiding-plan');
    // Toggle from the keyboard: now the path goes through the plan node.
    await avoid.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('via') === 'plan');
    await page.waitForFunction((x) => !window.__plangraphCy!.getElementById(x).hasClass('faded'), plan);
    await expect(inPath(page, plan)).resolves.toBe(true);
    await expect(inPath(page, lab)).resolves.toBe(true);
    await expect(avoid.isChecked()).resolves.toBe(false);
    await expect(banner.textContent()).resolves.not.toContain('没有路径');
    const url = page.url();
    // Back to avoiding: the URL drops the default again.
    await avoid.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('via') === null);
    await page.waitForFunction((x) => window.__plangraphCy!.getElementById(x).hasClass('faded'), plan);
    // The offer to include the plan node does the same as the toggle.
    await banner.getByRole('button', { name: '允许经过规划节点' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('via') === 'plan');
    await page.close();

    const again = await open(url.slice(served.url.length));
    await expect(inPath(again, plan)).resolves.toBe(true);
    await expect(again.getByTestId('focus-banner').getByRole('checkbox', { name: '绕过规划节点' }).isChecked()).resolves.toBe(false);
    await again.close();
  });

  it('traces what serves a goal', async () => {
    const page = await open();
    const box = page.getByRole('combobox', { name: '搜索' });
    await box.fill('gxjsqy');
    await box.press('Enter');
    const details = page.getByRole('region', { name: '详情' });
    await details.getByRole('button', { name: '哪些要素服务于此目标？' }).click();
    await page.getByTestId('focus-banner').waitFor();
    await page.waitForFunction(() => window.__plangraphReady === true);
    await page.waitForTimeout(200);
    await shot(page, '06-serving-goal');
    await page.close();
  });

  it('switches all interface text and names to English', async () => {
    const page = await open('?sel=lab%2Fjin-feng-shi-yan-shi');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('combobox', { name: 'Search' }).waitFor();
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('heading', { name: 'Jinfeng Laboratory' }).waitFor();
    await expect(details.getByRole('button', { name: 'Which goals does this serve?' }).count()).resolves.toBe(1);
    await expect(page.getByRole('navigation', { name: /Legend/ }).textContent()).resolves.toContain('Goal');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'en');
    await page.waitForTimeout(200);
    await shot(page, '07-english');
    await page.close();
  });

  it('lays the whole plan out top-down with dagre on request, and the URL keeps the choice', async () => {
    const page = await open();
    await page.getByRole('combobox', { name: '布局' }).selectOption('dagre');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layout') === 'dagre');
    await page.waitForFunction(() => window.__plangraphReady === true);
    // Top-down: every action sits below the plan, every task below its action.
    const ranks = await page.evaluate(`(() => {
      const cy = window.__plangraphCy;
      const y = (id) => cy.getElementById(id).position('y');
      return cy.edges('[type = "HAS_ACTION"], [type = "HAS_TASK"]').map((e) => y(e.target().id()) > y(e.source().id()));
    })()`) as boolean[];
    expect(ranks.length).toBe(25);
    expect(ranks.every(Boolean)).toBe(true);
    await shot(page, '12-dagre');
    await page.close();
  });

  it('hides a kind from the legend', async () => {
    const page = await open();
    const goal = page.getByRole('navigation', { name: /图例/ }).getByRole('button', { name: /目标/ });
    await goal.click();
    await expect(goal.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('hide') === 'Goal');
    await page.close();
  });

  it('shows the coverage table', async () => {
    const page = await open('?view=coverage');
    const table = page.getByRole('region', { name: '目标 × 行动 覆盖矩阵' });
    await table.locator('td.hit button').first().click();
    await expect(table.locator('.cell-detail li').count()).resolves.toBeGreaterThan(0);
    await shot(page, '08-coverage');
    await page.close();
  });

  it('says why a live connection failed, in the interface language', async () => {
    for (const [path, button, connect, expected] of [
      ['', '连接 Neo4j…', '连接', /连接失败：bolt:\/\/127\.0\.0\.1:9 没有响应/],
      ['?lang=en', 'Connect to Neo4j…', 'Connect', /Could not connect: no answer from bolt:\/\/127\.0\.0\.1:9/],
    ] as const) {
      const page = await open(path);
      await page.getByRole('button', { name: button }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').first().fill('bolt://127.0.0.1:9');
      await dialog.getByRole('button', { name: connect, exact: true }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      await expect(alert.textContent()).resolves.toMatch(expected);
      if (!path) await shot(page, '10-live-refused');
      await page.close();
    }
  });

  it('exports the view as a PNG image', async () => {
    const page = await open();
    await page.getByRole('button', { name: /导出/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PNG 图片' }).click()]);
    expect(download.suggestedFilename()).toBe('plangraph.png');
    const file = `${SHOTS}/export.png`;
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    // The SVG drawing looks like the canvas: bent tree edges, labels beside list entries.
    await page.getByRole('button', { name: /导出/ }).click();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'SVG 矢量图' }).click()]);
    const svgFile = `${SHOTS}/export.svg`;
    await svgDownload.saveAs(svgFile);
    const svg = readFileSync(svgFile, 'utf8');
    expect(svg).toContain('<polyline');
    expect(svg).toContain('text-anchor="start"');
    const view = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await view.setContent(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" style="width:100%">`);
    await view.screenshot({ path: `${SHOTS}/11-export-svg.png` });
    await view.close();
    await page.close();
  });
});
