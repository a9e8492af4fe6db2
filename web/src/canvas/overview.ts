/**
 * The overview layout: the whole plan as a tidy, readable picture. Pure (no DOM, no Cytoscape):
 * it takes each node's measured box — label included — and returns positions and edge routes.
 *
 *               [org] [org]     ▆ plan ▆     [policy] [policy] [policy]
 *          ┌──────────┬────────────┼────────────┬──────────┐
 *          ├★ goal    ├★ goal      │            ├★ goal    ├★ goal
 *          └★ goal    └★ goal      │            └★ goal    └★ goal
 *     ┌────────────┬──────────┬────┴───────┬────────────┬───────────┐
 *     ⬢ action     ⬢ action   ⬢ action     ⬢ action     ⬢ action
 *     ├● task      ├● task    ├● task      …
 *     │ ├◆ entity  │ └▲ …
 *
 * A layered layout (dagre) puts all thirteen goals and five actions on one row and every entity
 * on another, a strip thousands of pixels wide; here the plan's parts become lists, so the
 * whole plan is about as wide as the screen and no box, label included, overlaps another.
 * The tree: every node hangs from one parent, reached first through the hierarchy edges in
 * document order (ABOUT when nothing else reaches it); the other edges are cross edges the
 * canvas shows on selection.
 */
import type { EdgeType, NodeKind } from '../../../graph/model/types.ts';
import { RANK_EDGES } from './visuals.ts';

export interface OvNode {
  id: string;
  kind: NodeKind;
}
export interface OvEdge {
  id: string;
  type: EdgeType;
  source: string;
  target: string;
}
/** plan: label above; meta: beside the plan, label below; item: in a list, label to the right. */
export type Role = 'plan' | 'meta' | 'item';

export interface OverviewTree {
  /** Plan roots, in node order. */
  plans: string[];
  /** Per plan: meta nodes left and right of it (issuer, interpreter, policies, what it is about). */
  meta: Map<string, { left: string[]; right: string[] }>;
  /** Per plan: the goal lists' entries (SETS). */
  goals: Map<string, string[]>;
  /** Per plan: one column per entry (HAS_ACTION, and any other child with children). */
  columns: Map<string, string[]>;
  /** Roots reached from no plan: columns of their own below everything. */
  loose: string[];
  /** List children, in order. */
  children: Map<string, string[]>;
  /** Tree parent and the edge to it. */
  parent: Map<string, { id: string; edge: string }>;
  role: Map<string, Role>;
  /** List depth: 0 for goals and column heads, one more for each level below. */
  depth: Map<string, number>;
  /** Edges of the tree (drawn in the overview); the rest are cross edges. */
  treeEdges: Set<string>;
}

const META_EDGES: ReadonlySet<EdgeType> = new Set(['ISSUED_BY', 'INTERPRETED_BY', 'IMPLEMENTS', 'ABOUT']);

