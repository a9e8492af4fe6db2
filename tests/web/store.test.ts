import { describe, expect, it } from 'vitest';
import { createMemoryQuery } from '../../graph/query/memory.ts';
import type { PlanGraph } from '../../graph/model/types.ts';
import { validatePlanGraphJson as validatePlanGraph } from '../../graph/model/validateJson.ts';
import { explain, ReasonError } from '../../web/src/data/reasons.ts';
import type { DataSource } from '../../web/src/data/source.ts';
import { createExplorerStore, selectShown, type ExplorerStore } from '../../web/src/store/index.ts';
import { mergeSubgraphs } from '../../web/src/store/view.ts';
import fixtureJson from './fixture/plangraph.fixture.json';

const fixture: PlanGraph = validatePlanGraph(fixtureJson);
const source = (): DataSource => ({
  kind: 'fixture',
  query: createMemoryQuery(fixture),
  overview: { nodes: fixture.nodes, edges: fixture.edges },
  documents: fixture.documents,
});

async function ready(): Promise<ExplorerStore> {
  const store = createExplorerStore();
  await store.getState().load(async () => source());
  return store;
}

describe('data slice', () => {
  it('loads a source and reports ready', async () => {
    const store = createExplorerStore();
    expect(store.getState().status).toBe('idle');
    const p = store.getState().load(async () => source());
    expect(store.getState().status).toBe('loading');
    await p;
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.sourceKind).toBe('fixture');
    expect(s.graph.nodes).toHaveLength(fixture.nodes.length);
    expect(s.documents).toHaveLength(1);
  });

  it('reports a failing loader as an error with its reason', async () => {
    const store = createExplorerStore();
    await store.getState().load(async () => {
      throw new Error('connection refused');
    });
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe('connection refused');
    expect(store.getState().errorReason).toBeNull();
  });

  it('keeps a live-mode reason as a message key, to be shown in either language', async () => {
    const store = createExplorerStore();
    await store.getState().load(async () => {
      throw new ReasonError(explain({ code: 'Neo.ClientError.Security.Unauthorized' }));
    });
    expect(store.getState().errorReason?.key).toBe('reason.auth');
    expect(store.getState().error).toBe('wrong user or password (Neo.ClientError.Security.Unauthorized)');
    store.getState().fail(new Error('plain'));
    expect(store.getState()).toMatchObject({ status: 'error', error: 'plain', errorReason: null, queryError: null });
  });

  it('once a graph is drawn, a failing query keeps it: status stays ready and queryError says why', async () => {
    const store = await ready();
    const graph = store.getState().graph;
    const lost = new ReasonError(explain({ code: 'ServiceUnavailable', message: 'gone' }, 'bolt://db:7687'));
    store.getState().fail(lost);
    let s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.graph).toBe(graph);
    expect(s.error).toBeNull();
    expect(s.queryError).toEqual({ message: lost.message, reason: lost.reason });
    // The source answering again clears a lost connection; dismissing clears anything.
    s.sourceAnswered();
    expect(store.getState().queryError).toBeNull();
    store.getState().fail(new Error('odd Cypher'));
    store.getState().sourceAnswered();
    expect(store.getState().queryError).toEqual({ message: 'odd Cypher', reason: null });
    store.getState().dismissQueryError();
    expect(store.getState().queryError).toBeNull();
    // Loading a source starts clean.
    store.getState().fail(lost);
    await store.getState().load(async () => source());
    s = store.getState();
    expect(s.queryError).toBeNull();
  });

  it('loads coverage on demand', async () => {
    const store = await ready();
    expect(store.getState().coverage).toBeNull();
    await store.getState().loadCoverage();
    const cov = store.getState().coverage!;
    expect(cov.goals).toContain('goal:rd-intensity');
    expect(cov.cells.length).toBeGreaterThan(0);
  });
});

