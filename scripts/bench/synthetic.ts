/**
 * A deterministic synthetic corpus for the loader: `plans` plans shaped like the real one (a plan
 * node issued by an organization, goals with integer targets, actions with tasks, tasks involving
 * labs, projects, facilities, technologies, chains feeding clusters) that share corridors, places
 * and organizations. Every node and stated edge quotes a span of its plan's synthetic document,
 * so plan membership works as for real plans. Same options, same graph (seeded PRNG).
 */
import { FORMAT, type EdgeType, type NodeKind, type PlanDocument, type PlanEdge, type PlanGraph, type PlanNode, type Props, type Span } from '../../graph/model/types.ts';

/** mulberry32 */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES: ReadonlyArray<readonly [string, string]> = [
  ['金', 'jin'], ['凤', 'feng'], ['科', 'ke'], ['技', 'ji'], ['创', 'chuang'], ['新', 'xin'], ['智', 'zhi'], ['能', 'neng'],
  ['电', 'dian'], ['子', 'zi'], ['数', 'shu'], ['据', 'ju'], ['医', 'yi'], ['药', 'yao'], ['材', 'cai'], ['料', 'liao'],
  ['汽', 'qi'], ['车', 'che'], ['光', 'guang'], ['学', 'xue'], ['西', 'xi'], ['部', 'bu'], ['成', 'cheng'], ['渝', 'yu'],
];

const ENTITY_KINDS: Array<[NodeKind, string, string]> = [
  ['Lab', '实验室', 'Laboratory'],
  ['Project', '项目', 'Project'],
  ['Facility', '装置', 'Facility'],
  ['Technology', '技术', 'Technology'],
  ['InnovationHub', '创新中心', 'Innovation Hub'],
  ['IndustryChain', '产业链', 'Industry Chain'],
  ['Cluster', '产业集群', 'Cluster'],
];

export interface SyntheticLoadOptions {
  seed?: number;
  plans?: number;
  /** About this many nodes per plan (default 500; at least ~40). */
  nodesPerPlan?: number;
  /** Shared corridors / places / organizations across all plans. */
  shared?: number;
}

