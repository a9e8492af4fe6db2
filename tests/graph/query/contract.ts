/**
 * The query contract: one behaviour suite that every PlanQuery engine must pass with the
 * same answers. Expected values are worked out by hand from fixtures.ts.
 */
import { sentenceAround } from '../../../graph/model/sentence.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEdge, PlanGraph, PlanNode } from '../../../graph/model/types.ts';
import type { PlanQuery, Subgraph } from '../../../graph/query/api.ts';
import { emptyGraph, shapes, twoPlans } from './fixtures.ts';

export type MakeEngine = (graph: PlanGraph, fixture: string) => Promise<PlanQuery>;

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);
const shape = (sg: Subgraph): { nodes: string[]; edges: string[] } => ({ nodes: ids(sg.nodes), edges: ids(sg.edges) });

/** Every node and edge in an answer is exactly the fixture's, field for field. */
function expectFaithful(graph: PlanGraph, sg: { nodes: PlanNode[]; edges: PlanEdge[] }): void {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  for (const n of sg.nodes) expect(n).toStrictEqual(nodes.get(n.id));
  for (const e of sg.edges) expect(e).toStrictEqual(edges.get(e.id));
}

function withEngine(fixture: string, build: () => PlanGraph, makeEngine: MakeEngine) {
  const graph = build();
  const ctx: { q: PlanQuery; graph: PlanGraph } = { q: undefined as unknown as PlanQuery, graph };
  beforeAll(async () => {
    ctx.q = await makeEngine(graph, fixture);
  });
  afterAll(async () => {
    await ctx.q?.close();
  });
  return ctx;
}