describe('selection slice', () => {
  it('selects a node and fetches its details with quotes', async () => {
    const store = await ready();
    await store.getState().select('lab:jinfeng');
    const s = store.getState();
    expect(s.selectedId).toBe('lab:jinfeng');
    expect(s.details?.node.name.zh).toBe('金凤实验室');
    expect(s.details?.quotes[0]?.text).toBe('金凤实验室');
    expect(s.details?.relations.map((r) => r.edge.type)).toEqual(expect.arrayContaining(['INVOLVES', 'SERVES']));
  });

  it('keeps only the latest of overlapping selections', async () => {
    const store = await ready();
    const a = store.getState().select('lab:jinfeng');
    const b = store.getState().select('goal:rd-intensity');
    await Promise.all([a, b]);
    expect(store.getState().selectedId).toBe('goal:rd-intensity');
    expect(store.getState().details?.node.id).toBe('goal:rd-intensity');
  });

  it('clears the selection', async () => {
    const store = await ready();
    await store.getState().select('lab:jinfeng');
    await store.getState().select(null);
    expect(store.getState().selectedId).toBeNull();
    expect(store.getState().details).toBeNull();
  });

  it('keeps why details failed for a retry, and says a lost connection for the whole explorer', async () => {
    const store = await ready();
    const real = store.getState().query!;
    const lost = new ReasonError(explain({ code: 'ServiceUnavailable', message: 'gone' }, 'bolt://db:7687'));
    let failWith: Error | null = lost;
    store.setState({ query: { ...real, node: (id: string) => (failWith ? Promise.reject(failWith) : real.node(id)) } });
    await store.getState().select('lab:jinfeng');
    let s = store.getState();
    expect(s).toMatchObject({ selectedId: 'lab:jinfeng', details: null, detailsLoading: false, status: 'ready' });
    expect(s.detailsError?.reason?.key).toBe('reason.unreachable');
    expect(s.queryError?.reason?.key).toBe('reason.unreachable');
    // Another kind of failure stays in the details panel.
    store.getState().dismissQueryError();
    failWith = new Error('odd Cypher');
    await store.getState().select('lab:jinfeng');
    s = store.getState();
    expect(s.detailsError).toEqual({ message: 'odd Cypher', reason: null });
    expect(s.queryError).toBeNull();
    // The retry that works clears both.
    store.getState().fail(lost);
    failWith = null;
    await store.getState().select('lab:jinfeng');
    s = store.getState();
    expect(s.details?.node.id).toBe('lab:jinfeng');
    expect(s.detailsError).toBeNull();
    expect(s.queryError).toBeNull();
  });

  it('gives null details for an unknown id without failing', async () => {
    const store = await ready();
    await store.getState().select('nope');
    expect(store.getState().details).toBeNull();
    expect(store.getState().detailsError).toBeNull();
    expect(store.getState().status).toBe('ready');
  });
});

describe('filters slice', () => {
  it('toggles kinds in canonical order', () => {
    const store = createExplorerStore();
    const { toggleKind } = store.getState();
    toggleKind('Lab');
    toggleKind('Goal');
    expect(store.getState().hiddenKinds).toEqual(['Goal', 'Lab']);
    toggleKind('Lab');
    expect(store.getState().hiddenKinds).toEqual(['Goal']);
    store.getState().showAllKinds();
    expect(store.getState().hiddenKinds).toEqual([]);
  });

  it('filters the shown subgraph and keeps the whole graph untouched', async () => {
    const store = await ready();
    const graph = store.getState().graph;
    const firstNode = graph.nodes[0];
    store.getState().toggleKind('Lab');
    const s = store.getState();
    expect(s.graph).toBe(graph);
    expect(s.graph.nodes[0]).toBe(firstNode);
    const shown = selectShown(s);
    expect(shown.nodes.some((n) => n.kind === 'Lab')).toBe(false);
    expect(shown.edges.every((e) => e.source !== 'lab:jinfeng' && e.target !== 'lab:jinfeng')).toBe(true);
    // Unfiltered nodes keep their identity (no redraw of what did not change).
    const plan = shown.nodes.find((n) => n.kind === 'Plan');
    expect(plan).toBe(graph.nodes.find((n) => n.kind === 'Plan'));
    // Same inputs, same object.
    expect(selectShown(store.getState())).toBe(shown);
  });

  it('does not change state when showing all with nothing hidden', () => {
    const store = createExplorerStore();
    const before = store.getState();
    store.getState().showAllKinds();
    expect(store.getState()).toBe(before);
  });
});