/** Node count ≈ plans × nodesPerPlan + shared pool. */
export function syntheticLoadGraph(options: SyntheticLoadOptions = {}): PlanGraph {
  const rand = prng(options.seed ?? 20230505);
  const planCount = options.plans ?? 2;
  const perPlan = Math.max(40, options.nodesPerPlan ?? 500);
  const sharedCount = options.shared ?? 12;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

  const nodes: PlanNode[] = [];
  const edges: PlanEdge[] = [];
  const documents: PlanDocument[] = [];
  const nameOf = (suffix: string): { zh: string; pinyin: string } => {
    const parts = Array.from({ length: int(2, 4) }, () => pick(SYLLABLES));
    return { zh: parts.map((p) => p[0]).join('') + suffix, pinyin: parts.map((p) => p[1]).join(' ') };
  };

  // The shared pool: nodes get their spans from every plan that mentions them.
  const shared: PlanNode[] = [];
  for (let i = 0; i < sharedCount; i++) {
    const [kind, zh, en] = ([['Corridor', '走廊', 'Corridor'], ['Place', '片区', 'Area'], ['Organization', '管委会', 'Committee']] as const)[i % 3]!;
    const nm = nameOf(zh);
    const node: PlanNode = { id: `shared/${kind.toLowerCase()}-${i}`, kind, name: { zh: nm.zh, en: `${en} ${i}`, pinyin: nm.pinyin }, props: {}, sources: [] };
    shared.push(node);
    nodes.push(node);
  }

  for (let p = 0; p < planCount; p++) {
    const planId = `synthetic-plan-${String(p).padStart(4, '0')}`;
    let text = '';
    const mention = (phrase: string): Span => {
      const start = text.length;
      text += `${phrase}。`;
      return { doc: planId, start, end: start + phrase.length };
    };
    let edgeSeq = 0;
    const add = (kind: NodeKind, id: string, suffix: string, en: string, props: Props = {}): PlanNode => {
      const nm = nameOf(suffix);
      const node: PlanNode = { id, kind, name: { zh: nm.zh, en, pinyin: nm.pinyin }, props, sources: [] };
      node.sources.push(mention(nm.zh));
      nodes.push(node);
      return node;
    };
    const link = (source: PlanNode, type: EdgeType, target: PlanNode, stated = true): void => {
      const id = `${planId}/e${edgeSeq++}`;
      if (stated) {
        edges.push({ id, type, source: source.id, target: target.id, props: { basis: 'stated' }, sources: [mention(`${source.name.zh}${target.name.zh}`)] });
      } else {
        edges.push({ id, type, source: source.id, target: target.id, props: { basis: 'inferred', rationale: 'synthetic: the task names the entity', plan: planId }, sources: [] });
      }
    };
    const useShared = (): PlanNode => {
      const node = pick(shared);
      node.sources.push(mention(node.name.zh));
      return node;
    };

    const plan = add('Plan', planId, '行动计划', `Synthetic Plan ${p}`, { periodStart: 2023, periodEnd: 2027 });
    if (shared.length > 0) link(plan, 'ISSUED_BY', useShared());
    const goalCount = Math.max(3, Math.round(perPlan * 0.03));
    const actionCount = Math.max(2, Math.round(perPlan * 0.02));
    const tasksPerAction = Math.max(2, Math.round((perPlan * 0.25) / actionCount));
    const goals: PlanNode[] = [];
    for (let g = 0; g < goalCount; g++) {
      const props: Props = { order: g + 1, year: int(2024, 2027) };
      if (rand() < 0.7) Object.assign(props, { target: int(5, 5000), unit: pick(['家', '个', '亿元', '项']), comparison: 'atLeast' });
      else props.growth = Math.round(rand() * 1000) / 1000;
      const goal = add('Goal', `${planId}/goal-${g}`, '目标', `Goal ${g}`, props);
      goals.push(goal);
      link(plan, 'SETS', goal);
    }
    const entityBudget = perPlan - 1 - goalCount - actionCount * (1 + tasksPerAction);
    const entities: PlanNode[] = [];
    for (let e = 0; e < Math.max(5, entityBudget); e++) {
      const [kind, suffix, en] = pick(ENTITY_KINDS);
      const props: Props = kind === 'Lab' ? { memberCount: int(3, 40) } : kind === 'Project' ? { investment: Math.round(rand() * 10000) / 100, years: [2024, 2025] } : {};
      entities.push(add(kind, `${planId}/${kind.toLowerCase()}-${e}`, suffix, `${en} ${e}`, props));
    }
    const chains = entities.filter((e) => e.kind === 'IndustryChain');
    const clusters = entities.filter((e) => e.kind === 'Cluster');
    for (const chain of chains) if (clusters.length > 0) link(chain, 'FEEDS', pick(clusters));
    for (const goal of goals) if (rand() < 0.5) link(goal, 'ABOUT', pick(entities));
    for (let a = 0; a < actionCount; a++) {
      const action = add('Action', `${planId}/action-${a}`, '行动', `Action ${a}`, { order: a + 1, taskCount: tasksPerAction });
      link(plan, 'HAS_ACTION', action);
      link(action, 'SERVES', pick(goals));
      for (let t = 0; t < tasksPerAction; t++) {
        const task = add('Task', `${planId}/action-${a}/task-${t}`, '任务', `Task ${a}.${t}`, { order: t + 1 });
        link(action, 'HAS_TASK', task);
        const involved = new Set<PlanNode>();
        for (let k = int(1, 3); k > 0; k--) involved.add(pick(entities));
        if (shared.length > 0 && rand() < 0.1) involved.add(useShared());
        for (const entity of involved) link(task, 'INVOLVES', entity, rand() < 0.8);
        if (rand() < 0.3) link(task, 'SERVES', pick(goals));
      }
    }
    documents.push({ id: planId, title: `${plan.name.zh}(2023—2027年)`, issuer: '合成管委会', published: '2023-05-05', text, meta: { period: '2023–2027' } });
  }
  // Shared nodes no plan mentioned would have no span: drop them.
  const used = nodes.filter((n) => n.sources.length > 0);
  return { format: FORMAT, documents, nodes: used, edges, warnings: [] };
}
