/**
 * Bad input gets a clear error naming the file, the line and what is wrong —
 * never a crash, a hang, or a half-written output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, discoverPlans, planFromTextFile } from '../../../graph/build/index.ts';
import { validateGraph } from '../../../graph/build/validate.ts';
import type { PlanGraph } from '../../../graph/model/types.ts';
import { builtInGraph, PLAN, tempTree } from '../support.ts';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const planText = readFileSync(repo('graph/sources/cq-hitech-twin-city-plan-2023-2027.txt'), 'utf8');
const meta = JSON.stringify({ id: PLAN, text: 'plan.txt' });

/** The message a build of these files fails with. */
function failure(files: Record<string, string | Uint8Array>): string {
  const dir = tempTree(files);
  try {
    buildGraph(discoverPlans(join(dir, 'sources'), join(dir, 'plans')));
  } catch (error) {
    return (error as Error).message.replaceAll(dir + '/', '');
  }
  throw new Error('the build did not fail');
}

const withText = (text: string | Uint8Array) => failure({ 'sources/plan.txt': text, 'sources/plan.meta.json': meta });
const withCuration = (yaml: string) =>
  failure({ 'sources/plan.txt': planText, 'sources/plan.meta.json': meta, [`plans/${PLAN}.yaml`]: yaml });

describe('plan texts', () => {
  it('an empty file', () => {
    expect(withText('')).toMatch(/sources\/plan\.txt:1: the file is empty/);
  });

  it('whitespace only', () => {
    expect(withText(' \n\n \n')).toMatch(/sources\/plan\.txt:1: the file holds only whitespace/);
  });

  it('a binary file', () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(withText(bytes)).toMatch(/sources\/plan\.txt:3: the file holds NUL bytes: it is binary/);
  });

  it('a file cut in the middle of a character', () => {
    const bytes = Buffer.from(planText, 'utf8');
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('二、政策目标')) + 2);
    expect(withText(cut)).toMatch(/sources\/plan\.txt:\d+: the file ends in the middle of a character \(was it truncated\?\)/);
  });

  it('a text in another encoding (GBK)', () => {
    const gbk = new Uint8Array([0xd6, 0xd8, 0xc7, 0xec, 0xb8, 0xdf, 0xd0, 0xc2, 0xc7, 0xf8, 0x0a, 0xd2, 0xbb, 0xa1, 0xa2]);
    expect(withText(gbk)).toMatch(/sources\/plan\.txt:1: the file is not UTF-8 text: invalid byte at offset 0/);
  });

  it('a very large text', () => {
    expect(withText('一、目标\n' + '很长的文字。'.repeat(300_000))).toMatch(/sources\/plan\.txt: the file is 5\.\d MB; a plan text may be at most 1 MB/);
  });

  it('prose without any section heading', () => {
    expect(withText('这是一段没有任何标题的文字。它不是一个规划。')).toMatch(/sources\/plan\.txt:1: no sections found/);
  });

  it('a text cut short still builds, with warnings for what is missing', () => {
    const dir = tempTree({ 'cut.txt': planText.slice(0, planText.indexOf('三、主要内容')) });
    const graph = buildGraph([planFromTextFile(join(dir, 'cut.txt'))], { curate: false });
    expect(graph.nodes.filter((n) => n.kind === 'Goal')).toHaveLength(13);
    expect(graph.warnings.map((w) => w.code)).toContain('no-actions');
  });

  it('a missing text file', () => {
    expect(failure({ 'sources/plan.meta.json': meta })).toMatch(/sources\/plan\.txt: the file does not exist/);
  });
});

describe('metadata records', () => {
  it('broken JSON', () => {
    expect(failure({ 'sources/plan.txt': planText, 'sources/plan.meta.json': '{\n  "id": "x",\n  "text": \n}' })).toMatch(
      /sources\/plan\.meta\.json:\d+: not valid JSON/,
    );
  });

  it('a bad field value', () => {
    const bad = '{\n  "id": "Bad Id!",\n  "text": "plan.txt"\n}';
    expect(failure({ 'sources/plan.txt': planText, 'sources/plan.meta.json': bad })).toMatch(
      /sources\/plan\.meta\.json:2: id: invalid value "Bad Id!"/,
    );
  });
});

