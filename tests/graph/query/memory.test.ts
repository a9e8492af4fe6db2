import { describe, expect, it } from 'vitest';
import { builtInGraph, PLAN } from '../support.ts';
import { createMemoryQuery } from '../../../graph/query/memory.ts';
import { runQueryContract } from './contract.ts';

runQueryContract('memory', async (graph) => createMemoryQuery(graph));

describe('on the built-in plan', () => {
  const q = createMemoryQuery(builtInGraph());

  it('finds 金凤实验室 first for “jinfeng”, ahead of longer names that contain it', async () => {
    const hits = await q.search('jinfeng');
    expect(hits[0]!.node.id).toBe('lab/jin-feng-shi-yan-shi');
    expect(hits.map((h) => h.node.id)).toContain(`${PLAN}/action-3/task-2`);
  });

  it('finds by Chinese, English and pinyin initials', async () => {
    expect((await q.search('金凤实验室'))[0]).toMatchObject({ field: 'zh', score: 3 });
    expect((await q.search('new western land'))[0]!.node.id).toBe('corridor/xi-bu-lu-hai-xin-tong-dao');
    expect((await q.search('xblhxtd'))[0]!.node.id).toBe('corridor/xi-bu-lu-hai-xin-tong-dao');
  });

  it('traces 金凤实验室 up to the R&D goal through its task and action', async () => {
    const served = await q.goalsServedBy('lab/jin-feng-shi-yan-shi');
    expect(served.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining([`${PLAN}/action-1`, `${PLAN}/action-1/task-3`, `${PLAN}/goal-1`]),
    );
  });

  it('covers every goal with a target and flags what serves nothing', async () => {
    const coverage = await q.coverage();
    expect(coverage.unservedGoals).toEqual([]);
    expect(coverage.servesNothing).toContain(`${PLAN}/action-4/task-2`);
  });
});
