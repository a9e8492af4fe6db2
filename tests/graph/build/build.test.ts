/**
 * The build as a whole: stable ids across rebuilds, the committed snapshot kept
 * current, several plans merged into one graph where they name the same thing,
 * and curation overriding the extractor.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, discoverPlans } from '../../../graph/build/index.ts';
import { builtInGraph, node, PLAN, targets, tempTree } from '../support.ts';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const planText = readFileSync(repo('graph/sources/cq-hitech-twin-city-plan-2023-2027.txt'), 'utf8');
const planMeta = readFileSync(repo('graph/sources/cq-hitech-twin-city-plan-2023-2027.meta.json'), 'utf8');
const planCuration = readFileSync(repo(`graph/plans/${PLAN}.yaml`), 'utf8');
const chengduText = readFileSync(repo('tests/fixtures/texts/chengdu-hitech-draft.txt'), 'utf8');

describe('rebuilds', () => {
  it('give the same ids, the same graph, byte for byte', () => {
    const again = JSON.stringify(buildGraph(discoverPlans()));
    expect(again).toBe(JSON.stringify(builtInGraph()));
  });

  it('keep the committed snapshot current (npm run snapshot rewrites it)', () => {
    const snapshot = JSON.parse(readFileSync(repo('graph/snapshot/plangraph.json'), 'utf8'));
    expect(snapshot).toEqual(JSON.parse(JSON.stringify(builtInGraph())));
  });

  it('ids are readable and say what they are', () => {
    const ids = builtInGraph().nodes.map((n) => n.id);
    expect(ids).toContain('lab/jin-feng-shi-yan-shi');
    expect(ids).toContain(`${PLAN}/action-2/task-1`);
    expect(ids.every((id) => /^[a-z0-9][a-z0-9/-]*$/.test(id))).toBe(true);
  });
});

describe('two plans', () => {
  const sources = tempTree({
    'sources/cq.txt': planText,
    'sources/cq.meta.json': planMeta.replace('cq-hitech-twin-city-plan-2023-2027.txt', 'cq.txt'),
    [`plans/${PLAN}.yaml`]: planCuration,
    'sources/cd.txt': chengduText,
    'sources/cd.meta.json': JSON.stringify({ id: 'cd-hitech-2024', text: 'cd.txt', published: '2024-03-18' }),
    'plans/cd-hitech-2024.yaml': [
      'plan: cd-hitech-2024',
      'names:',
      '  lab/tian-fu-shi-yan-shi: Tianfu Laboratory',
      'same_as:',
      '  chain/sheng-wu-yi-yao: cluster/sheng-wu-yi-yao-chan-ye',
      'edges:',
      '  - type: SERVES',
      '    source: lab/tian-fu-shi-yan-shi',
      '    target: cd-hitech-2024/goal-2',
      '    rationale: "Tianfu Lab spin-offs are the unicorn pipeline"',
    ].join('\n'),
  });
  const graph = buildGraph(discoverPlans(`${sources}/sources`, `${sources}/plans`));

  it('are two documents in one graph', () => {
    expect(graph.documents.map((d) => d.id).sort()).toEqual(['cd-hitech-2024', PLAN]);
  });

  it('share one node for the corridor, the science city and the economic circle, linked from both', () => {
    for (const id of ['corridor/xi-bu-lu-hai-xin-tong-dao', 'place/xi-bu-ke-xue-cheng', 'place/cheng-yu-di-qu-shuang-cheng-jing-ji-quan']) {
      const shared = node(graph, id);
      expect(new Set(shared.sources.map((s) => s.doc)), id).toEqual(new Set(['cd-hitech-2024', PLAN]));
      const from = graph.edges.filter((e) => e.target === id).map((e) => e.source.split('/')[0]);
      expect(new Set(from), id).toEqual(new Set(['cd-hitech-2024', PLAN]));
    }
    expect(graph.nodes.filter((n) => n.name.zh === '西部陆海新通道')).toHaveLength(1);
  });

  it('apply each plan’s curation: names, same_as matches across plans, curated edges', () => {
    expect(node(graph, 'lab/tian-fu-shi-yan-shi').name.en).toBe('Tianfu Laboratory');
    expect(graph.nodes.some((n) => n.id === 'chain/sheng-wu-yi-yao')).toBe(false);
    expect(targets(graph, 'cd-hitech-2024/action-1/task-2', 'INVOLVES')).toContain('cluster/sheng-wu-yi-yao-chan-ye');
    const curated = graph.edges.find((e) => e.source === 'lab/tian-fu-shi-yan-shi' && e.type === 'SERVES');
    expect(curated?.props).toEqual({ basis: 'inferred', rationale: 'Tianfu Lab spin-offs are the unicorn pipeline', plan: 'cd-hitech-2024' });
  });

  it('keep the first plan’s English names on shared nodes', () => {
    expect(node(graph, 'corridor/xi-bu-lu-hai-xin-tong-dao').name.en).toBe('New Western Land-Sea Corridor');
  });
});

describe('curation', () => {
  const build = (yaml: string) => {
    const dir = tempTree({
      'sources/cq.txt': planText,
      'sources/cq.meta.json': planMeta.replace('cq-hitech-twin-city-plan-2023-2027.txt', 'cq.txt'),
      [`plans/${PLAN}.yaml`]: yaml,
    });
    return buildGraph(discoverPlans(`${dir}/sources`, `${dir}/plans`));
  };

  it('can change a kind, remove a node and merge two', () => {
    const graph = build([
      `plan: ${PLAN}`,
      'kinds:',
      '  project/gui-dao-shang-de-ke-xue-cheng: Corridor',
      'remove:',
      '  - cluster/gao-xin-ji-shu-chan-ye-ji-qun',
      'merge:',
      '  - into: hub/ke-ji-chuang-xin-zhong-xin',
      '    from: [hub/zong-he-xing-ke-xue-zhong-xin]',
    ].join('\n'));
    expect(node(graph, 'project/gui-dao-shang-de-ke-xue-cheng').kind).toBe('Corridor');
    expect(graph.nodes.some((n) => n.id === 'cluster/gao-xin-ji-shu-chan-ye-ji-qun')).toBe(false);
    expect(graph.edges.some((e) => e.target === 'cluster/gao-xin-ji-shu-chan-ye-ji-qun')).toBe(false);
    expect(node(graph, 'hub/ke-ji-chuang-xin-zhong-xin').sources.length).toBe(4);
  });

  it('turns a quoted edge into a stated one with its span', () => {
    const graph = build([
      `plan: ${PLAN}`,
      'edges:',
      '  - type: FEEDS',
      '    source: chain/che-lu-xin-wang',
      '    target: cluster/zhi-neng-wang-lian-xin-neng-yuan-qi-che',
      '    rationale: both are about connected vehicles',
      '    quote: 车路芯网',
    ].join('\n'));
    const edge = graph.edges.find((e) => e.type === 'FEEDS');
    expect(edge?.props.basis).toBe('stated');
    expect(graph.documents[0]!.text.slice(edge!.sources[0]!.start, edge!.sources[0]!.end)).toBe('车路芯网');
  });

  it('without the file, the build warns of unserved goals and of actions that serve nothing', () => {
    const graph = build('');
    const unserved = graph.warnings.filter((w) => w.code === 'unserved-goal').map((w) => w.node);
    expect(unserved).toContain(`${PLAN}/goal-1`);
    expect(unserved).not.toContain(`${PLAN}/goal-9`); // the corridor tasks serve it by the inference rule
    expect(graph.warnings.filter((w) => w.code === 'action-serves-nothing').map((w) => w.node)).toEqual([`${PLAN}/action-2`]);
  });
});
