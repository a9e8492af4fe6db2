/**
 * Small hand-made PlanGraphs for the query contract suite. Every expected answer in
 * contract.ts is worked out by hand from these; change them together.
 */
import type { EdgeType, NodeKind, PlanDocument, PlanEdge, PlanGraph, PlanNode, Props, Span } from '../../../graph/model/types.ts';
import { FORMAT } from '../../../graph/model/types.ts';

function spanIn(doc: PlanDocument, phrase: string, occurrence = 1): Span {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = doc.text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`fixture: "${phrase}" (#${occurrence}) not in ${doc.id}`);
  }
  return { doc: doc.id, start: at, end: at + phrase.length };
}

class Builder {
  readonly nodes: PlanNode[] = [];
  readonly edges: PlanEdge[] = [];
  constructor(readonly documents: PlanDocument[]) {}

  doc(id: string): PlanDocument {
    const d = this.documents.find((x) => x.id === id);
    if (!d) throw new Error(`fixture: no document ${id}`);
    return d;
  }

  node(
    id: string,
    kind: NodeKind,
    zh: string,
    en: string,
    pinyin: string | undefined,
    opts: { props?: Props; sources?: Span[]; doc?: string; phrase?: string; occurrence?: number } = {},
  ): PlanNode {
    const sources = opts.sources ?? (opts.doc ? [spanIn(this.doc(opts.doc), opts.phrase ?? zh, opts.occurrence)] : []);
    const node: PlanNode = { id, kind, name: pinyin === undefined ? { zh, en } : { zh, en, pinyin }, props: opts.props ?? {}, sources };
    this.nodes.push(node);
    return node;
  }

  edge(
    source: string,
    type: EdgeType,
    target: string,
    opts: { id?: string; inferred?: string; props?: Props; sources?: Span[] } = {},
  ): PlanEdge {
    const e: PlanEdge = {
      id: opts.id ?? `${source}|${type}|${target}`,
      type,
      source,
      target,
      props: opts.inferred
        ? { ...opts.props, basis: 'inferred', rationale: opts.inferred }
        : { ...opts.props, basis: 'stated' },
      sources: opts.sources ?? [],
    };
    this.edges.push(e);
    return e;
  }

  graph(): PlanGraph {
    return { format: FORMAT, documents: this.documents, nodes: this.nodes, edges: this.edges, warnings: [] };
  }
}

const PLAN_A_TEXT =
  '高新区行动计划\n管委会印发，改革发展局解读。落实双城经济圈部署。\n' +
  '目标：研发投入强度达到5.7%；高新技术企业超过1000家；人才集聚超过10000人；建成科学城愿景。\n' +
  '行动一：科技创新行动。建设金凤实验室，布局人工智能算力中心。\n' +
  '行动二：产业升级行动。壮大集成电路产业，推动集成电路产业链延伸，做强电子信息产业集群，建设晶圆厂项目。\n' +
  '行动三：开放合作行动。共建科创走廊，携手共建成渝科创走廊。关注人工智能。西永片区。\n';

const PLAN_B_TEXT = '成渝合作方案\n成渝办印发。\n目标：双城通勤一小时。\n行动：交通互联行动。共同建设成渝科创走廊。\n';

/**
 * Two plans. Plan A (plan:a) sets four goals and three actions; plan B (plan:b) one goal and
 * one action; the corridor (corridor:cy) is shared by both.
 *
 *   action:innov   -SERVES-> goal:rd          HAS_TASK task:lab -INVOLVES-> lab:jinfeng (-SERVES-> goal:rd), project:dc
 *   action:industry (serves nothing itself)   HAS_TASK task:chip -INVOLVES-> chain:ic -FEEDS-> cluster:ei -SERVES-> goal:firms
 *                                                                -INVOLVES-> project:fab (serves nothing)
 *   action:open    -SERVES-> goal:firms       HAS_TASK task:corridor -INVOLVES-> corridor:cy
 *   action:b1 (plan B)                        HAS_TASK task:b1 (-SERVES-> goal:b-link) -INVOLVES-> corridor:cy
 *   goal:talent has a target and nothing serves it (goal:vision SERVES it, which does not count);
 *   goal:vision has no target; tech:ai and place:xiyong serve nothing.
 *   action:innov and action:industry are tied by two RELATES_TO edges (one each way).
 */