export function runQueryContract(name: string, makeEngine: MakeEngine): void {
  describe(`${name}: twoPlans`, () => {
    const ctx = withEngine('twoPlans', twoPlans, makeEngine);
    const hits = async (text: string, limit?: number) =>
      (await ctx.q.search(text, limit)).map((h) => [h.node.id, h.field, h.score]);

    describe('stats', () => {
      it('counts nodes, edges, kinds, types and documents', async () => {
        expect(await ctx.q.stats()).toEqual({
          nodes: 27,
          edges: 34,
          byKind: {
            Plan: 2,
            Organization: 3,
            Policy: 1,
            Goal: 5,
            Action: 4,
            Task: 4,
            Technology: 1,
            Lab: 1,
            IndustryChain: 1,
            Cluster: 1,
            Project: 2,
            Corridor: 1,
            Place: 1,
          },
          byType: {
            ISSUED_BY: 2,
            INTERPRETED_BY: 1,
            IMPLEMENTS: 1,
            SETS: 5,
            HAS_ACTION: 4,
            HAS_TASK: 4,
            INVOLVES: 6,
            SERVES: 6,
            FEEDS: 1,
            ABOUT: 1,
            RELATES_TO: 3,
          },
          documents: 2,
        });
      });
    });

    describe('search', () => {
      it('finds by compact pinyin: prefix beats substring', async () => {
        expect(await hits('jinfeng')).toEqual([
          ['lab:jinfeng', 'pinyin', 2],
          ['task:lab', 'pinyin', 1],
        ]);
      });
      it('finds by spaced pinyin', async () => {
        expect(await hits('jin feng')).toEqual([
          ['lab:jinfeng', 'pinyin', 2],
          ['task:lab', 'pinyin', 1],
        ]);
      });
      it('normalises whitespace and case in the query', async () => {
        expect(await hits('  JIN   Feng ')).toEqual(await hits('jin feng'));
      });
      it('finds by pinyin initials, exact only or prefix, never substring', async () => {
        expect(await hits('jfsys')).toEqual([['lab:jinfeng', 'pinyin', 3]]);
        expect(await hits('rgzn')).toEqual([
          ['tech:ai', 'pinyin', 3],
          ['project:dc', 'pinyin', 2],
        ]);
        expect(await hits('sys')).toEqual([]);
      });
      it('finds by Chinese name: exact > prefix > substring, score before id', async () => {
        expect(await hits('人工智能')).toEqual([
          ['tech:ai', 'zh', 3],
          ['project:dc', 'zh', 2],
        ]);
        expect(await hits('金凤实验室')).toEqual([
          ['lab:jinfeng', 'zh', 3],
          ['task:lab', 'zh', 1],
        ]);
        expect(await hits('实验室')).toEqual([
          ['lab:jinfeng', 'zh', 1],
          ['task:lab', 'zh', 1],
        ]);
      });
      it('finds by English name, case-insensitively', async () => {
        expect(await hits('GOLDEN')).toEqual([
          ['lab:jinfeng', 'en', 2],
          ['task:lab', 'en', 1],
        ]);
      });
      it('finds by id and reports the best field, zh/en/pinyin/id on ties', async () => {
        expect(await hits('GOAL:RD')).toEqual([['goal:rd', 'id', 3]]);
        expect(await hits('lab')).toEqual([
          ['lab:jinfeng', 'id', 2],
          ['task:lab', 'en', 1],
        ]);
      });
      it('ties go to the shorter name (the more specific match), then by id', async () => {
        expect(await hits('shuangcheng')).toEqual([
          ['goal:b-link', 'pinyin', 2], // 双城通勤
          ['policy:twin', 'pinyin', 2], // 双城经济圈
        ]);
        expect(await hits('cheng yu')).toEqual([
          ['org:cy-office', 'pinyin', 2], // 成渝办
          ['corridor:cy', 'pinyin', 2], // 成渝科创走廊, same length as 成渝合作方案: by id
          ['plan:b', 'pinyin', 2],
          ['goal:vision', 'pinyin', 1],
          ['task:b1', 'pinyin', 1],
        ]);
      });
      it('honours the limit (default 20) and gives [] for blank text or limit 0', async () => {
        expect(await hits('goal')).toEqual([
          ['goal:b-link', 'id', 2],
          ['goal:talent', 'id', 2],
          ['goal:vision', 'id', 2],
          ['goal:firms', 'id', 2],
          ['goal:rd', 'id', 2],
        ]);
        expect(await hits('goal', 2)).toEqual([
          ['goal:b-link', 'id', 2],
          ['goal:talent', 'id', 2],
        ]);
        expect((await ctx.q.search('a')).length).toBe(20);
        expect((await ctx.q.search('a', 100)).length).toBe(27);
        expect(await hits('   ')).toEqual([]);
        expect(await hits('')).toEqual([]);
        expect(await hits('lab', 0)).toEqual([]);
        expect(await hits('no such thing')).toEqual([]);
      });
      it('returns the nodes exactly as stored', async () => {
        const all = await ctx.q.search('a', 100);
        expectFaithful(ctx.graph, { nodes: all.map((h) => h.node), edges: [] });
        expect(all.find((h) => h.node.id === 'lab:jinfeng')?.node.props).toEqual({
          fields: ['人工智能', '集成电路'],
          founded: 2022,
          national: false,
          scores: [1, 2.5],
        });
      });
    });

    describe('node', () => {
      it('gives relations sorted by type, direction, other id, with quotes', async () => {
        const d = await ctx.q.node('task:lab');
        expect(d).not.toBeNull();
        expect(d!.node).toStrictEqual(ctx.graph.nodes.find((n) => n.id === 'task:lab'));
        expect(d!.relations.map((r) => [r.edge.id, r.direction, r.other.id])).toEqual([
          ['action:innov|HAS_TASK|task:lab', 'in', 'action:innov'],
          ['task:lab|INVOLVES|lab:jinfeng', 'out', 'lab:jinfeng'],
          ['task:lab|INVOLVES|project:dc', 'out', 'project:dc'],
        ]);
        expectFaithful(ctx.graph, { nodes: d!.relations.map((r) => r.other), edges: d!.relations.map((r) => r.edge) });
        const span = ctx.graph.nodes.find((n) => n.id === 'task:lab')!.sources[0]!;
        const docText = ctx.graph.documents.find((doc) => doc.id === span.doc)!.text;
        expect(d!.quotes).toEqual([{ span, text: '建设金凤实验室', sentence: sentenceAround(docText, span) }]);
        expect(d!.quotes[0]!.sentence!.text).toContain('建设金凤实验室');
      });
      it('puts out before in within a type', async () => {
        const d = await ctx.q.node('action:innov');
        expect(d!.relations.map((r) => [r.edge.id, r.direction, r.other.id])).toEqual([
          ['plan:a|HAS_ACTION|action:innov', 'in', 'plan:a'],
          ['action:innov|HAS_TASK|task:lab', 'out', 'task:lab'],
          ['rel:innov-industry', 'out', 'action:industry'],
          ['rel:industry-innov', 'in', 'action:industry'],
          ['action:innov|SERVES|goal:rd', 'out', 'goal:rd'],
        ]);
      });
      it('quotes every source of a node shared by two plans, sorted by document', async () => {
        const d = await ctx.q.node('corridor:cy');
        expect(d!.relations.map((r) => [r.edge.id, r.direction, r.other.id])).toEqual([
          ['task:b1|INVOLVES|corridor:cy', 'in', 'task:b1'],
          ['task:corridor|INVOLVES|corridor:cy', 'in', 'task:corridor'],
        ]);
        expect(d!.quotes.map((q) => [q.span.doc, q.text])).toEqual([
          ['plan-a', '成渝科创走廊'],
          ['plan-b', '成渝科创走廊'],
        ]);
        const a = ctx.graph.documents[0]!.text;
        expect(d!.quotes[0]!.span.start).toBe(a.indexOf('成渝科创走廊'));
      });
      it('keeps edge props: basis, rationale and extra values', async () => {
        const d = await ctx.q.node('lab:jinfeng');
        const byId = new Map(d!.relations.map((r) => [r.edge.id, r.edge]));
        expect(byId.get('task:lab|INVOLVES|lab:jinfeng')!.props).toEqual({ role: 'build', basis: 'stated' });
        expect(byId.get('lab:jinfeng|SERVES|goal:rd')!.props).toEqual({ basis: 'inferred', rationale: 'a lab is R&D spending' });
        expect(byId.get('task:lab|INVOLVES|lab:jinfeng')!.sources).toEqual([
          { doc: 'plan-a', start: ctx.graph.documents[0]!.text.indexOf('建设金凤实验室'), end: ctx.graph.documents[0]!.text.indexOf('建设金凤实验室') + 7 },
        ]);
      });
      it('gives null for an unknown id', async () => {
        expect(await ctx.q.node('nope')).toBeNull();
      });
    });

    describe('neighbourhood', () => {
      it('caps new neighbours by edge type then other id, and counts the cut', async () => {
        const nb = await ctx.q.neighbourhood('plan:a', 1, 3);
        expect(shape(nb)).toEqual({
          nodes: ['action:industry', 'action:innov', 'action:open', 'plan:a'],
          edges: [
            'plan:a|HAS_ACTION|action:industry',
            'plan:a|HAS_ACTION|action:innov',
            'plan:a|HAS_ACTION|action:open',
            'rel:industry-innov',
            'rel:innov-industry',
          ],
        });
        expect(nb.truncated).toEqual({ 'plan:a': 7 });
        expectFaithful(ctx.graph, nb);
      });
      it('defaults to depth 1 and cap 25, returning the induced subgraph', async () => {
        const nb = await ctx.q.neighbourhood('plan:a');
        expect(ids(nb.nodes)).toEqual([
          'action:industry',
          'action:innov',
          'action:open',
          'goal:firms',
          'goal:rd',
          'goal:talent',
          'goal:vision',
          'org:mgmt',
          'org:reform',
          'plan:a',
          'policy:twin',
        ]);
        expect(nb.edges).toHaveLength(15);
        expect(ids(nb.edges)).toContain('goal:vision|SERVES|goal:talent');
        expect(nb.truncated).toEqual({});
      });
      it('goes deeper level by level, capping each expanded node', async () => {
        const nb = await ctx.q.neighbourhood('tech:ai', 2, 2);
        expect(shape(nb)).toEqual({
          nodes: ['action:open', 'plan:a', 'task:corridor', 'tech:ai'],
          edges: ['action:open|HAS_TASK|task:corridor', 'plan:a|HAS_ACTION|action:open', 'tech:ai|RELATES_TO|action:open'],
        });
        expect(nb.truncated).toEqual({ 'action:open': 1 });
      });
      it('depth 0 is the node alone; unknown id is empty', async () => {
        expect(shape(await ctx.q.neighbourhood('tech:ai', 0))).toEqual({ nodes: ['tech:ai'], edges: [] });
        expect(await ctx.q.neighbourhood('nope')).toEqual({ nodes: [], edges: [], truncated: {} });
      });
    });

    describe('paths', () => {
      it('gives every shortest path, parallel edges apart, sorted by nodes then edges', async () => {
        const r = await ctx.q.paths('goal:rd', 'action:industry');
        expect(r.paths).toEqual([
          { nodes: ['goal:rd', 'action:innov', 'action:industry'], edges: ['action:innov|SERVES|goal:rd', 'rel:industry-innov'] },
          { nodes: ['goal:rd', 'action:innov', 'action:industry'], edges: ['action:innov|SERVES|goal:rd', 'rel:innov-industry'] },
          { nodes: ['goal:rd', 'plan:a', 'action:industry'], edges: ['plan:a|SETS|goal:rd', 'plan:a|HAS_ACTION|action:industry'] },
        ]);
        expect(shape(r)).toEqual({
          nodes: ['action:industry', 'action:innov', 'goal:rd', 'plan:a'],
          edges: [
            'action:innov|SERVES|goal:rd',
            'plan:a|HAS_ACTION|action:industry',
            'plan:a|SETS|goal:rd',
            'rel:industry-innov',
            'rel:innov-industry',
          ],
        });
        expectFaithful(ctx.graph, r);
      });
      it('crosses plans within maxHops (default 6) and not beyond', async () => {
        const r = await ctx.q.paths('lab:jinfeng', 'corridor:cy');
        expect(r.paths).toEqual([
          {
            nodes: ['lab:jinfeng', 'goal:rd', 'plan:a', 'action:open', 'task:corridor', 'corridor:cy'],
            edges: [
              'lab:jinfeng|SERVES|goal:rd',
              'plan:a|SETS|goal:rd',
              'plan:a|HAS_ACTION|action:open',
              'action:open|HAS_TASK|task:corridor',
              'task:corridor|INVOLVES|corridor:cy',
            ],
          },
        ]);
        expect(await ctx.q.paths('lab:jinfeng', 'corridor:cy', 4)).toEqual({ nodes: [], edges: [], paths: [] });
        expect((await ctx.q.paths('lab:jinfeng', 'corridor:cy', 5)).paths).toHaveLength(1);
      });
      it('avoidKinds: the plan node is skipped, giving a longer path', async () => {
        expect((await ctx.q.paths('goal:firms', 'action:industry')).paths).toEqual([
          { nodes: ['goal:firms', 'plan:a', 'action:industry'], edges: ['plan:a|SETS|goal:firms', 'plan:a|HAS_ACTION|action:industry'] },
        ]);
        const r = await ctx.q.paths('goal:firms', 'action:industry', undefined, { avoidKinds: ['Plan'] });
        expect(r.paths).toEqual([
          {
            nodes: ['goal:firms', 'cluster:ei', 'chain:ic', 'task:chip', 'action:industry'],
            edges: ['cluster:ei|SERVES|goal:firms', 'chain:ic|FEEDS|cluster:ei', 'task:chip|INVOLVES|chain:ic', 'action:industry|HAS_TASK|task:chip'],
          },
        ]);
        expect(shape(r).nodes).toEqual(['action:industry', 'chain:ic', 'cluster:ei', 'goal:firms', 'task:chip']);
        expectFaithful(ctx.graph, r);
        // Still bounded by maxHops; avoiding nothing is the default.
        expect(await ctx.q.paths('goal:firms', 'action:industry', 3, { avoidKinds: ['Plan'] })).toEqual({ nodes: [], edges: [], paths: [] });
        expect(await ctx.q.paths('goal:rd', 'action:industry', undefined, { avoidKinds: [] })).toEqual(await ctx.q.paths('goal:rd', 'action:industry'));
        // Several kinds: the same-length routes through the plan node drop out.
        expect((await ctx.q.paths('goal:rd', 'action:industry', undefined, { avoidKinds: ['Plan', 'Organization'] })).paths.map((p) => p.nodes.join(' '))).toEqual([
          'goal:rd action:innov action:industry',
          'goal:rd action:innov action:industry',
        ]);
      });
      it('avoidKinds: no path when every route passes through an avoided node', async () => {
        expect((await ctx.q.paths('goal:b-link', 'org:cy-office')).paths).toEqual([
          { nodes: ['goal:b-link', 'plan:b', 'org:cy-office'], edges: ['plan:b|SETS|goal:b-link', 'plan:b|ISSUED_BY|org:cy-office'] },
        ]);
        expect(await ctx.q.paths('goal:b-link', 'org:cy-office', 20, { avoidKinds: ['Plan'] })).toEqual({ nodes: [], edges: [], paths: [] });
        expect(await ctx.q.paths('lab:jinfeng', 'corridor:cy', undefined, { avoidKinds: ['Plan'] })).toEqual({ nodes: [], edges: [], paths: [] });
        // Within enough hops the long way round appears (twice each: the parallel RELATES_TO edges).
        expect((await ctx.q.paths('lab:jinfeng', 'corridor:cy', 10, { avoidKinds: ['Plan'] })).paths.map((p) => p.nodes.join(' '))).toEqual([
          'lab:jinfeng goal:rd action:innov action:industry task:chip chain:ic cluster:ei goal:firms action:open task:corridor corridor:cy',
          'lab:jinfeng goal:rd action:innov action:industry task:chip chain:ic cluster:ei goal:firms action:open task:corridor corridor:cy',
          'lab:jinfeng task:lab action:innov action:industry task:chip chain:ic cluster:ei goal:firms action:open task:corridor corridor:cy',
          'lab:jinfeng task:lab action:innov action:industry task:chip chain:ic cluster:ei goal:firms action:open task:corridor corridor:cy',
        ]);
      });
      it('avoidKinds: the endpoints may be of an avoided kind', async () => {
        const r = await ctx.q.paths('plan:a', 'plan:b', undefined, { avoidKinds: ['Plan'] });
        expect(r.paths).toEqual([
          {
            nodes: ['plan:a', 'action:open', 'task:corridor', 'corridor:cy', 'task:b1', 'action:b1', 'plan:b'],
            edges: [
              'plan:a|HAS_ACTION|action:open',
              'action:open|HAS_TASK|task:corridor',
              'task:corridor|INVOLVES|corridor:cy',
              'task:b1|INVOLVES|corridor:cy',
              'action:b1|HAS_TASK|task:b1',
              'plan:b|HAS_ACTION|action:b1',
            ],
          },
          {
            nodes: ['plan:a', 'action:open', 'task:corridor', 'corridor:cy', 'task:b1', 'goal:b-link', 'plan:b'],
            edges: [
              'plan:a|HAS_ACTION|action:open',
              'action:open|HAS_TASK|task:corridor',
              'task:corridor|INVOLVES|corridor:cy',
              'task:b1|INVOLVES|corridor:cy',
              'task:b1|SERVES|goal:b-link',
              'plan:b|SETS|goal:b-link',
            ],
          },
        ]);
        expectFaithful(ctx.graph, r);
        expect((await ctx.q.paths('plan:a', 'action:open', undefined, { avoidKinds: ['Plan', 'Action'] })).paths).toEqual([
          { nodes: ['plan:a', 'action:open'], edges: ['plan:a|HAS_ACTION|action:open'] },
        ]);
        expect((await ctx.q.paths('plan:a', 'plan:a', undefined, { avoidKinds: ['Plan'] })).paths).toEqual([{ nodes: ['plan:a'], edges: [] }]);
      });
      it('handles from === to and unknown ids', async () => {
        expect(await ctx.q.paths('tech:ai', 'tech:ai')).toEqual({
          nodes: [ctx.graph.nodes.find((n) => n.id === 'tech:ai')],
          edges: [],
          paths: [{ nodes: ['tech:ai'], edges: [] }],
        });
        expect(await ctx.q.paths('tech:ai', 'nope')).toEqual({ nodes: [], edges: [], paths: [] });
        expect(await ctx.q.paths('nope', 'tech:ai')).toEqual({ nodes: [], edges: [], paths: [] });
      });
    });

    describe('goalsServedBy', () => {
      it('climbs from a lab through its task and action to the goals', async () => {
        const sg = await ctx.q.goalsServedBy('lab:jinfeng');
        expect(shape(sg)).toEqual({
          nodes: ['action:innov', 'goal:rd', 'lab:jinfeng', 'task:lab'],
          edges: [
            'action:innov|HAS_TASK|task:lab',
            'action:innov|SERVES|goal:rd',
            'lab:jinfeng|SERVES|goal:rd',
            'task:lab|INVOLVES|lab:jinfeng',
          ],
        });
        expectFaithful(ctx.graph, sg);
      });
      it('climbs from a project that serves nothing itself', async () => {
        expect(shape(await ctx.q.goalsServedBy('project:dc'))).toEqual({
          nodes: ['action:innov', 'goal:rd', 'project:dc', 'task:lab'],
          edges: ['action:innov|HAS_TASK|task:lab', 'action:innov|SERVES|goal:rd', 'task:lab|INVOLVES|project:dc'],
        });
      });
      it('follows FEEDS forwards and drops containers that lead nowhere', async () => {
        expect(shape(await ctx.q.goalsServedBy('chain:ic'))).toEqual({
          nodes: ['chain:ic', 'cluster:ei', 'goal:firms'],
          edges: ['chain:ic|FEEDS|cluster:ei', 'cluster:ei|SERVES|goal:firms'],
        });
      });
      it('reaches the goals of both plans from a shared corridor', async () => {
        expect(shape(await ctx.q.goalsServedBy('corridor:cy'))).toEqual({
          nodes: ['action:open', 'corridor:cy', 'goal:b-link', 'goal:firms', 'task:b1', 'task:corridor'],
          edges: [
            'action:open|HAS_TASK|task:corridor',
            'action:open|SERVES|goal:firms',
            'task:b1|INVOLVES|corridor:cy',
            'task:b1|SERVES|goal:b-link',
            'task:corridor|INVOLVES|corridor:cy',
          ],
        });
      });
      it('a goal gives itself, even when it SERVES another goal', async () => {
        expect(shape(await ctx.q.goalsServedBy('goal:rd'))).toEqual({ nodes: ['goal:rd'], edges: [] });
        expect(shape(await ctx.q.goalsServedBy('goal:vision'))).toEqual({ nodes: ['goal:vision'], edges: [] });
      });
      it('is empty when no goal is reached, or for an unknown id', async () => {
        for (const id of ['project:fab', 'tech:ai', 'action:industry', 'task:chip', 'plan:a', 'place:xiyong', 'nope'])
          expect(await ctx.q.goalsServedBy(id)).toEqual({ nodes: [], edges: [] });
      });
    });

    describe('servingGoal', () => {
      it('gathers what serves a goal down to labs and projects', async () => {
        const sg = await ctx.q.servingGoal('goal:rd');
        expect(shape(sg)).toEqual({
          nodes: ['action:innov', 'goal:rd', 'lab:jinfeng', 'project:dc', 'task:lab'],
          edges: [
            'action:innov|HAS_TASK|task:lab',
            'action:innov|SERVES|goal:rd',
            'lab:jinfeng|SERVES|goal:rd',
            'task:lab|INVOLVES|lab:jinfeng',
            'task:lab|INVOLVES|project:dc',
          ],
        });
        expectFaithful(ctx.graph, sg);
      });
      it('follows FEEDS backwards to the chain feeding a serving cluster', async () => {
        expect(shape(await ctx.q.servingGoal('goal:firms'))).toEqual({
          nodes: ['action:open', 'chain:ic', 'cluster:ei', 'corridor:cy', 'goal:firms', 'task:corridor'],
          edges: [
            'action:open|HAS_TASK|task:corridor',
            'action:open|SERVES|goal:firms',
            'chain:ic|FEEDS|cluster:ei',
            'cluster:ei|SERVES|goal:firms',
            'task:corridor|INVOLVES|corridor:cy',
          ],
        });
        expect(shape(await ctx.q.servingGoal('goal:b-link'))).toEqual({
          nodes: ['corridor:cy', 'goal:b-link', 'task:b1'],
          edges: ['task:b1|INVOLVES|corridor:cy', 'task:b1|SERVES|goal:b-link'],
        });
      });
      it('ignores SERVES from another goal; an unserved goal is just itself', async () => {
        expect(shape(await ctx.q.servingGoal('goal:talent'))).toEqual({ nodes: ['goal:talent'], edges: [] });
      });
      it('is empty for a non-goal or unknown id', async () => {
        expect(await ctx.q.servingGoal('action:open')).toEqual({ nodes: [], edges: [] });
        expect(await ctx.q.servingGoal('nope')).toEqual({ nodes: [], edges: [] });
      });
      it('equals the union of goalsServedBy over its nodes, restricted to the goal', async () => {
        for (const goal of ['goal:rd', 'goal:firms', 'goal:b-link']) {
          const sg = await ctx.q.servingGoal(goal);
          const nodes = new Set<string>([goal]);
          const edges = new Set<string>();
          for (const n of sg.nodes) {
            if (n.id === goal) continue;
            const up = await ctx.q.goalsServedBy(n.id);
            // Keep what still leads to `goal`: everything in `up` that is also in sg.
            const inSg = new Set(ids(sg.nodes));
            for (const m of up.nodes) if (inSg.has(m.id)) nodes.add(m.id);
            for (const e of up.edges) if (inSg.has(e.source) && inSg.has(e.target)) edges.add(e.id);
          }
          expect([...nodes].sort()).toEqual(ids(sg.nodes));
          expect([...edges].sort()).toEqual(ids(sg.edges));
        }
      });
    });

    describe('coverage', () => {
      it('lays out goals and actions in plan order with the serving elements per cell', async () => {
        const c = await ctx.q.coverage();
        expect(c.goals).toEqual(['goal:rd', 'goal:firms', 'goal:talent', 'goal:vision', 'goal:b-link']);
        expect(c.actions).toEqual(['action:innov', 'action:industry', 'action:open', 'action:b1']);
        expect(c.cells).toEqual([
          { goal: 'goal:rd', action: 'action:innov', elements: ['action:innov', 'lab:jinfeng'] },
          { goal: 'goal:firms', action: 'action:industry', elements: ['cluster:ei'] },
          { goal: 'goal:firms', action: 'action:open', elements: ['action:open'] },
          { goal: 'goal:b-link', action: 'action:b1', elements: ['task:b1'] },
        ]);
      });
      it('lists goals with a target that nothing serves', async () => {
        expect((await ctx.q.coverage()).unservedGoals).toEqual(['goal:talent']);
      });
      it('lists the elements tied to no goal', async () => {
        expect((await ctx.q.coverage()).servesNothing).toEqual(['place:xiyong', 'project:fab', 'tech:ai']);
      });
    });

    it('answers survive JSON', async () => {
      const answers = [
        await ctx.q.search('cheng'),
        await ctx.q.node('corridor:cy'),
        await ctx.q.neighbourhood('plan:a', 2, 4),
        await ctx.q.paths('goal:rd', 'action:industry'),
        await ctx.q.goalsServedBy('corridor:cy'),
        await ctx.q.servingGoal('goal:firms'),
        await ctx.q.coverage(),
        await ctx.q.stats(),
      ];
      expect(JSON.parse(JSON.stringify(answers))).toStrictEqual(answers);
    });
  });

  describe(`${name}: shapes`, () => {
    const ctx = withEngine('shapes', shapes, makeEngine);

    it('stats', async () => {
      expect(await ctx.q.stats()).toEqual({
        nodes: 20,
        edges: 24,
        byKind: { Task: 3, Technology: 5, Place: 8, IndustryChain: 1, Cluster: 1, Goal: 2 },
        byType: { INVOLVES: 8, ABOUT: 1, FEEDS: 2, SERVES: 2, RELATES_TO: 11 },
        documents: 1,
      });
    });

    it('names without pinyin come back without pinyin and match zh/en only', async () => {
      const h = await ctx.q.search('tech x1');
      expect(h.map((x) => [x.node.id, x.field, x.score])).toEqual([['x1', 'en', 3]]);
      expect(h[0]!.node).toStrictEqual(ctx.graph.nodes.find((n) => n.id === 'x1'));
      expect((await ctx.q.node('x1'))!.quotes).toEqual([]);
    });

    it('neighbourhood cap order: ABOUT before INVOLVES, then other id', async () => {
      const nb = await ctx.q.neighbourhood('hub', 1, 2);
      expect(shape(nb)).toEqual({ nodes: ['hub', 'x1', 'x5'], edges: ['hub|ABOUT|x5', 'hub|INVOLVES|x1'] });
      expect(nb.truncated).toEqual({ hub: 3 });
    });

    it('neighbourhood expands each level in id order', async () => {
      const nb = await ctx.q.neighbourhood('hub', 2, 2);
      expect(shape(nb)).toEqual({
        nodes: ['hub', 'x1', 'x5', 'y', 'z'],
        edges: ['hub|ABOUT|x5', 'hub|INVOLVES|x1', 'x1|INVOLVES|z', 'y|INVOLVES|x1'],
      });
      expect(nb.truncated).toEqual({ hub: 3 });
      const nb2 = await ctx.q.neighbourhood('y', 2, 1);
      expect(shape(nb2)).toEqual({ nodes: ['hub', 'x1', 'y'], edges: ['hub|INVOLVES|x1', 'y|INVOLVES|x1'] });
      expect(nb2.truncated).toEqual({ x1: 1, y: 1 });
      const nb3 = await ctx.q.neighbourhood('hub', 3, 0);
      expect(shape(nb3)).toEqual({ nodes: ['hub'], edges: [] });
      expect(nb3.truncated).toEqual({ hub: 5 });
    });

    it('neighbourhood and node with a self-loop', async () => {
      const nb = await ctx.q.neighbourhood('s');
      expect(shape(nb)).toEqual({
        nodes: ['l1', 'm1', 'm2', 'm3', 's'],
        edges: ['m3|RELATES_TO|s', 's-loop', 's|RELATES_TO|l1', 's|RELATES_TO|m1', 's|RELATES_TO|m2'],
      });
      const d = await ctx.q.node('s');
      expect(d!.relations.map((r) => [r.edge.id, r.direction, r.other.id])).toEqual([
        ['s|RELATES_TO|l1', 'out', 'l1'],
        ['s|RELATES_TO|m1', 'out', 'm1'],
        ['s|RELATES_TO|m2', 'out', 'm2'],
        ['s-loop', 'out', 's'],
        ['m3|RELATES_TO|s', 'in', 'm3'],
      ]);
    });

    it('paths: all shortest, parallel edges give distinct paths, either direction', async () => {
      const r = await ctx.q.paths('s', 'e');
      expect(r.paths).toEqual([
        { nodes: ['s', 'm1', 'e'], edges: ['s|RELATES_TO|m1', 'm1|RELATES_TO|e'] },
        { nodes: ['s', 'm2', 'e'], edges: ['s|RELATES_TO|m2', 'm2-e-a'] },
        { nodes: ['s', 'm2', 'e'], edges: ['s|RELATES_TO|m2', 'm2-e-b'] },
        { nodes: ['s', 'm3', 'e'], edges: ['m3|RELATES_TO|s', 'e|RELATES_TO|m3'] },
      ]);
      expect(shape(r)).toEqual({
        nodes: ['e', 'm1', 'm2', 'm3', 's'],
        edges: ['e|RELATES_TO|m3', 'm1|RELATES_TO|e', 'm2-e-a', 'm2-e-b', 'm3|RELATES_TO|s', 's|RELATES_TO|m1', 's|RELATES_TO|m2'],
      });
      const back = await ctx.q.paths('e', 's');
      expect(back.paths.map((p) => p.nodes.join(' '))).toEqual(['e m1 s', 'e m2 s', 'e m2 s', 'e m3 s']);
      expect(back.paths[1]!.edges).toEqual(['m2-e-a', 's|RELATES_TO|m2']);
      expect(await ctx.q.paths('s', 'e', 1)).toEqual({ nodes: [], edges: [], paths: [] });
      expect(await ctx.q.paths('s', 'z')).toEqual({ nodes: [], edges: [], paths: [] });
      expect((await ctx.q.paths('s', 's')).paths).toEqual([{ nodes: ['s'], edges: [] }]);
      expect((await ctx.q.paths('s', 'l2')).paths).toEqual([{ nodes: ['s', 'l1', 'l2'], edges: ['s|RELATES_TO|l1', 'l1|RELATES_TO|l2'] }]);
      // Every node here is a Place: avoiding Place leaves only direct links between the ends.
      expect((await ctx.q.paths('s', 'l1', undefined, { avoidKinds: ['Place'] })).paths).toEqual([{ nodes: ['s', 'l1'], edges: ['s|RELATES_TO|l1'] }]);
      expect(await ctx.q.paths('s', 'e', undefined, { avoidKinds: ['Place'] })).toEqual({ nodes: [], edges: [], paths: [] });
    });

    it('goalsServedBy on a FEEDS cycle', async () => {
      const expected = {
        nodes: ['c1', 'c2', 'g', 'g2', 't'],
        edges: ['c1|FEEDS|c2', 'c2|FEEDS|c1', 'c2|SERVES|g', 't|INVOLVES|c1', 't|SERVES|g2'],
      };
      expect(shape(await ctx.q.goalsServedBy('c1'))).toEqual(expected);
      expect(shape(await ctx.q.goalsServedBy('c2'))).toEqual(expected);
      expect(shape(await ctx.q.goalsServedBy('t'))).toEqual({ nodes: ['g2', 't'], edges: ['t|SERVES|g2'] });
    });

    it('servingGoal on a FEEDS cycle', async () => {
      expect(shape(await ctx.q.servingGoal('g'))).toEqual({
        nodes: ['c1', 'c2', 'g'],
        edges: ['c1|FEEDS|c2', 'c2|FEEDS|c1', 'c2|SERVES|g'],
      });
      // t contains c1 (INVOLVES), and c2 feeds c1: both climb to t and on to g2.
      expect(shape(await ctx.q.servingGoal('g2'))).toEqual({
        nodes: ['c1', 'c2', 'g2', 't'],
        edges: ['c1|FEEDS|c2', 'c2|FEEDS|c1', 't|INVOLVES|c1', 't|SERVES|g2'],
      });
    });

    it('coverage without actions or sources', async () => {
      expect(await ctx.q.coverage()).toEqual({
        goals: ['g', 'g2'],
        actions: [],
        cells: [],
        unservedGoals: [],
        servesNothing: ['e', 'hub', 'l1', 'l2', 'm1', 'm2', 'm3', 's', 'x1', 'x2', 'x3', 'x4', 'x5', 'y', 'z'],
      });
    });
  });

  describe(`${name}: empty graph`, () => {
    const ctx = withEngine('emptyGraph', emptyGraph, makeEngine);
    it('answers everything with nothing', async () => {
      expect(await ctx.q.stats()).toEqual({ nodes: 0, edges: 0, byKind: {}, byType: {}, documents: 0 });
      expect(await ctx.q.search('a')).toEqual([]);
      expect(await ctx.q.node('a')).toBeNull();
      expect(await ctx.q.neighbourhood('a', 3)).toEqual({ nodes: [], edges: [], truncated: {} });
      expect(await ctx.q.paths('a', 'a')).toEqual({ nodes: [], edges: [], paths: [] });
      expect(await ctx.q.goalsServedBy('a')).toEqual({ nodes: [], edges: [] });
      expect(await ctx.q.servingGoal('a')).toEqual({ nodes: [], edges: [] });
      expect(await ctx.q.coverage()).toEqual({ goals: [], actions: [], cells: [], unservedGoals: [], servesNothing: [] });
    });
    it('close is safe to call twice', async () => {
      await ctx.q.close();
      await ctx.q.close();
    });
  });
}
