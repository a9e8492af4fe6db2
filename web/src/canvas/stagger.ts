import type { PlanEdge } from '../../../graph/model/types.ts';
import { RANK_EDGES } from './visuals.ts';

/**
 * Row offsets for the overview: a parent's leaf children are spread over up to 4 rows (two a
 * row) and its inner children over up to 3, so wide sibling lists become blocks. Returns edge id -> minLen.
 */
export function staggerRanks(edges: readonly PlanEdge[], kindOf: (id: string) => string | undefined): Map<string, number> {
  const rank = edges.filter((e) => RANK_EDGES.has(e.type));
  const parents = new Set(rank.map((e) => e.source));
  const bySource = new Map<string, PlanEdge[]>();
  for (const e of rank) bySource.set(e.source, [...(bySource.get(e.source) ?? []), e]);
  const out = new Map<string, number>();
  for (const list of bySource.values()) {
    const leaves = list.filter((e) => !parents.has(e.target));
    const inner = list.filter((e) => parents.has(e.target));
    const order = (a: PlanEdge, b: PlanEdge): number =>
      (kindOf(a.target) ?? '').localeCompare(kindOf(b.target) ?? '') || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
    const spread = (group: PlanEdge[], rows: number): void => {
      group.sort(order).forEach((e, i) => out.set(e.id, 1 + (i % rows)));
    };
    spread(leaves, Math.min(4, Math.ceil(leaves.length / 2)));
    spread(inner, inner.length >= 6 ? 3 : inner.length >= 3 ? 2 : 1);
  }
  return out;
}