export function twoPlans(): PlanGraph {
  const a: PlanDocument = {
    id: 'plan-a',
    title: '高新区行动计划',
    issuer: '管委会',
    published: '2023-04-20',
    text: PLAN_A_TEXT,
    meta: { period: '2023-2027' },
  };
  const bDoc: PlanDocument = { id: 'plan-b', title: '成渝合作方案', issuer: '成渝办', published: '2023-06-01', text: PLAN_B_TEXT };
  const b = new Builder([a, bDoc]);
  const A = { doc: 'plan-a' };
  const B = { doc: 'plan-b' };

  b.node('plan:a', 'Plan', '高新区行动计划', 'Hi-Tech Zone Action Plan', 'gao xin qu xing dong ji hua', {
    ...A,
    props: { period: '2023-2027', startYear: 2023, endYear: 2027 },
  });
  b.node('plan:b', 'Plan', '成渝合作方案', 'Chengdu-Chongqing Cooperation Scheme', 'cheng yu he zuo fang an', B);
  b.node('org:mgmt', 'Organization', '管委会', 'Management Committee', 'guan wei hui', A);
  b.node('org:reform', 'Organization', '改革发展局', 'Reform and Development Bureau', 'gai ge fa zhan ju', A);
  b.node('org:cy-office', 'Organization', '成渝办', 'Twin-City Office', 'cheng yu ban', B);
  b.node('policy:twin', 'Policy', '双城经济圈', 'Twin-City Economic Circle', 'shuang cheng jing ji quan', A);

  b.node('goal:rd', 'Goal', '研发投入强度', 'R&D intensity', 'yan fa tou ru qiang du', {
    ...A,
    props: { target: '5.7%', value: 5.7, year: 2027 },
  });
  b.node('goal:firms', 'Goal', '高新技术企业', 'High-tech enterprises', 'gao xin ji shu qi ye', {
    ...A,
    props: { target: '1000', value: 1000, year: 2027 },
  });
  b.node('goal:talent', 'Goal', '人才集聚', 'Talent gathering', 'ren cai ji ju', { ...A, props: { target: '10000' } });
  b.node('goal:vision', 'Goal', '科学城愿景', 'Science City vision', 'ke xue cheng yuan jing', A);
  b.node('goal:b-link', 'Goal', '双城通勤', 'Twin-city commute', 'shuang cheng tong qin', { ...B, props: { target: '1 hour' } });

  b.node('action:innov', 'Action', '科技创新行动', 'Innovation action', 'ke ji chuang xin xing dong', { ...A, props: { ordinal: 1 } });
  b.node('action:industry', 'Action', '产业升级行动', 'Industry upgrade action', 'chan ye sheng ji xing dong', {
    ...A,
    props: { ordinal: 2 },
  });
  b.node('action:open', 'Action', '开放合作行动', 'Opening-up action', 'kai fang he zuo xing dong', { ...A, props: { ordinal: 3 } });
  b.node('action:b1', 'Action', '交通互联行动', 'Transport link action', 'jiao tong hu lian xing dong', B);

  b.node('task:lab', 'Task', '建设金凤实验室', 'Build the Golden Phoenix Lab', 'jian she jin feng shi yan shi', A);
  b.node('task:chip', 'Task', '壮大集成电路产业', 'Grow the IC industry', 'zhuang da ji cheng dian lu chan ye', A);
  b.node('task:corridor', 'Task', '共建科创走廊', 'Co-build the corridor', 'gong jian ke chuang zou lang', A);
  b.node('task:b1', 'Task', '共同建设成渝科创走廊', 'Jointly build the corridor', 'gong tong jian she cheng yu ke chuang zou lang', B);

  b.node('lab:jinfeng', 'Lab', '金凤实验室', 'Golden Phoenix Lab', 'jin feng shi yan shi', {
    ...A,
    props: { fields: ['人工智能', '集成电路'], founded: 2022, national: false, scores: [1, 2.5] },
  });
  b.node('project:dc', 'Project', '人工智能算力中心', 'AI Computing Center', 'ren gong zhi neng suan li zhong xin', A);
  b.node('chain:ic', 'IndustryChain', '集成电路产业链', 'Integrated circuit chain', 'ji cheng dian lu chan ye lian', A);
  b.node('cluster:ei', 'Cluster', '电子信息产业集群', 'Electronic information cluster', 'dian zi xin xi chan ye ji qun', A);
  b.node('project:fab', 'Project', '晶圆厂项目', 'Wafer fab project', 'jing yuan chang xiang mu', A);
  // Shared by both plans; sources deliberately listed plan B first.
  b.node('corridor:cy', 'Corridor', '成渝科创走廊', 'Chengdu-Chongqing Sci-Tech Corridor', 'cheng yu ke chuang zou lang', {
    sources: [spanIn(bDoc, '成渝科创走廊'), spanIn(a, '成渝科创走廊')],
  });
  b.node('tech:ai', 'Technology', '人工智能', 'Artificial intelligence', 'ren gong zhi neng', { ...A, occurrence: 2 });
  b.node('place:xiyong', 'Place', '西永', 'Xiyong', 'xi yong', A);

  b.edge('plan:a', 'ISSUED_BY', 'org:mgmt', { sources: [spanIn(a, '管委会印发')] });
  b.edge('plan:a', 'INTERPRETED_BY', 'org:reform');
  b.edge('plan:a', 'IMPLEMENTS', 'policy:twin', { inferred: 'the plan says it carries out the twin-city deployment' });
  b.edge('plan:b', 'ISSUED_BY', 'org:cy-office');
  for (const g of ['goal:rd', 'goal:firms', 'goal:talent', 'goal:vision']) b.edge('plan:a', 'SETS', g);
  b.edge('plan:b', 'SETS', 'goal:b-link');
  for (const x of ['action:innov', 'action:industry', 'action:open']) b.edge('plan:a', 'HAS_ACTION', x);
  b.edge('plan:b', 'HAS_ACTION', 'action:b1');

  b.edge('action:innov', 'HAS_TASK', 'task:lab');
  b.edge('action:industry', 'HAS_TASK', 'task:chip');
  b.edge('action:open', 'HAS_TASK', 'task:corridor');
  b.edge('action:b1', 'HAS_TASK', 'task:b1');

  b.edge('task:lab', 'INVOLVES', 'lab:jinfeng', { sources: [spanIn(a, '建设金凤实验室')], props: { role: 'build' } });
  b.edge('task:lab', 'INVOLVES', 'project:dc');
  b.edge('task:chip', 'INVOLVES', 'chain:ic');
  b.edge('task:chip', 'INVOLVES', 'project:fab');
  b.edge('task:corridor', 'INVOLVES', 'corridor:cy');
  b.edge('task:b1', 'INVOLVES', 'corridor:cy');

  b.edge('chain:ic', 'FEEDS', 'cluster:ei', { inferred: 'the chain supplies the cluster' });

  b.edge('action:innov', 'SERVES', 'goal:rd', { inferred: 'innovation raises R&D spending' });
  b.edge('lab:jinfeng', 'SERVES', 'goal:rd', { inferred: 'a lab is R&D spending' });
  b.edge('cluster:ei', 'SERVES', 'goal:firms', { inferred: 'the cluster hosts high-tech firms' });
  b.edge('action:open', 'SERVES', 'goal:firms', { inferred: 'opening up attracts firms' });
  b.edge('task:b1', 'SERVES', 'goal:b-link', { inferred: 'the corridor shortens commutes' });
  b.edge('goal:vision', 'SERVES', 'goal:talent', { inferred: 'goal to goal: ignored by the climb' });

  b.edge('goal:firms', 'ABOUT', 'place:xiyong');
  b.edge('tech:ai', 'RELATES_TO', 'action:open');
  b.edge('action:innov', 'RELATES_TO', 'action:industry', { id: 'rel:innov-industry' });
  b.edge('action:industry', 'RELATES_TO', 'action:innov', { id: 'rel:industry-innov' });
  return b.graph();
}

