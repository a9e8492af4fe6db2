/**
 * The overview layout (pure): every node placed, no two boxes overlapping, routes clear of
 * other boxes, on the real snapshot and on odd shapes (no plan, two plans, hidden kinds).
 */
import { describe, expect, it } from 'vitest';
import type { PlanGraph } from '../../graph/model/types.ts';
import snapshotJson from '../../graph/snapshot/plangraph.json';
import { breakable, shortLabel } from '../../web/src/canvas/labels.ts';
import { segments, step, type Nav } from '../../web/src/canvas/layout.ts';
import { overviewTree, placeOverview, type Box, type OvEdge, type OvNode, type OverviewTree, type Pt } from '../../web/src/canvas/overview.ts';
import { validatePlanGraphJson as validatePlanGraph } from '../../graph/model/validateJson.ts';
import fixtureJson from './fixture/plangraph.fixture.json';

const snapshot: PlanGraph = validatePlanGraph(snapshotJson);
const fixture: PlanGraph = validatePlanGraph(fixtureJson);

/** Boxes like the canvas measures them: labels right of list entries, above the plan, below the rest. */
function boxesFor(g: { nodes: OvNode[] }, tree: OverviewTree, names: Map<string, string>): (id: string) => Box {
  const out = new Map<string, Box>();
  for (const n of g.nodes) {
    const body = n.kind === 'Plan' ? 28 : n.kind === 'Goal' ? 18 : 13;
    const text = shortLabel(names.get(n.id) ?? n.id);
    const role = tree.role.get(n.id);
    const maxW = role === 'plan' ? 290 : role === 'meta' ? 84 : 112 - 16 * Math.min(2, tree.depth.get(n.id) ?? 0);
    const width = Math.min(maxW, [...text].length * 11);
    const height = Math.ceil(([...text].length * 11) / maxW) * 13.2;
    if (role === 'item') out.set(n.id, { l: -body, r: body + 5 + width, t: -Math.max(body, height / 2), b: Math.max(body, height / 2) });
    else if (role === 'plan') out.set(n.id, { l: -width / 2, r: width / 2, t: -body - 6 - height, b: body });
    else out.set(n.id, { l: -Math.max(body, width / 2), r: Math.max(body, width / 2), t: -body, b: body + 4 + height });
  }
  return (id) => out.get(id)!;
}

const abs = (b: Box, p: Pt) => ({ x1: p.x + b.l, x2: p.x + b.r, y1: p.y + b.t, y2: p.y + b.b });
const meets = (a: ReturnType<typeof abs>, b: ReturnType<typeof abs>): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

function layout(nodes: OvNode[], edges: OvEdge[], names: Map<string, string>) {
  const tree = overviewTree(nodes, edges);
  const box = boxesFor({ nodes }, tree, names);
  return { tree, box, ...placeOverview(tree, box) };
}

function checkLayout(nodes: OvNode[], edges: OvEdge[], names: Map<string, string>) {
  const { tree, box, positions, routes } = layout(nodes, edges, names);
  expect([...positions.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
  const placed = nodes.map((n) => ({ id: n.id, r: abs(box(n.id), positions.get(n.id)!) }));
  const overlaps: string[] = [];
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++) if (meets(placed[i]!.r, placed[j]!.r)) overlaps.push(`${placed[i]!.id} × ${placed[j]!.id}`);
  expect(overlaps).toEqual([]);
  // Every tree edge has a route, and the route passes no box but its ends'.
  expect([...routes.keys()].sort()).toEqual([...tree.treeEdges].sort());
  const byId = new Map(edges.map((e) => [e.id, e]));
  const crossings: string[] = [];
  for (const [id, bends] of routes) {
    const e = byId.get(id)!;
    const pts = [positions.get(e.source)!, ...bends, positions.get(e.target)!];
    for (let k = 0; k + 1 < pts.length; k++) {
      const a = pts[k]!;
      const b = pts[k + 1]!;
      const seg = { x1: Math.min(a.x, b.x) - 0.5, x2: Math.max(a.x, b.x) + 0.5, y1: Math.min(a.y, b.y) - 0.5, y2: Math.max(a.y, b.y) + 0.5 };
      for (const p of placed) if (p.id !== e.source && p.id !== e.target && meets(seg, p.r)) crossings.push(`${id} through ${p.id}`);
    }
  }
  expect(crossings).toEqual([]);
  return { tree, positions };
}

const nodesOf = (g: PlanGraph): OvNode[] => g.nodes.map((n) => ({ id: n.id, kind: n.kind }));
const edgesOf = (g: PlanGraph): OvEdge[] => g.edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target }));
const zhNames = (g: PlanGraph) => new Map(g.nodes.map((n) => [n.id, n.name.zh]));
const enNames = (g: PlanGraph) => new Map(g.nodes.map((n) => [n.id, n.name.en]));

