/**
 * End-to-end, live mode: the built-in plan loaded into the real Neo4j test server
 * (tests/support/neo4j.ts), and the explorer in headless Chromium connecting to it over Bolt on
 * WebSocket (READ sessions, neo4j-driver in the browser). The views must be the snapshot's views:
 * the same counts, the same search hit and quote, the same goal trace. A server lost after
 * connecting: search and details say why, a banner says the connection is lost, the graph stays.
 * Then the refusals: a wrong password and an unknown database say why and offer the snapshot. Screenshots go to
 * test-output/screenshots/live-*.png.
 */
import { mkdirSync } from 'node:fs';
import { createServer, connect as connectTcp, type AddressInfo, type Socket } from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph, discoverPlans } from '../../graph/build/index.ts';
import type { PlanGraph } from '../../graph/model/types.ts';
import { loadGraph } from '../../graph/neo4j/loader.ts';
import { createMemoryQuery } from '../../graph/query/memory.ts';
import { describeNeo4j, neo4jTestConfig, type Neo4jTestConfig } from '../support/neo4j.ts';
import { buildAndServe, chromiumOrSkip, launch, openExplorer, shot, SHOTS, type Served } from './harness.ts';

const chromiumPath = chromiumOrSkip('End-to-end live-mode tests');
const JINFENG = 'lab/jin-feng-shi-yan-shi';
const JINFENG_SENTENCE = '依托金凤实验室、机械传动等全国重点实验室、云创实验室和智能网联新能源汽车实验室建设,构建四级实验室体系;';

/** The test server's URI with the other scheme: bolt:// ⇄ neo4j:// (the same server, direct or routed). */
function withScheme(uri: string, scheme: 'bolt' | 'neo4j'): string {
  return uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, `${scheme}$2://`);
}

/** A TCP relay on a free local port to host:port; close() cuts every connection and refuses new ones. */
async function tcpRelay(host: string, port: number): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connectTcp(port, host);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', end).on('close', () => {
        sockets.delete(s);
        end();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let closed: Promise<void> | null = null;
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      })),
  };
}