/** Builds the tree: breadth-first from the plans over hierarchy edges, ABOUT as a fallback. */
export function overviewTree(nodes: readonly OvNode[], edges: readonly OvEdge[]): OverviewTree {
  const ids = new Set(nodes.map((n) => n.id));
  const out = new Map<string, OvEdge[]>();
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    if (!RANK_EDGES.has(e.type) && e.type !== 'ABOUT') continue;
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
  }
  const parent = new Map<string, { id: string; edge: string }>();
  const children = new Map<string, string[]>();
  const plans = nodes.filter((n) => n.kind === 'Plan').map((n) => n.id);
  const placed = new Set<string>(plans);

  const attach = (e: OvEdge): void => {
    placed.add(e.target);
    parent.set(e.target, { id: e.source, edge: e.id });
    children.set(e.source, [...(children.get(e.source) ?? []), e.target]);
  };
  /** Breadth-first over hierarchy edges from `start`; then ABOUT edges of placed nodes, again. */
  const grow = (start: string[]): void => {
    let frontier = start;
    for (;;) {
      const seen = new Set<string>(frontier);
      while (frontier.length) {
        const next: string[] = [];
        for (const u of frontier) {
          for (const e of out.get(u) ?? []) {
            if (e.type === 'ABOUT' || placed.has(e.target)) continue;
            attach(e);
            next.push(e.target);
          }
        }
        for (const n of next) seen.add(n);
        frontier = next;
      }
      const about: string[] = [];
      for (const u of [...placed]) {
        for (const e of out.get(u) ?? []) {
          if (e.type !== 'ABOUT' || placed.has(e.target)) continue;
          attach(e);
          about.push(e.target);
        }
      }
      if (!about.length) return;
      frontier = about;
    }
  };
  grow(plans);
  const loose: string[] = [];
  for (const n of nodes) {
    if (placed.has(n.id)) continue;
    placed.add(n.id);
    loose.push(n.id);
    grow([n.id]);
  }

  const role = new Map<string, Role>(nodes.map((n) => [n.id, 'item' as Role]));
  const meta = new Map<string, { left: string[]; right: string[] }>();
  const goals = new Map<string, string[]>();
  const columns = new Map<string, string[]>();
  const edgeType = new Map(edges.map((e) => [e.id, e.type]));
  for (const p of plans) {
    role.set(p, 'plan');
    const m: string[] = [];
    const g: string[] = [];
    const c: string[] = [];
    for (const k of children.get(p) ?? []) {
      const type = edgeType.get(parent.get(k)!.edge)!;
      const leaf = !(children.get(k)?.length);
      if (type === 'HAS_ACTION') c.push(k);
      else if (type === 'SETS' || (type === 'INVOLVES' && leaf)) g.push(k);
      else if (META_EDGES.has(type) && leaf) m.push(k);
      else c.push(k);
    }
    for (const k of m) role.set(k, 'meta');
    // Issuers on the left, what the plan carries out on the right; the longer side gives one to the other.
    const left = m.filter((k) => edgeType.get(parent.get(k)!.edge) === 'ISSUED_BY' || edgeType.get(parent.get(k)!.edge) === 'INTERPRETED_BY');
    const right = m.filter((k) => !left.includes(k));
    while (right.length > left.length + 1) left.push(right.shift()!);
    while (left.length > right.length + 1) right.unshift(left.pop()!);
    meta.set(p, { left, right });
    goals.set(p, g);
    columns.set(p, c);
  }
  const depth = new Map<string, number>();
  const down = (id: string, d: number): void => {
    depth.set(id, d);
    for (const k of children.get(id) ?? []) down(k, d + 1);
  };
  for (const p of plans) for (const k of [...goals.get(p)!, ...columns.get(p)!]) down(k, 0);
  for (const l of loose) down(l, 0);
  const treeEdges = new Set([...parent.values()].map((x) => x.edge));
  return { plans, meta, goals, columns, loose, children, parent, role, depth, treeEdges };
}

/** A node's box relative to its position (l and t negative), label included. */
export interface Box {
  l: number;
  r: number;
  t: number;
  b: number;
}
export interface Pt {
  x: number;
  y: number;
}
export interface OverviewPlacement {
  positions: Map<string, Pt>;
  /** Bend points of the tree edges, source to target (empty: a straight line). */
  routes: Map<string, Pt[]>;
}

export const SPACING = {
  /** Between list entries. */
  row: 8,
  /** Between columns. */
  column: 18,
  /** Room for a bus line between two bands. */
  bus: 34,
  /** Between the plan and the nodes beside it. */
  meta: 18,
  /** Free vertical corridor under the plan, through the goal lists. */
  corridor: 40,
  /** A child's body starts this far right of its parent's rail at least. */
  indent: 7,
  /** Between plans, and above loose columns. */
  block: 80,
};

interface Frame {
  pos: Map<string, Pt>;
  routes: Map<string, Pt[]>;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}
const frame = (): Frame => ({ pos: new Map(), routes: new Map(), x1: Infinity, x2: -Infinity, y1: Infinity, y2: -Infinity });
function put(f: Frame, id: string, x: number, y: number, b: Box): void {
  f.pos.set(id, { x, y });
  f.x1 = Math.min(f.x1, x + b.l);
  f.x2 = Math.max(f.x2, x + b.r);
  f.y1 = Math.min(f.y1, y + b.t);
  f.y2 = Math.max(f.y2, y + b.b);
}
function merge(into: Frame, f: Frame, dx: number, dy: number): void {
  if (!f.pos.size) return;
  for (const [id, p] of f.pos) into.pos.set(id, { x: p.x + dx, y: p.y + dy });
  for (const [id, pts] of f.routes) into.routes.set(id, pts.map((p) => ({ x: p.x + dx, y: p.y + dy })));
  into.x1 = Math.min(into.x1, f.x1 + dx);
  into.x2 = Math.max(into.x2, f.x2 + dx);
  into.y1 = Math.min(into.y1, f.y1 + dy);
  into.y2 = Math.max(into.y2, f.y2 + dy);
}