describe('overview tree', () => {
  it('hangs every node of the plan from one parent, the plan on top', () => {
    const tree = overviewTree(nodesOf(snapshot), edgesOf(snapshot));
    const plan = snapshot.nodes.find((n) => n.kind === 'Plan')!.id;
    expect(tree.plans).toEqual([plan]);
    expect(tree.loose).toEqual([]);
    expect(tree.parent.size).toBe(snapshot.nodes.length - 1);
    const kinds = new Map(snapshot.nodes.map((n) => [n.id, n.kind]));
    expect(tree.goals.get(plan)!.map((id) => kinds.get(id))).toEqual(Array(13).fill('Goal'));
    expect(tree.columns.get(plan)!.map((id) => kinds.get(id))).toEqual(Array(5).fill('Action'));
    const meta = tree.meta.get(plan)!;
    expect([...meta.left, ...meta.right].map((id) => kinds.get(id)).sort()).toEqual(['Organization', 'Organization', 'Place', 'Policy', 'Policy', 'Policy']);
    expect(Math.abs(meta.left.length - meta.right.length)).toBeLessThanOrEqual(1);
    // Entities only goals are about hang from those goals; the plan's own topic sits beside it.
    expect(tree.parent.get('corridor/zhong-ou-ban-lie')?.id).toMatch(/goal/);
    expect(tree.role.get('place/cheng-yu-di-qu-shuang-cheng-jing-ji-quan')).toBe('meta');
    // A node two tasks involve is drawn under the first; the other edge is a cross edge.
    const corridor = snapshot.edges.filter((e) => e.type === 'INVOLVES' && e.target === 'corridor/xi-bu-lu-hai-xin-tong-dao');
    expect(corridor.filter((e) => tree.treeEdges.has(e.id))).toHaveLength(1);
    expect(snapshot.edges.filter((e) => e.type === 'SERVES').some((e) => tree.treeEdges.has(e.id))).toBe(false);
  });
});