describe('view slice', () => {
  it('traces the goals a node serves', async () => {
    const store = await ready();
    await store.getState().traceGoals('lab:jinfeng');
    const s = store.getState();
    expect(s.focus).toEqual({ mode: 'goals', id: 'lab:jinfeng' });
    const ids = s.focusGraph!.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['lab:jinfeng', 'goal:hitech-firms', 'goal:rd-intensity']));
    expect(selectShown(s).nodes).toHaveLength(ids.length);
  });

  it('traces what serves a goal', async () => {
    const store = await ready();
    await store.getState().traceServing('goal:manufacturing-share');
    const ids = store.getState().focusGraph!.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['goal:manufacturing-share', 'cluster:electronics', 'chain:xinzhi']));
  });

  it('finds a path and clears the path start', async () => {
    const store = await ready();
    store.getState().setPathFrom('lab:jinfeng');
    await store.getState().showPath('lab:jinfeng', 'goal:rd-intensity');
    const s = store.getState();
    expect(s.pathFrom).toBeNull();
    expect(s.focus).toEqual({ mode: 'path', from: 'lab:jinfeng', to: 'goal:rd-intensity' });
    expect(s.focusGraph!.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['lab:jinfeng', 'task:lab-system', 'goal:rd-intensity']));
  });

  it('avoids the plan node in paths unless asked to go via it', async () => {
    const store = await ready();
    const plan = 'plan:cq-hitech-2023-2027';
    await store.getState().showPath('lab:jinfeng', 'corridor:land-sea');
    let s = store.getState();
    expect(s.focus).toEqual({ mode: 'path', from: 'lab:jinfeng', to: 'corridor:land-sea' });
    expect(s.focusGraph).toEqual({ nodes: [], edges: [] });
    await store.getState().setPathViaPlan(true);
    s = store.getState();
    expect(s.focus).toEqual({ mode: 'path', from: 'lab:jinfeng', to: 'corridor:land-sea', viaPlan: true });
    expect(s.focusGraph!.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['lab:jinfeng', plan, 'corridor:land-sea']));
    await store.getState().setPathViaPlan(false);
    s = store.getState();
    expect(s.focus).toEqual({ mode: 'path', from: 'lab:jinfeng', to: 'corridor:land-sea' });
    expect('viaPlan' in s.focus).toBe(false);
    expect(s.focusGraph!.nodes).toEqual([]);
    // The plan node may still be an end of the path.
    await store.getState().showPath('lab:jinfeng', plan);
    expect(store.getState().focusGraph!.nodes.map((n) => n.id)).toEqual(['goal:hitech-firms', 'lab:jinfeng', plan]);
  });

  it('expands and collapses neighbours, with a cap and a "more" count', async () => {
    const store = await ready();
    store.setState({ neighbourCap: 2 });
    await store.getState().expand('plan:cq-hitech-2023-2027');
    let s = store.getState();
    expect(s.focus).toEqual({ mode: 'neighbours', id: 'plan:cq-hitech-2023-2027', expanded: [] });
    expect(s.focusGraph!.nodes).toHaveLength(3);
    expect(s.focusTruncated['plan:cq-hitech-2023-2027']).toBeGreaterThan(0);
    await store.getState().showMoreNeighbours();
    s = store.getState();
    expect(s.neighbourCap).toBe(4);
    expect(s.focusGraph!.nodes).toHaveLength(5);
    const other = s.focusGraph!.nodes.find((n) => n.id !== 'plan:cq-hitech-2023-2027')!.id;
    await store.getState().expand(other);
    expect(store.getState().focus).toMatchObject({ expanded: [other] });
    await store.getState().collapse(other);
    expect(store.getState().focus).toMatchObject({ expanded: [] });
    await store.getState().collapse('plan:cq-hitech-2023-2027');
    expect(store.getState().focus).toEqual({ mode: 'none' });
    expect(store.getState().focusGraph).toBeNull();
  });

  it('ignores a stale focus answer', async () => {
    const store = await ready();
    const a = store.getState().traceGoals('lab:jinfeng');
    const b = store.getState().traceServing('goal:clusters');
    await Promise.all([a, b]);
    expect(store.getState().focus).toEqual({ mode: 'serving', id: 'goal:clusters' });
    expect(store.getState().focusGraph!.nodes.some((n) => n.id === 'goal:clusters')).toBe(true);
  });

  it('clears the focus', async () => {
    const store = await ready();
    await store.getState().traceGoals('lab:jinfeng');
    store.getState().clearFocus();
    expect(store.getState().focus).toEqual({ mode: 'none' });
    expect(store.getState().focusGraph).toBeNull();
  });

  it('opens the document at the chosen passage', async () => {
    const store = await ready();
    const node = fixture.nodes.find((n) => n.id === 'goal:rd-intensity')!;
    store.getState().openDocument(node.sources, 0);
    expect(store.getState().docView).toEqual({ doc: node.sources[0]!.doc, spans: node.sources, active: 0 });
    store.getState().closeDocument();
    expect(store.getState().docView).toBeNull();
  });

  it('sets layout, language and panel', () => {
    const store = createExplorerStore();
    store.getState().setLayout('cose');
    store.getState().setLang('en');
    store.getState().setPanel('coverage');
    expect(store.getState()).toMatchObject({ layout: 'cose', lang: 'en', panel: 'coverage' });
  });

  it('merges subgraphs without duplicates, sorted by id', () => {
    const [a, b, c] = fixture.nodes;
    const m = mergeSubgraphs([{ nodes: [c!, a!], edges: [] }, { nodes: [a!, b!], edges: [] }]);
    expect(m.nodes.map((n) => n.id)).toEqual([a!.id, b!.id, c!.id].sort());
  });

  it('each store is independent', async () => {
    const one = await ready();
    const two = createExplorerStore();
    one.getState().toggleKind('Goal');
    expect(two.getState().hiddenKinds).toEqual([]);
  });
});
