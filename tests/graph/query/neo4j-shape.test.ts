/** The Cypher engine's boundary: stored values back to exact PlanNode/PlanEdge shapes. */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { nodeProperties, edgeProperties } from '../../../graph/neo4j/loader.ts';
import { StorageShapeError, toPlanEdge, toPlanNode } from '../../../graph/query/neo4j-shape.ts';
import { twoPlans } from './fixtures.ts';

describe('neo4j-shape', () => {
  it('reads back every fixture node and edge exactly as the loader stores it', () => {
    const g = twoPlans();
    for (const n of g.nodes) expect(toPlanNode({ ...nodeProperties(n), plans: ['plan-a'] })).toStrictEqual(n);
    for (const e of g.edges) expect(toPlanEdge({ ...edgeProperties(e), plans: ['plan-a'] }, e.type, e.source, e.target)).toStrictEqual(e);
  });
  it('turns Integers into numbers, and integer lists too', () => {
    const n = toPlanNode({
      id: 'x',
      kind: 'Lab',
      name_zh: '甲',
      name_en: 'A',
      prop_count: neo4j.int(7),
      prop_years: [neo4j.int(2024), neo4j.int(2025)],
      prop_share: 0.5,
      prop_tags: ['a', 'b'],
      prop_ok: true,
      source_doc: ['d'],
      source_start: [neo4j.int(3)],
      source_end: [neo4j.int(5)],
    });
    expect(n).toStrictEqual({
      id: 'x',
      kind: 'Lab',
      name: { zh: '甲', en: 'A' },
      props: { count: 7, years: [2024, 2025], share: 0.5, tags: ['a', 'b'], ok: true },
      sources: [{ doc: 'd', start: 3, end: 5 }],
    });
  });
  it('takes the kind from the labels when no kind property is stored', () => {
    expect(toPlanNode({ id: 'x', name_zh: '甲', name_en: 'A' }, ['PlanNode', 'Corridor']).kind).toBe('Corridor');
  });
  it('refuses malformed values with a StorageShapeError', () => {
    const base = { id: 'x', kind: 'Lab', name_zh: '甲', name_en: 'A' };
    expect(() => toPlanNode({ ...base, kind: 'Spaceship' })).toThrow(StorageShapeError);
    expect(() => toPlanNode({ ...base, name_en: 3 })).toThrow(StorageShapeError);
    expect(() => toPlanNode({ ...base, prop_big: neo4j.int('9007199254740993') })).toThrow(/safe range/);
    expect(() => toPlanNode({ ...base, source_doc: ['d'], source_start: [1], source_end: [] })).toThrow(/lengths differ/);
    expect(() => toPlanNode({ ...base, prop_when: { year: 1 } })).toThrow(StorageShapeError);
    expect(() => toPlanEdge({ id: 'e', basis: 'guessed' }, 'SERVES', 'a', 'b')).toThrow(/basis/);
    expect(() => toPlanEdge({ id: 'e', basis: 'stated' }, 'LIKES', 'a', 'b')).toThrow(/type/);
  });
});