describe('overview placement', () => {
  it('lays the snapshot out without overlaps, in Chinese and English', () => {
    for (const names of [zhNames(snapshot), enNames(snapshot)]) {
      const { tree, positions } = checkLayout(nodesOf(snapshot), edgesOf(snapshot), names);
      const plan = tree.plans[0]!;
      const actions = tree.columns.get(plan)!.map((id) => positions.get(id)!);
      // Actions side by side on one line, centred under the plan; goals between them and the plan.
      expect(new Set(actions.map((p) => p.y)).size).toBe(1);
      const mid = (Math.min(...actions.map((p) => p.x)) + Math.max(...actions.map((p) => p.x))) / 2;
      expect(Math.abs(mid - positions.get(plan)!.x)).toBeLessThan(100);
      const goalYs = tree.goals.get(plan)!.map((id) => positions.get(id)!.y);
      expect(Math.min(...goalYs)).toBeGreaterThan(positions.get(plan)!.y);
      expect(Math.max(...goalYs)).toBeLessThan(actions[0]!.y);
    }
  });

  it('copes with the fixture, hidden kinds, no plan and two plans', () => {
    checkLayout(nodesOf(fixture), edgesOf(fixture), zhNames(fixture));
    for (const hidden of [['Goal'], ['Action'], ['Plan'], ['Task', 'Goal'], ['Organization', 'Policy', 'Place']]) {
      const nodes = nodesOf(snapshot).filter((n) => !hidden.includes(n.kind));
      const ids = new Set(nodes.map((n) => n.id));
      checkLayout(nodes, edgesOf(snapshot).filter((e) => ids.has(e.source) && ids.has(e.target)), zhNames(snapshot));
    }
    // A second plan sharing nothing: both drawn, side by side.
    const twin = (id: string): string => `twin:${id}`;
    const nodes = [...nodesOf(snapshot), ...nodesOf(snapshot).map((n) => ({ ...n, id: twin(n.id) }))];
    const edges = [...edgesOf(snapshot), ...edgesOf(snapshot).map((e) => ({ ...e, id: twin(e.id), source: twin(e.source), target: twin(e.target) }))];
    const names = new Map([...zhNames(snapshot), ...[...zhNames(snapshot)].map(([k, v]) => [twin(k), v] as [string, string])]);
    const { tree } = checkLayout(nodes, edges, names);
    expect(tree.plans).toHaveLength(2);
    checkLayout([], [], new Map());
  });
});

describe('segments', () => {
  it('turns bend points into weights and distances along the centres line', () => {
    const { w, d } = segments({ x: 0, y: 0 }, { x: 10, y: 0 }, [{ x: 5, y: 4 }]);
    expect(w).toEqual([0.5]);
    expect(d[0]).toBeCloseTo(4);
  });
});

describe('keyboard steps', () => {
  const nav: Nav = {
    parent: new Map([
      ['a', 'p'],
      ['b', 'p'],
      ['c', 'a'],
    ]),
    children: new Map([
      ['p', ['a', 'b']],
      ['a', ['c']],
    ]),
    roots: ['p', 'q'],
  };
  it('goes up to the parent, down to the first child, sideways to siblings', () => {
    expect(step(nav, null, 'ArrowDown')).toBe('p');
    expect(step(nav, 'p', 'ArrowDown')).toBe('a');
    expect(step(nav, 'a', 'ArrowRight')).toBe('b');
    expect(step(nav, 'b', 'ArrowRight')).toBeNull();
    expect(step(nav, 'b', 'ArrowLeft')).toBe('a');
    expect(step(nav, 'a', 'ArrowDown')).toBe('c');
    expect(step(nav, 'c', 'ArrowUp')).toBe('a');
    expect(step(nav, 'p', 'ArrowUp')).toBeNull();
    expect(step(nav, 'p', 'ArrowRight')).toBe('q');
    expect(step(nav, 'gone', 'ArrowLeft')).toBe('p');
  });
});

describe('canvas labels', () => {
  it('shortens long names', () => {
    expect(shortLabel('短名')).toBe('短名');
    expect(shortLabel('一二三四五六七八九十', 4)).toBe('一二三四…');
    expect(shortLabel('Chengdu Chongqing', 5)).toBe('Chengdu…');
  });
  it('breaks between CJK characters and after dashes, never inside words or before closing punctuation', () => {
    const zw = '\u200b';
    expect(breakable('制造业占GDP比重达30%')).toBe(['制', '造', '业', '占', 'GDP', '比', '重', '达', '30%'].join(zw));
    expect(breakable('Chips–intelligence–data chain')).toBe(`Chips–${zw}intelligence–${zw}data chain`);
    expect(breakable('金凤实验室、云创')).toBe(['金', '凤', '实', '验', '室、', '云', '创'].join(zw));
    expect(breakable('《方案》')).toBe(['《方', '案》'].join(zw));
    expect(breakable('High-tech Zone')).toBe(`High-${zw}tech Zone`);
  });
});