// The build and the browser need no database: they are made before the Neo4j lock is taken.
describe.skipIf(!chromiumPath || !neo4jTestConfig())('explorer live mode on Neo4j, end to end', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [served, browser] = await Promise.all([buildAndServe('e2e-live'), launch(chromiumPath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  describeNeo4j('the views read from Neo4j', () => {
    let config: Neo4jTestConfig;
    let driver: Driver;
    let graph: PlanGraph;

    beforeAll(async () => {
      config = neo4jTestConfig()!;
      graph = buildGraph(discoverPlans());
      driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
      await loadGraph(driver, graph, { database: config.database, wipe: true });
    });
    afterAll(async () => {
      await driver?.close();
    });

    const open = (path = '') => openExplorer(browser, served.url + path);
    const stats = (page: Page) => page.locator('aside.side .source .hint').textContent();

    /** Opens the connect dialog, fills it and submits; resolves with the dialog. */
    async function connect(page: Page, fields: { uri: string; user: string; password: string; database: string }, lang: 'zh' | 'en' = 'zh') {
      const L =
        lang === 'zh'
          ? { open: '连接 Neo4j…', uri: '地址（URI）', user: '用户名', password: '密码', database: '数据库', submit: '连接' }
          : { open: 'Connect to Neo4j…', uri: 'URI', user: 'User', password: 'Password', database: 'Database', submit: 'Connect' };
      await page.getByRole('button', { name: L.open }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel(L.uri, { exact: true }).fill(fields.uri);
      await dialog.getByLabel(L.user, { exact: true }).fill(fields.user);
      await dialog.getByLabel(L.password, { exact: true }).fill(fields.password);
      await dialog.getByLabel(L.database, { exact: true }).fill(fields.database);
      // __plangraphReady is only ever set to true: clear it so the wait below sees the new layout.
      await page.evaluate(() => {
        window.__plangraphReady = false;
      });
      await dialog.getByRole('button', { name: L.submit, exact: true }).click();
      return dialog;
    }

    it('connects over Bolt/WebSocket and shows the snapshot’s counts, search, quote and goal trace', async () => {
      const { page, errors } = await open();
      await expect(page.getByTestId('source-kind').textContent()).resolves.toBe('内置快照');
      const snapshotStats = await stats(page);
      expect(snapshotStats).toBe(`${graph.nodes.length} 个节点 · ${graph.edges.length} 条关系`);
      expect([graph.nodes.length, graph.edges.length]).toEqual([85, 128]);

      const dialog = await connect(page, { uri: withScheme(config.uri, 'bolt'), user: config.user, password: config.password, database: config.database });
      await dialog.waitFor({ state: 'detached', timeout: 20_000 });
      await page.waitForFunction(() => window.__plangraphReady === true, null, { timeout: 30_000 });
      await expect(page.getByTestId('source-kind').textContent()).resolves.toBe('实时（Neo4j）');
      await expect(stats(page)).resolves.toBe(snapshotStats);
      await expect(page.evaluate(() => window.__plangraphCy!.nodes().length)).resolves.toBe(graph.nodes.length);
      await expect(page.getByRole('button', { name: '断开，改用快照' }).count()).resolves.toBe(1);
      await shot(page, 'live-01-connected');

      // Search by pinyin: the Cypher engine's ranking puts 金凤实验室 among the options.
      const box = page.getByRole('combobox', { name: '搜索' });
      await box.fill('jinfeng');
      await page.getByRole('option', { name: /^金凤实验室/ }).click();
      const details = page.getByRole('region', { name: '详情' });
      await details.getByRole('heading', { name: '金凤实验室' }).waitFor();
      const quote = details.locator('blockquote').first();
      await expect(quote.textContent()).resolves.toBe(JINFENG_SENTENCE);
      await expect(quote.locator('mark').textContent()).resolves.toBe('金凤实验室');
      await expect(details.textContent()).resolves.toContain('Jinfeng Laboratory');
      // The Q&A part repeats the sentence: one block, 2 places, a link for each.
      await expect(details.locator('blockquote').count()).resolves.toBe(1);
      await expect(details.locator('.quotes > li').textContent()).resolves.toContain('原文 2 处');
      await expect(details.getByRole('button', { name: /^在原文中显示第 \d 处$/ }).allTextContents()).resolves.toEqual(['第 1 处', '第 2 处']);
      await shot(page, 'live-02-details');

      // The goal trace: the same subgraph as the memory engine on the same graph, drawn unfaded.
      const expected = await createMemoryQuery(graph).goalsServedBy(JINFENG);
      expect(expected.nodes.some((n) => n.kind === 'Goal')).toBe(true);
      await page.evaluate(() => {
        window.__plangraphReady = false;
      });
      await details.getByRole('button', { name: '服务于哪些目标？' }).click();
      const banner = page.getByTestId('focus-banner');
      await banner.waitFor();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('focus') === 'goals');
      await page.waitForFunction(() => window.__plangraphReady === true, null, { timeout: 30_000 });
      await expect(banner.textContent()).resolves.toContain('服务的目标：金凤实验室');
      await expect(banner.textContent()).resolves.toContain(`${expected.nodes.length} 个节点 · ${expected.edges.length} 条关系`);
      const drawn = (await page.evaluate(`(() => {
        const cy = window.__plangraphCy;
        return {
          nodes: cy.nodes().filter((n) => !n.hasClass('faded') && n.visible()).map((n) => n.id()).sort(),
          edges: cy.edges('.focus-edge').map((e) => e.id()).sort(),
        };
      })()`)) as { nodes: string[]; edges: string[] };
      expect(drawn.nodes).toEqual(expected.nodes.map((n) => n.id).sort());
      expect(drawn.edges).toEqual(expected.edges.map((e) => e.id).sort());
      await page.waitForTimeout(200);
      await shot(page, 'live-03-trace-goals');

      // Back to the snapshot.
      await page.getByRole('button', { name: '断开，改用快照' }).click();
      await page.getByTestId('source-kind').filter({ hasText: '内置快照' }).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    }, 90_000);

    it('connects with a neo4j:// (routing) URI to the same effect', async () => {
      const { page, errors } = await open('?lang=en');
      const dialog = await connect(
        page,
        { uri: withScheme(config.uri, 'neo4j'), user: config.user, password: config.password, database: config.database },
        'en',
      );
      await dialog.waitFor({ state: 'detached', timeout: 20_000 });
      await page.waitForFunction(() => window.__plangraphReady === true, null, { timeout: 30_000 });
      await expect(page.getByTestId('source-kind').textContent()).resolves.toBe('Live (Neo4j)');
      await expect(stats(page)).resolves.toBe(`${graph.nodes.length} nodes · ${graph.edges.length} relations`);
      const box = page.getByRole('combobox', { name: 'Search' });
      await box.fill('jinfeng');
      await page.getByRole('option', { name: /^Jinfeng Laboratory/ }).click();
      await page.getByRole('region', { name: 'Details' }).getByRole('heading', { name: 'Jinfeng Laboratory' }).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    // (The relay passes bytes through: a TLS server's certificate would not match 127.0.0.1.)
    it.skipIf(/^\w+\+s/.test(neo4jTestConfig()?.uri ?? ''))('a server that goes away after connecting: search and details say why, the graph stays, and the way back to the snapshot', async () => {
      // The browser reaches the test server through a TCP relay; closing the relay is the server
      // going away (connections cut, new ones refused) without stopping the shared server.
      const target = new URL(withScheme(config.uri, 'bolt').replace(/^bolt/, 'http'));
      const relay = await tcpRelay(target.hostname, Number(target.port || 7687));
      try {
        const { page } = await open();
        const uri = `bolt://127.0.0.1:${relay.port}`;
        const dialog = await connect(page, { uri, user: config.user, password: config.password, database: config.database });
        await dialog.waitFor({ state: 'detached', timeout: 20_000 });
        await page.waitForFunction(() => window.__plangraphReady === true, null, { timeout: 30_000 });
        await expect(page.getByTestId('source-kind').textContent()).resolves.toBe('实时（Neo4j）');
        await relay.close();

        // A search now fails: it says so where the suggestions would be, with the reason, and the
        // whole explorer says the connection is lost — over nothing: the graph stays drawn.
        const box = page.getByRole('combobox', { name: '搜索' });
        await box.fill('yunchuang');
        const searchError = page.getByTestId('search-error');
        await searchError.waitFor({ timeout: 20_000 });
        await expect(searchError.getAttribute('role')).resolves.toBe('alert');
        await expect(searchError.textContent()).resolves.toBe(`搜索失败：${uri} 没有响应：连接被拒绝、地址有误，或 Neo4j 未运行、未开启 WebSocket 上的 Bolt（ServiceUnavailable）`);
        await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
        await expect(box.getAttribute('aria-describedby')).resolves.toBe(await searchError.getAttribute('id'));
        const banner = page.getByTestId('query-error');
        await banner.waitFor();
        await expect(banner.getByRole('heading').textContent()).resolves.toBe('与数据库的连接已断开');
        await expect(banner.textContent()).resolves.toContain(`${uri} 没有响应`);
        await expect(banner.textContent()).resolves.not.toContain('无法加载图谱');
        await shot(page, 'live-06-search-failed');

        // The graph is still drawn, visible and not covered: no overlay, and the canvas is what
        // sits under the middle of the stage.
        await expect(page.locator('.overlay').count()).resolves.toBe(0);
        const graphShown = () =>
          page.evaluate(`(() => {
            const cy = window.__plangraphCy;
            const box = cy.container().getBoundingClientRect();
            const under = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return { nodes: cy.nodes().filter((n) => n.visible()).length, covered: !cy.container().contains(under) };
          })()`) as Promise<{ nodes: number; covered: boolean }>;
        await expect(graphShown()).resolves.toEqual({ nodes: graph.nodes.length, covered: false });
        // The banner's long reason wraps inside its box.
        const fits = await banner.evaluate((el) => [...el.querySelectorAll('*')].every((c) => c.scrollWidth <= c.clientWidth + 1) && el.scrollWidth <= el.clientWidth + 1);
        expect(fits).toBe(true);

        // Click 金凤实验室 on the canvas: its details are asked of the server that is gone. The
        // panel names the node, says it could not be loaded and why, and offers a retry.
        await box.press('Escape');
        const at = (await page.evaluate(`(() => {
          const cy = window.__plangraphCy;
          const n = cy.getElementById(${JSON.stringify(JINFENG)});
          cy.center(n);
          const box = cy.container().getBoundingClientRect();
          const p = n.renderedPosition();
          return { x: box.left + p.x, y: box.top + p.y };
        })()`)) as { x: number; y: number };
        await page.mouse.click(at.x, at.y);
        const details = page.getByRole('region', { name: '详情' });
        const detailsError = details.getByTestId('details-error');
        await detailsError.waitFor({ timeout: 20_000 });
        await expect(details.getByRole('heading', { name: '金凤实验室' }).count()).resolves.toBe(1);
        await expect(detailsError.textContent()).resolves.toContain(`无法加载该节点的详情：${uri} 没有响应`);
        await expect(details.textContent()).resolves.not.toContain(`${JINFENG}?`);
        await expect(graphShown()).resolves.toEqual({ nodes: graph.nodes.length, covered: false });
        await shot(page, 'live-07-connection-lost');
        // Retrying asks again, and still says why.
        await detailsError.getByRole('button', { name: '重试' }).click();
        await details.getByTestId('details-error').waitFor({ timeout: 20_000 });
        await expect(details.getByTestId('details-error').textContent()).resolves.toContain(`${uri} 没有响应`);

        // In English, the same notices.
        await page.getByRole('button', { name: 'EN', exact: true }).click();
        await expect(banner.getByRole('heading').textContent()).resolves.toBe('Lost the connection to the database');
        await expect(banner.textContent()).resolves.toContain(`no answer from ${uri}`);
        await expect(page.getByRole('region', { name: 'Details' }).getByTestId('details-error').textContent()).resolves.toContain(
          `Could not load this node’s details: no answer from ${uri}`,
        );
        await shot(page, 'live-08-connection-lost-english');
        await page.getByRole('button', { name: '中文', exact: true }).click();

        // Back to the snapshot: the notice goes, and the selected node's details load.
        await banner.getByRole('button', { name: '改用内置快照' }).click();
        await page.getByTestId('source-kind').filter({ hasText: '内置快照' }).waitFor();
        await expect(banner.count()).resolves.toBe(0);
        await expect(stats(page)).resolves.toBe(`${graph.nodes.length} 个节点 · ${graph.edges.length} 条关系`);
        await details.locator('blockquote').first().waitFor();
        await expect(details.getByTestId('details-error').count()).resolves.toBe(0);
        await page.close();
      } finally {
        await relay.close();
      }
    }, 120_000);

    it('a wrong password or an unknown database is refused with the reason, and offers the snapshot', async () => {
      const { page } = await open();
      const dialog = await connect(page, { uri: withScheme(config.uri, 'bolt'), user: config.user, password: 'not-the-password', database: config.database });
      const alert = dialog.getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      await expect(alert.textContent()).resolves.toBe('连接失败：用户名或密码错误（Neo.ClientError.Security.Unauthorized）');
      const back = dialog.getByRole('button', { name: '改用内置快照' });
      await expect(back.count()).resolves.toBe(1);
      await shot(page, 'live-04-refused');
      await back.click();
      await dialog.waitFor({ state: 'detached' });
      await expect(page.getByTestId('source-kind').textContent()).resolves.toBe('内置快照');
      await expect(stats(page)).resolves.toBe(`${graph.nodes.length} 个节点 · ${graph.edges.length} 条关系`);
      await page.close();

      const en = (await open('?lang=en')).page;
      const enDialog = await connect(en, { uri: withScheme(config.uri, 'bolt'), user: config.user, password: config.password, database: 'nosuchdb' }, 'en');
      const enAlert = enDialog.getByRole('alert');
      await enAlert.waitFor({ timeout: 20_000 });
      await expect(enAlert.textContent()).resolves.toMatch(/^Could not connect: no such database \(Neo\.ClientError\.Database\.DatabaseNotFound: .*nosuchdb/);
      await expect(enDialog.getByRole('button', { name: 'Use the built-in snapshot' }).count()).resolves.toBe(1);
      await shot(en, 'live-05-no-database');
      await expect(en.getByTestId('source-kind').textContent()).resolves.toBe('Built-in snapshot');
      await en.close();
    }, 60_000);
  });
});
