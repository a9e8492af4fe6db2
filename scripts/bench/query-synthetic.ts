/**
 * A deterministic synthetic PlanGraph for the query benchmark: `plans` plans, each with goals,
 * actions and tasks, sharing a pool of entities (labs, projects, chains feeding clusters,
 * corridors, places, technologies). Same seed, same graph.
 */
import type { EdgeType, NodeKind, PlanDocument, PlanEdge, PlanGraph, PlanNode } from '../../graph/model/types.ts';
import { FORMAT } from '../../graph/model/types.ts';

/** mulberry32: a tiny seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES: [string, string][] = [
  ['金', 'jin'], ['凤', 'feng'], ['实', 'shi'], ['验', 'yan'], ['室', 'shi'], ['科', 'ke'], ['技', 'ji'], ['创', 'chuang'],
  ['新', 'xin'], ['产', 'chan'], ['业', 'ye'], ['链', 'lian'], ['集', 'ji'], ['群', 'qun'], ['走', 'zou'], ['廊', 'lang'],
  ['智', 'zhi'], ['能', 'neng'], ['电', 'dian'], ['子', 'zi'], ['信', 'xin'], ['息', 'xi'], ['数', 'shu'], ['据', 'ju'],
  ['医', 'yi'], ['药', 'yao'], ['材', 'cai'], ['料', 'liao'], ['汽', 'qi'], ['车', 'che'], ['光', 'guang'], ['学', 'xue'],
];

export interface SyntheticOptions {
  seed?: number;
  /** Roughly 500 nodes per plan: 20 plans ≈ 10k nodes. */
  plans?: number;
}

export function syntheticGraph(options: SyntheticOptions = {}): PlanGraph {
  const rand = rng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const plans = options.plans ?? 20;
  const nodes: PlanNode[] = [];
  const edges: PlanEdge[] = [];
  const documents: PlanDocument[] = [];
  let edgeSeq = 0;

  const name = (suffix: string, en: string): { zh: string; en: string; pinyin: string } => {
    const n = 2 + Math.floor(rand() * 3);
    const parts = Array.from({ length: n }, () => pick(SYLLABLES));
    return { zh: parts.map((p) => p[0]).join('') + suffix, en, pinyin: parts.map((p) => p[1]).join(' ') };
  };
  const node = (id: string, kind: NodeKind, nm: { zh: string; en: string; pinyin: string }, doc?: string, at = 0): PlanNode => {
    const n: PlanNode = { id, kind, name: nm, props: {}, sources: doc ? [{ doc, start: at, end: at + 4 }] : [] };
    nodes.push(n);
    return n;
  };
  const edge = (source: string, type: EdgeType, target: string): void => {
    edges.push({ id: `e${(edgeSeq++).toString().padStart(6, '0')}`, type, source, target, props: { basis: 'stated' }, sources: [] });
  };

  // Shared entity pool.
  const pool: Record<string, string[]> = { Lab: [], Project: [], IndustryChain: [], Cluster: [], Corridor: [], Place: [], Technology: [] };
  const poolSizes: Record<string, number> = { Lab: 60, Project: 90, IndustryChain: 40, Cluster: 25, Corridor: 5, Place: 30, Technology: 50 };
  for (const [kind, size] of Object.entries(poolSizes))
    for (let i = 0; i < size * plans; i++) {
      const id = `${kind.toLowerCase()}:${i}`;
      node(id, kind as NodeKind, name('', `${kind} ${i}`));
      pool[kind]!.push(id);
    }
  for (const chain of pool.IndustryChain!) edge(chain, 'FEEDS', pick(pool.Cluster!));

  for (let p = 0; p < plans; p++) {
    const doc = `doc-${p}`;
    documents.push({ id: doc, title: `Plan ${p}`, issuer: 'Synthetic', published: '2023-01-01', text: '规划'.repeat(2000) });
    const plan = `plan:${p}`;
    node(plan, 'Plan', name('规划', `Plan ${p}`), doc, 0);
    const goals: string[] = [];
    for (let g = 0; g < 15; g++) {
      const id = `goal:${p}:${g}`;
      const n = node(id, 'Goal', name('目标', `Goal ${p}.${g}`), doc, 10 + g * 5);
      if (g % 3 === 0) n.props.target = `${g * 10}`;
      edge(plan, 'SETS', id);
      goals.push(id);
    }
    for (let a = 0; a < 12; a++) {
      const action = `action:${p}:${a}`;
      node(action, 'Action', name('行动', `Action ${p}.${a}`), doc, 200 + a * 100);
      edge(plan, 'HAS_ACTION', action);
      if (rand() < 0.6) edge(action, 'SERVES', pick(goals));
      if (rand() < 0.3) edge(action, 'RELATES_TO', `action:${p}:${Math.floor(rand() * 12)}`);
      for (let t = 0; t < 14; t++) {
        const task = `task:${p}:${a}:${t}`;
        node(task, 'Task', name('任务', `Task ${p}.${a}.${t}`), doc, 200 + a * 100 + t * 5);
        edge(action, 'HAS_TASK', task);
        if (rand() < 0.25) edge(task, 'SERVES', pick(goals));
        const k = 1 + Math.floor(rand() * 3);
        for (let i = 0; i < k; i++) {
          const kind = pick(Object.keys(pool));
          const target = pick(pool[kind]!);
          edge(task, 'INVOLVES', target);
          if (rand() < 0.1) edge(target, 'SERVES', pick(goals));
        }
      }
    }
    for (let g = 0; g < goals.length; g += 4) edge(goals[g]!, 'ABOUT', pick(pool.Place!));
  }
  return { format: FORMAT, documents, nodes, edges, warnings: [] };
}