describe('curation files', () => {
  it('a YAML syntax error', () => {
    expect(withCuration(`plan: ${PLAN}\nnames:\n  lab/jin-feng-shi-yan-shi: [unclosed\n`)).toMatch(/plans\/cq-hitech-2023\.yaml:\d+: YAML error/);
  });

  it('a duplicate key', () => {
    const yaml = `plan: ${PLAN}\nnames:\n  lab/jin-feng-shi-yan-shi: Jinfeng Lab\n  lab/jin-feng-shi-yan-shi: Jinfeng Laboratory\n`;
    expect(withCuration(yaml)).toBe('plans/cq-hitech-2023.yaml:4: lab/jin-feng-shi-yan-shi: duplicate key');
  });

  it('an unknown node id, with a suggestion', () => {
    const yaml = `plan: ${PLAN}\nnames:\n  lab/jin-feng: Jinfeng Lab\n`;
    expect(withCuration(yaml)).toMatch(/^plans\/cq-hitech-2023\.yaml:3: lab\/jin-feng: unknown node id "lab\/jin-feng" \(did you mean lab\/jin-feng-shi-yan-shi\?\)/);
  });

  it('an unknown kind', () => {
    const yaml = `plan: ${PLAN}\nkinds:\n  lab/jin-feng-shi-yan-shi: Laboratory\n`;
    expect(withCuration(yaml)).toBe('plans/cq-hitech-2023.yaml:3: lab/jin-feng-shi-yan-shi: unknown kind "Laboratory"');
  });

  it('an unknown relationship type and a missing rationale', () => {
    const yaml = `plan: ${PLAN}\nedges:\n  - type: HELPS\n    source: lab/jin-feng-shi-yan-shi\n    target: ${PLAN}/goal-1\n`;
    const message = withCuration(yaml);
    expect(message).toContain('plans/cq-hitech-2023.yaml:3: type: unknown relationship type "HELPS"');
    expect(message).toContain('plans/cq-hitech-2023.yaml:3: rationale: every curated edge needs a one-line rationale');
  });

  it('an edge to a node that does not exist', () => {
    const yaml = `plan: ${PLAN}\nedges:\n  - type: SERVES\n    source: lab/nowhere\n    target: ${PLAN}/goal-1\n    rationale: because\n`;
    expect(withCuration(yaml)).toMatch(/^plans\/cq-hitech-2023\.yaml:3: source: unknown node id "lab\/nowhere"/);
  });

  it('a quote that is not in the text', () => {
    const yaml = `plan: ${PLAN}\nedges:\n  - type: FEEDS\n    source: chain/che-lu-xin-wang\n    target: cluster/ke-ji-fu-wu-ye\n    rationale: test\n    quote: 不存在的句子\n`;
    expect(withCuration(yaml)).toBe(`plans/cq-hitech-2023.yaml:3: quote: the quote does not occur in ${PLAN}: "不存在的句子"`);
  });

  it('an unknown section and a file for another plan', () => {
    expect(withCuration(`plan: ${PLAN}\nnmaes: {}\n`)).toMatch(/^plans\/cq-hitech-2023\.yaml:2: nmaes: unknown section/);
    expect(withCuration('plan: another-plan\n')).toBe('plans/cq-hitech-2023.yaml:1: plan: names plan another-plan, but the file is for cq-hitech-2023');
  });

  it('a list where a mapping belongs', () => {
    expect(withCuration(`plan: ${PLAN}\nnames:\n  - a\n  - b\n`)).toBe('plans/cq-hitech-2023.yaml:3: names: expected a mapping of node ids to English names');
  });
});

describe('validation', () => {
  const broken = (change: (g: PlanGraph) => void) => {
    const graph: PlanGraph = structuredClone(builtInGraph());
    change(graph);
    return validateGraph(graph);
  };

  it('passes the built-in graph', () => {
    expect(validateGraph(builtInGraph())).toEqual([]);
  });

  it('finds a dangling edge', () => {
    expect(broken((g) => (g.edges[0]!.target = 'lab/ghost'))).toEqual([expect.stringContaining('ends at a node that does not exist: lab/ghost')]);
  });

  it('finds a duplicate id', () => {
    expect(broken((g) => (g.nodes[1]!.id = g.nodes[0]!.id))).toContainEqual(`duplicate node id ${PLAN}`);
  });

  it('finds a span outside its text, an empty span and a node without a span', () => {
    const problems = broken((g) => {
      g.nodes[0]!.sources[0]!.end = 999_999;
      g.nodes[1]!.sources[0]!.end = g.nodes[1]!.sources[0]!.start;
      g.nodes[2]!.sources = [];
    });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/lies outside cq-hitech-2023/);
    expect(problems[1]).toMatch(/is empty/);
    expect(problems[2]).toMatch(/has no span/);
  });
});

describe('npm run graph', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', repo('scripts/graph.ts'), ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints counts per kind and type, then warnings, and writes the JSON', () => {
    const out = join(tempTree({}), 'graph.json');
    const run = cli('--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Lab\s+4/);
    expect(run.stdout).toMatch(/INVOLVES\s+\d+/);
    expect(run.stdout).toMatch(/count-mismatch: “五大行动任务” announces 5 task groups/);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('plangraph/1');
  });

  it('drafts an unseen text with --source', () => {
    const out = join(tempTree({}), 'draft.json');
    const run = cli('--source', repo('tests/fixtures/texts/county-green-plan.txt'), '--out', out);
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).documents[0].id).toBe('county-green-plan');
  });

  it('fails with the error and writes nothing', () => {
    const dir = tempTree({ 'sources/plan.txt': '', 'sources/plan.meta.json': meta });
    const out = join(dir, 'graph.json');
    const run = cli('--sources', join(dir, 'sources'), '--plans', join(dir, 'plans'), '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/build failed, nothing written\n.*plan\.txt:1: the file is empty/);
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unknown option with usage', () => {
    const run = cli('--bogus');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/usage: npm run graph/);
  });
});
