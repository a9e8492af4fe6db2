/**
 * The extractor is for the genre, not for one text: two plans it has never seen,
 * shaped differently (numbered items, no Q&A, no 《》 title, other units), get a
 * sensible draft with warnings, without curation.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, planFromTextFile } from '../../../graph/build/index.ts';
import { byKind, node, targets } from '../support.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/texts/${name}`, import.meta.url));
const draft = (name: string) => buildGraph([planFromTextFile(fixture(name))], { curate: false });
const names = (graph: ReturnType<typeof draft>, ids: string[]) => ids.map((id) => node(graph, id).name.zh);

describe('a Chengdu implementation plan with numbered tasks', () => {
  const graph = draft('chengdu-hitech-draft.txt');
  const plan = 'chengdu-hitech-draft';

  it('reads title, issuer, date and period from the text', () => {
    expect(graph.documents[0]).toMatchObject({
      title: '成都高新区推动成渝地区双城经济圈建设实施方案(2024—2026年)',
      issuer: '成都高新区管委会',
      published: '2024-03-18',
    });
    expect(node(graph, plan).props).toMatchObject({ periodStart: 2024, periodEnd: 2026 });
  });

  it('parses goals in 亿元 and 家 for the plan’s end year', () => {
    const goals = byKind(graph, 'Goal');
    expect(goals.map((g) => [g.name.zh, g.props.target, g.props.unit, g.props.year])).toEqual([
      ['规模以上工业增加值超过1500亿元', 1500, '亿元', 2026],
      ['独角兽企业达到12家', 12, '家', 2026],
      ['经西部陆海新通道运行的货运量倍增', 2, '倍', 2026],
      ['共建西部科学城取得明显成效', undefined, undefined, 2026],
    ]);
  });

  it('takes numbered items as tasks and checks them against “三大任务”', () => {
    const tasks = targets(graph, `${plan}/action-1`, 'HAS_TASK');
    expect(tasks).toHaveLength(3);
    expect(node(graph, `${plan}/action-1`).props).toMatchObject({ taskCount: 3 });
    expect(names(graph, targets(graph, tasks[0]!, 'INVOLVES'))).toEqual(['天府实验室', '电子科技大学实验室']);
    expect(names(graph, targets(graph, tasks[1]!, 'INVOLVES'))).toEqual(['新型显示', '生物医药']);
    expect(graph.warnings.filter((w) => w.code === 'count-mismatch')).toEqual([]);
  });

  it('infers that joining the corridor serves the corridor goal, and warns of goals nothing serves', () => {
    const serves = graph.edges.filter((e) => e.type === 'SERVES');
    expect(serves.map((e) => [e.source, e.target, e.props.basis])).toContainEqual([`${plan}/action-1/task-3`, `${plan}/goal-3`, 'inferred']);
    expect(graph.warnings.filter((w) => w.code === 'unserved-goal').map((w) => w.node)).toEqual([`${plan}/goal-1`, `${plan}/goal-2`]);
  });
});

describe('a county green plan with no 《》 title, no issuer and a miscounted action', () => {
  const graph = draft('county-green-plan.txt');
  const plan = 'county-green-plan';

  it('finds the title on its heading line and warns that no issuer is named', () => {
    expect(graph.documents[0]!.title).toBe('某县绿色低碳发展行动计划(2023—2025年)');
    expect(graph.warnings.map((w) => w.code)).toContain('no-issuer');
  });

  it('parses decreases and power capacity', () => {
    const goals = byKind(graph, 'Goal');
    expect(goals[0]!.props).toMatchObject({ target: 13.5, unit: '%', comparison: 'decrease', year: 2025 });
    expect(goals[1]!.props).toMatchObject({ target: 80, unit: '万千瓦', comparison: 'reach' });
    expect(goals[2]!.props).toMatchObject({ target: 3, unit: '个', comparison: 'build' });
  });

  it('finds members with kinds from their group’s head noun', () => {
    const [t1, t2] = targets(graph, `${plan}/action-1`, 'HAS_TASK');
    expect(targets(graph, t1!, 'INVOLVES').map((id) => node(graph, id).kind)).toEqual(['Facility', 'Facility']);
    expect(names(graph, targets(graph, t2!, 'INVOLVES'))).toEqual(['储能技术', '氢能技术', '智能电网技术']);
  });

  it('reports “两大行动任务” over three listed tasks', () => {
    const mismatch = graph.warnings.filter((w) => w.code === 'count-mismatch');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.node).toBe(`${plan}/action-2`);
  });

  it('draft nodes have no English names yet, and the build says so', () => {
    expect(graph.warnings.find((w) => w.code === 'missing-english')?.message).toMatch(/^\d+ of \d+ nodes/);
  });
});
