/**
 * Facts of the Chongqing High-tech Zone plan, as its text states them: the graph must
 * be complete (nothing named is missing), right (counts as stated) and linked (one
 * node for one thing, however often it is named), every node traceable to its text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInGraph, byKind, node, PLAN, quote, targets } from '../support.ts';
import { canonicalName } from '../../../graph/extract/draft.ts';

const graph = builtInGraph();
const PUBLISHED_SHA256 = '0c5a8a37526d52ece874b200097a7f2d36b4e3e4c9dd5a4ee9318408b5bc288b';
const task = (action: number, n: number) => `${PLAN}/action-${action}/task-${n}`;
const membersOf = (taskId: string) => targets(graph, taskId, 'INVOLVES').map((id) => node(graph, id).name.zh);

describe('the plan document', () => {
  it('carries the metadata record and the text byte for byte', () => {
    const [doc] = graph.documents;
    expect(doc).toMatchObject({
      id: PLAN,
      title: '重庆高新区融入成渝地区双城经济圈建设行动计划(2023—2027年)',
      issuer: '重庆高新区管委会',
      published: '2023-05-05',
    });
    expect(doc!.meta).toMatchObject({ interpreter: '重庆高新区改革发展局', period: '2023–2027' });
    // The copy in graph/sources is the published page byte for byte, chrome and all.
    const bytes = readFileSync(new URL('../../../graph/sources/cq-hitech-twin-city-plan-2023-2027.txt', import.meta.url));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(PUBLISHED_SHA256);
    expect(doc!.text).toBe(bytes.toString('utf8'));
    expect(doc!.text).toContain('扫一扫在手机打开当前页');
  });

  it('has one plan node issued by the administrative committee and interpreted by its bureau', () => {
    expect(byKind(graph, 'Plan').map((n) => n.id)).toEqual([PLAN]);
    expect(targets(graph, PLAN, 'ISSUED_BY').map((id) => node(graph, id).name.zh)).toEqual(['重庆高新区管委会']);
    expect(targets(graph, PLAN, 'INTERPRETED_BY').map((id) => node(graph, id).name.zh)).toEqual(['重庆高新区改革发展局']);
    expect(node(graph, PLAN).props).toMatchObject({ periodStart: 2023, periodEnd: 2027 });
  });

  it('carries out two meetings and one document', () => {
    const policies = targets(graph, PLAN, 'IMPLEMENTS').map((id) => node(graph, id));
    expect(policies.map((p) => [p.name.zh, p.props.form])).toEqual([
      ['市委六届二次全会', 'meeting'],
      ['重庆市建设成渝地区双城经济圈工作推进大会', 'meeting'],
      ['《重庆市推动成渝地区双城经济圈建设行动方案(2023—2027年)》', 'document'],
    ]);
  });
});

describe('goals', () => {
  const goals = byKind(graph, 'Goal');
  const goal = (n: number) => node(graph, `${PLAN}/goal-${n}`);

  it('are thirteen, all for 2027, set by the plan', () => {
    expect(goals).toHaveLength(13);
    expect(goals.every((g) => g.props.year === 2027)).toBe(true);
    expect(targets(graph, PLAN, 'SETS')).toHaveLength(13);
  });

  it('parse R&D at 5.7% of GDP', () => {
    expect(goal(1).props).toMatchObject({ target: 5.7, unit: '%', comparison: 'reach' });
    expect(goal(1).name.zh).toBe('全社会研发经费投入占地区生产总值的比重达5.7%');
  });

  it('split the doubled enterprise counts into two goals with their own numbers', () => {
    expect(goal(2).props).toMatchObject({ target: 1000, unit: '家', comparison: 'exceed', growth: '双倍增' });
    expect(goal(2).name.zh).toBe('高新技术企业超过1000家');
    expect(goal(3).props).toMatchObject({ target: 4500, unit: '家', comparison: 'exceed', growth: '双倍增' });
    expect(goal(3).name.zh).toBe('科技型企业超过4500家');
  });

  it('count three ¥100-billion clusters', () => {
    expect(goal(4).props).toMatchObject({ target: 3, unit: '个', comparison: 'build' });
  });

  it('give manufacturing 30% and the digital economy 60% of GDP, each with the shared measure', () => {
    expect(goal(5).name.zh).toBe('制造业增加值占GDP比重达到30%');
    expect(goal(5).props).toMatchObject({ target: 30, unit: '%', aspirational: true });
    expect(goal(6).name.zh).toBe('数字经济增加值占GDP比重达到60%');
    expect(goal(6).props).toMatchObject({ target: 60, unit: '%', aspirational: true });
  });

  it('double freight volume, value and intermodal containers on the land-sea corridor', () => {
    for (const n of [9, 10, 11]) {
      expect(goal(n).props).toMatchObject({ target: 2, unit: '倍', comparison: 'multiply', growth: '倍增' });
      expect(goal(n).name.zh).toMatch(/^经西部陆海新通道运行的.+倍增$/);
      expect(targets(graph, goal(n).id, 'ABOUT')).toContain('corridor/xi-bu-lu-hai-xin-tong-dao');
    }
    expect(targets(graph, goal(11).id, 'ABOUT')).toEqual(
      expect.arrayContaining(['corridor/zhong-ou-ban-lie', 'corridor/chang-jiang-huang-jin-shui-dao']),
    );
    expect(targets(graph, goal(9).id, 'ABOUT')).not.toContain('corridor/zhong-ou-ban-lie');
  });

  it('keep the qualitative goals whole, without a target', () => {
    const qualitative = goals.filter((g) => g.props.qualitative === true).map((g) => g.props.order);
    expect(qualitative).toEqual([7, 8, 12, 13]);
    expect(goals.filter((g) => g.props.qualitative).every((g) => g.props.target === undefined)).toBe(true);
  });

  it('are each served by something, so no goal is an orphan', () => {
    const served = new Set(graph.edges.filter((e) => e.type === 'SERVES').map((e) => e.target));
    expect(goals.filter((g) => !served.has(g.id)).map((g) => g.id)).toEqual([]);
  });
});

describe('actions and tasks', () => {
  it('are five actions in the order of the text', () => {
    expect(targets(graph, PLAN, 'HAS_ACTION').map((id) => node(graph, id).name.zh)).toEqual([
      '实施科技创新中心核心区建设行动',
      '实施现代化新重庆重要引擎建设行动',
      '实施高品质生活示范区提质行动',
      '实施内陆改革开放高地建设行动',
      '实施西部科学城协同共建行动',
    ]);
  });

  it('have the task groups their openings announce', () => {
    const tasks = [1, 2, 3, 4, 5].map((a) => targets(graph, `${PLAN}/action-${a}`, 'HAS_TASK').length);
    expect(tasks).toEqual([4, 2, 5, 3, 6]);
    expect(node(graph, `${PLAN}/action-1`).props).toMatchObject({ taskCount: 4, taskCountText: '二三四五' });
  });

  it('report the text’s own inconsistency: “五大行动任务” over six listed tasks', () => {
    const warning = graph.warnings.find((w) => w.code === 'count-mismatch' && w.node === `${PLAN}/action-5`);
    expect(warning?.message).toContain('5');
    expect(warning?.message).toContain('6');
    expect(quote(graph, { doc: warning!.doc!, start: warning!.start!, end: warning!.end! })).toBe('五大行动任务');
    expect(graph.warnings.filter((w) => w.code === 'count-mismatch')).toHaveLength(1);
  });
});

describe('entities', () => {
  it('two major facilities', () => {
    expect(membersOf(task(1, 1))).toEqual(['超瞬态实验装置', '长江上游种质创制装置']);
    expect(byKind(graph, 'Facility')).toHaveLength(2);
  });

  it('three core technology areas', () => {
    expect(membersOf(task(1, 2))).toEqual(['汽车电子和储能技术', '多组学和病理诊断', '集成电路和软件']);
    expect(byKind(graph, 'Technology')).toHaveLength(3);
  });

  it('a four-level lab system of four labs', () => {
    expect(membersOf(task(1, 3))).toEqual(['金凤实验室', '机械传动等全国重点实验室', '云创实验室', '智能网联新能源汽车实验室']);
    expect(node(graph, task(1, 3)).props).toMatchObject({ memberCount: 4, countWord: '四级' });
    expect(byKind(graph, 'Lab')).toHaveLength(4);
  });

  it('five innovation pillars', () => {
    expect(membersOf(task(1, 4))).toEqual(['大学城', '科研港', '生命岛', '科学谷', '科创街']);
    expect(membersOf(task(1, 4)).every((zh) => graph.nodes.find((n) => n.name.zh === zh)?.kind === 'InnovationHub')).toBe(true);
  });

  it('four industry chains feeding five leading clusters', () => {
    expect(membersOf(task(2, 1))).toEqual(['芯智数用', '车路芯网', '药械诊疗', '研用检创']);
    expect(membersOf(task(2, 2))).toEqual(['电子信息制造业', '软件和信息服务业', '智能网联新能源汽车', '生物医药产业', '科技服务业']);
    expect(byKind(graph, 'IndustryChain')).toHaveLength(4);
    const fed = new Set(graph.edges.filter((e) => e.type === 'FEEDS').map((e) => e.target));
    expect(targets(graph, task(2, 2), 'INVOLVES').every((c) => fed.has(c))).toBe(true);
  });

  it('projects of the liveability action', () => {
    expect([1, 2, 3].flatMap((n) => membersOf(task(3, n)))).toEqual([
      '轨道上的科学城', '“四纵五横”高快速路', '“五纵十横”主干路', '金凤城市中心', '4大片区城市更新',
      '北师大重庆科学城实验学校', '重庆大学附属肿瘤医院科学城院区',
    ]);
    expect(byKind(graph, 'Project')).toHaveLength(7);
  });

  it('one corridor node linked from every action and goal that names it', () => {
    const corridor = 'corridor/xi-bu-lu-hai-xin-tong-dao';
    expect(graph.nodes.filter((n) => n.name.zh === '西部陆海新通道')).toHaveLength(1);
    const from = graph.edges.filter((e) => e.target === corridor).map((e) => e.source).sort();
    expect(from).toEqual([`${PLAN}/action-3/task-5`, `${PLAN}/action-4/task-1`, `${PLAN}/goal-10`, `${PLAN}/goal-11`, `${PLAN}/goal-9`]);
  });

  it('ties the actions together where the text does', () => {
    const ties = graph.edges.filter((e) => e.type === 'RELATES_TO' && e.props.basis === 'stated');
    expect(ties.map((e) => [e.source, e.target])).toEqual([[`${PLAN}/action-3/task-5`, `${PLAN}/action-4`]]);
    expect(quote(graph, ties[0]!.sources[0]!)).toBe('内陆改革开放高地');
  });
});

describe('traceability', () => {
  it('every node quotes its name (entities) or its substance (goals, tasks, actions)', () => {
    for (const n of graph.nodes) {
      expect(n.sources.length, n.id).toBeGreaterThan(0);
      const quotes = n.sources.map((s) => quote(graph, s));
      if (n.kind === 'Goal') {
        if (typeof n.props.target === 'number' && n.props.unit !== '倍') {
          expect(quotes.some((q) => q.includes(String(n.props.target))), n.id).toBe(true);
        }
        if (n.props.growth) expect(quotes.some((q) => q.includes(String(n.props.growth))), n.id).toBe(true);
      } else if (n.kind === 'Plan') {
        expect(quotes[0]).toBe(n.name.zh);
      } else {
        expect(quotes.some((q) => canonicalName(q).includes(canonicalName(n.name.zh))), `${n.id}: ${quotes.join(' / ')}`).toBe(true);
      }
    }
  });

  it('every stated edge quotes the passage that states it, every inferred one says why', () => {
    for (const e of graph.edges) {
      if (e.props.basis === 'stated') expect(e.sources.length, e.id).toBeGreaterThan(0);
      else expect(String(e.props.rationale ?? '').length, e.id).toBeGreaterThan(10);
    }
  });

  it('the Q&A restatement adds spans to the same nodes instead of new ones', () => {
    // Action 4 is not restated in the Q&A; the other four are.
    for (const [action, tasks] of [[1, 4], [2, 2], [3, 5], [5, 6]] as const) {
      for (let t = 1; t <= tasks; t++) expect(node(graph, task(action, t)).sources, task(action, t)).toHaveLength(2);
    }
    for (let t = 1; t <= 3; t++) expect(node(graph, task(4, t)).sources).toHaveLength(1);
    expect(node(graph, 'lab/jin-feng-shi-yan-shi').sources).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.name.zh === '金凤实验室')).toHaveLength(1);
  });

  it('every node has an English name and pinyin for search', () => {
    expect(graph.nodes.filter((n) => !n.name.en).map((n) => n.id)).toEqual([]);
    expect(node(graph, 'lab/jin-feng-shi-yan-shi').name.pinyin).toBe('jin feng shi yan shi');
  });
});