/** Places the tree. Every box is kept apart from every other; routes run in the gaps. */
export function placeOverview(tree: OverviewTree, box: (id: string) => Box): OverviewPlacement {
  const S = SPACING;
  const indentOf = (kids: string[]): number => Math.max(...kids.map((k) => -box(k).l)) + S.indent;

  /** A node with its list below it, the node's left edge at x = 0 and its top at y = 0. */
  const subtree = (id: string): Frame => {
    const f = frame();
    const b = box(id);
    const x = -b.l;
    put(f, id, x, -b.t, b);
    const kids = tree.children.get(id) ?? [];
    if (kids.length) list(f, kids, x, f.y2 + S.row, (k, p) => f.routes.set(tree.parent.get(k)!.edge, [{ x, y: p.y }]));
    return f;
  };
  /** Stacks entries below each other, their bodies right of a rail at x = rail. */
  const list = (f: Frame, ids: string[], rail: number, top: number, route: (id: string, at: Pt) => void): void => {
    const cx = rail + indentOf(ids);
    let y = top;
    for (const k of ids) {
      const sub = subtree(k);
      const dx = cx - sub.pos.get(k)!.x;
      merge(f, sub, dx, y);
      route(k, f.pos.get(k)!);
      y = f.y2 + S.row;
    }
  };
  /** Splits entries, in order, into k lists of about equal height (minimising the tallest). */
  const split = (ids: string[], heights: number[], k: number): string[][] => {
    const n = ids.length;
    const pre = [0];
    for (const h of heights) pre.push(pre[pre.length - 1]! + h + S.row);
    const cost: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(Infinity));
    const cut: number[][] = Array.from({ length: k + 1 }, () => Array<number>(n + 1).fill(0));
    cost[0]![0] = 0;
    for (let j = 1; j <= k; j++)
      for (let i = 1; i <= n; i++)
        for (let s = j - 1; s < i; s++) {
          const c = Math.max(cost[j - 1]![s]!, pre[i]! - pre[s]!);
          if (c < cost[j]![i]!) {
            cost[j]![i] = c;
            cut[j]![i] = s;
          }
        }
    const parts: string[][] = [];
    let i = n;
    for (let j = k; j >= 1; j--) {
      const s = cut[j]![i]!;
      parts.unshift(ids.slice(s, i));
      i = s;
    }
    return parts.filter((p) => p.length);
  };
  /** Lays columns side by side from x = 0; returns the frame and each column's left edge. */
  /** How far below a frame's top its first entry's centre is. */
  const head = (c: Frame, id: string): number => c.pos.get(id)!.y - c.y1;
  /**
   * Lays columns side by side from x = 0, their first entries (heads) on one line `line` below
   * the top (by default the lowest head, so no column rises above y = 0); returns the frame and each column's left edge.
   */
  const row = (cols: Frame[], heads: string[], gap: number, line = Math.max(0, ...cols.map((c, i) => head(c, heads[i]!)))): { f: Frame; lefts: number[] } => {
    const f = frame();
    const lefts: number[] = [];
    let x = 0;
    cols.forEach((c, i) => {
      lefts.push(x);
      merge(f, c, x - c.x1, -c.y1 + line - head(c, heads[i]!));
      x += c.x2 - c.x1 + gap;
    });
    return { f, lefts };
  };

  const all = frame();
  let cursor = 0;
  for (const plan of tree.plans) {
    const f = frame();
    const pb = box(plan);
    put(f, plan, 0, 0, pb);
    // Beside the plan: issuers on the left, the rest on the right, hanging from a line drawn
    // sideways from the plan (so no edge runs through a node on its way).
    const { left, right } = tree.meta.get(plan)!;
    const metaY = Math.max(0, ...[...left, ...right].map((m) => -box(m).t + S.row));
    let x = pb.l - S.meta;
    for (const m of left) {
      const b = box(m);
      put(f, m, x - b.r, metaY, b);
      f.routes.set(tree.parent.get(m)!.edge, [{ x: x - b.r, y: 0 }]);
      x -= b.r - b.l + S.meta;
    }
    x = pb.r + S.meta;
    for (const m of right) {
      const b = box(m);
      put(f, m, x - b.l, metaY, b);
      f.routes.set(tree.parent.get(m)!.edge, [{ x: x - b.l, y: 0 }]);
      x += b.r - b.l + S.meta;
    }

    // Columns: one per action, the action on top of its list.
    const colIds = tree.columns.get(plan)!;
    const cols = row(colIds.map(subtree), colIds, S.column);
    const colWidth = cols.f.pos.size ? cols.f.x2 - cols.f.x1 : 0;

    // Goal lists: as many as fit above the columns, half left and half right of a corridor.
    const goalIds = tree.goals.get(plan)!;
    if (goalIds.length) {
      const goalTop = f.y2 + S.bus;
      const subs = goalIds.map((g) => {
        const s = frame();
        list(s, [g], 0, 0, () => undefined);
        return s;
      });
      const heights = subs.map((s) => s.y2 - s.y1);
      const widest = Math.max(...subs.map((s) => s.x2));
      const limit = Math.max(colWidth, 640);
      // With columns below, an even number of lists keeps the plan centred over them.
      let k = 1;
      for (let t = 2; t <= Math.min(8, goalIds.length); t++) {
        if (colIds.length && t % 2) continue;
        if (t * widest + (t - 1) * S.column + S.corridor <= limit) k = t;
      }
      const parts = split(goalIds, heights, k);
      const lists = parts.map((ids) => {
        const s = frame();
        s.x1 = 0;
        list(s, ids, 0, 0, (id, p) => s.routes.set(tree.parent.get(id)!.edge, [{ x: 0, y: p.y }]));
        return s;
      });
      const nLeft = colIds.length ? Math.ceil(lists.length / 2) : lists.length;
      const heads = parts.map((p) => p[0]!);
      const line = Math.max(...lists.map((l, i) => head(l, heads[i]!)));
      const leftRow = row(lists.slice(0, nLeft), heads.slice(0, nLeft), S.column, line);
      const rightRow = row(lists.slice(nLeft), heads.slice(nLeft), S.column, line);
      const half = colIds.length ? S.corridor / 2 : 0;
      const leftX = rightRow.f.pos.size || colIds.length ? -half - (leftRow.f.x2 - leftRow.f.x1) : -(leftRow.f.x2 - leftRow.f.x1) / 2;
      const busY = f.y2 + S.bus / 2;
      const rails: number[] = [];
      for (const [r, dx] of [
        [leftRow, leftX],
        [rightRow, half],
      ] as const) {
        merge(f, r.f, dx, goalTop);
        rails.push(...r.lefts.map((l) => l + dx));
      }
      // Bus: down from the plan, along, down each list's rail (the rail bends were set above).
      let li = 0;
      for (const ids of parts) {
        const rail = rails[li++]!;
        for (const id of ids) {
          const e = tree.parent.get(id)!.edge;
          const bend = f.routes.get(e)!;
          f.routes.set(e, [{ x: 0, y: busY }, { x: rail, y: busY }, ...bend]);
        }
      }
    }

    if (colIds.length) {
      const busY = f.y2 + S.bus / 2;
      const top = f.y2 + S.bus;
      const dx = -colWidth / 2;
      merge(f, cols.f, dx, top);
      for (const c of colIds) {
        const p = f.pos.get(c)!;
        f.routes.set(tree.parent.get(c)!.edge, [{ x: 0, y: busY }, { x: p.x, y: busY }]);
      }
    }
    const dx = cursor === 0 && all.pos.size === 0 ? 0 : cursor - f.x1;
    merge(all, f, dx, 0);
    cursor = all.x2 + S.block;
  }

  if (tree.loose.length) {
    // Loose trees: columns in rows about as wide as what is above them.
    const width = Math.max(all.pos.size ? all.x2 - all.x1 : 0, 900);
    let y = all.pos.size ? all.y2 + S.block : 0;
    let batch: Frame[] = [];
    let batchHeads: string[] = [];
    let w = 0;
    const flush = (): void => {
      if (!batch.length) return;
      const r = row(batch, batchHeads, S.column);
      const x0 = all.pos.size ? (all.x1 + all.x2) / 2 - (r.f.x2 - r.f.x1) / 2 : 0;
      merge(all, r.f, x0, y);
      y = all.y2 + S.bus;
      batch = [];
      batchHeads = [];
      w = 0;
    };
    for (const id of tree.loose) {
      const s = subtree(id);
      const sw = s.x2 - s.x1;
      if (batch.length && w + S.column + sw > width) flush();
      batch.push(s);
      batchHeads.push(id);
      w += (batch.length > 1 ? S.column : 0) + sw;
    }
    flush();
  }
  return { positions: all.pos, routes: all.routes };
}