/** Nothing at all. */
export function emptyGraph(): PlanGraph {
  return { format: FORMAT, documents: [], nodes: [], edges: [], warnings: [] };
}

/**
 * Shapes for the algorithms' corner cases: no sources, no pinyin on some names.
 *
 *   hub -INVOLVES-> x1 x2 x3 x4 ; hub -ABOUT-> x5 ; y -INVOLVES-> x1, x2 ; x1 -INVOLVES-> z
 *   c1 -FEEDS-> c2 -FEEDS-> c1 (a cycle), c2 -SERVES-> g ; t -INVOLVES-> c1 ; t -SERVES-> g2
 *   diamond: s -> m1 -> e, s -> m2 -> e, s -> m3 -> e with two parallel m2 -> e edges, plus a
 *   longer s -> l1 -> l2 -> e route; self-loop on s.
 */
export function shapes(): PlanGraph {
  // One document that no span quotes (a loader stores elements per plan document).
  const b = new Builder([{ id: 'shapes', title: '形状', issuer: '测试', published: '2024-01-01', text: '形状测试。' }]);
  b.node('hub', 'Task', '枢纽', 'Hub', 'shu niu');
  for (const x of ['x1', 'x2', 'x3', 'x4', 'x5']) b.node(x, 'Technology', `技术${x}`, `Tech ${x}`, undefined);
  b.node('y', 'Task', '另一任务', 'Other task', 'ling yi ren wu');
  b.node('z', 'Place', '地点', 'Place z', 'di dian');
  for (const x of ['x4', 'x2', 'x3', 'x1']) b.edge('hub', 'INVOLVES', x);
  b.edge('hub', 'ABOUT', 'x5');
  b.edge('y', 'INVOLVES', 'x1');
  b.edge('y', 'INVOLVES', 'x2');
  b.edge('x1', 'INVOLVES', 'z');

  b.node('c1', 'IndustryChain', '链一', 'Chain one', 'lian yi');
  b.node('c2', 'Cluster', '集群二', 'Cluster two', 'ji qun er');
  b.node('g', 'Goal', '目标', 'Goal g', 'mu biao', { props: { target: 'x' } });
  b.node('g2', 'Goal', '目标二', 'Goal g2', 'mu biao er');
  b.node('t', 'Task', '任务', 'Task t', 'ren wu');
  b.edge('c1', 'FEEDS', 'c2');
  b.edge('c2', 'FEEDS', 'c1');
  b.edge('c2', 'SERVES', 'g');
  b.edge('t', 'INVOLVES', 'c1');
  b.edge('t', 'SERVES', 'g2');

  for (const id of ['s', 'm1', 'm2', 'm3', 'e', 'l1', 'l2']) b.node(id, 'Place', `地${id}`, `Node ${id}`, undefined);
  b.edge('s', 'RELATES_TO', 'm1');
  b.edge('s', 'RELATES_TO', 'm2');
  b.edge('m3', 'RELATES_TO', 's');
  b.edge('m1', 'RELATES_TO', 'e');
  b.edge('m2', 'RELATES_TO', 'e', { id: 'm2-e-b' });
  b.edge('m2', 'RELATES_TO', 'e', { id: 'm2-e-a' });
  b.edge('e', 'RELATES_TO', 'm3');
  b.edge('s', 'RELATES_TO', 'l1');
  b.edge('l1', 'RELATES_TO', 'l2');
  b.edge('l2', 'RELATES_TO', 'e');
  b.edge('s', 'RELATES_TO', 's', { id: 's-loop' });
  return b.graph();
}

export const FIXTURES = { twoPlans, emptyGraph, shapes } as const;
