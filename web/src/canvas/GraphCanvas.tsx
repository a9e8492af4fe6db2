/**
 * The Cytoscape canvas. The instance is created once in a mount effect (listeners registered
 * there, destroyed in the cleanup, so StrictMode's double mount leaves nothing behind); data,
 * labels, classes and layout are pushed in their own effects inside cy.batch; a running layout
 * is stopped before the next starts; a ResizeObserver calls cy.resize().
 */
import cytoscape, { type Core, type ElementDefinition, type Layouts } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { PlanEdge, PlanNode } from '../../../graph/model/types.ts';
import { edgeName, nodeName } from '../i18n.ts';
import { useExplorer, useExplorerStore } from '../store/react.tsx';
import type { LayoutName } from '../store/types.ts';
import { DAGRE_OPTIONS, DAGRE_OVERVIEW_OPTIONS, LAYOUT_OPTIONS, STYLESHEET } from './style.ts';
import { staggerRanks } from './stagger.ts';
import { RANK_EDGES, UPWARD_EDGES } from './visuals.ts';

cytoscape.use(dagre);

const HELPER = '~rev:';

function nodeDef(n: PlanNode): ElementDefinition {
  return { group: 'nodes', data: { id: n.id, kind: n.kind, label: n.name.zh } };
}
function edgeDefs(e: PlanEdge): ElementDefinition[] {
  const defs: ElementDefinition[] = [
    { group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type, typeLabel: e.type } },
  ];
  if (UPWARD_EDGES.has(e.type)) {
    defs.push({ group: 'edges', data: { id: HELPER + e.id, source: e.target, target: e.source, type: e.type }, classes: 'layout-helper' });
  }
  return defs;
}

/** Canvas labels stay short (the details panel has the full name): about 24 CJK or 44 Latin characters. */
export function shortLabel(name: string): string {
  let w = 0;
  let i = 0;
  for (const c of name) {
    w += /[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.55;
    if (w > 24) return `${name.slice(0, i)}…`;
    i += c.length;
  }
  return name;
}

function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

const MIN_OVERVIEW_ZOOM = 0.8;

/** Fits, but never zooms in past 1.25 (a small focus would otherwise fill the screen). */
export function fitCapped(cy: Core, eles: cytoscape.CollectionArgument, padding: number): void {
  cy.stop(true, false); // a viewport animation still running would undo the fit
  cy.fit(eles, padding);
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center(eles);
  }
}

/** Lays out what is visible; in focus mode the focus subgraph goes top-down above the faded rest. */
async function runLayout(cy: Core, name: LayoutName, focusIds: Set<string> | null, track: (l: Layouts | null) => void, alive: () => boolean): Promise<boolean> {
  const visNodes = cy.nodes().not('.kind-hidden');
  const visEdges = cy.edges().filter((e) => !e.source().hasClass('kind-hidden') && !e.target().hasClass('kind-hidden')).edges();
  const drawnEdges = visEdges.not('.layout-helper');
  const rankEdges = drawnEdges.filter((e) => RANK_EDGES.has(e.data('type')));

  const run = async (eles: cytoscape.CollectionReturnValue, opts: cytoscape.LayoutOptions): Promise<boolean> => {
    if (eles.nodes().empty()) return true;
    const layout = eles.layout(opts);
    track(layout);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    track(null);
    return !cy.destroyed() && alive();
  };
  const base = (nodes: cytoscape.NodeCollection): Promise<boolean> => {
    const inside = (e: cytoscape.EdgeSingular): boolean => nodes.contains(e.source()) && nodes.contains(e.target());
    if (name === 'dagre') return run(nodes.union(rankEdges.filter(inside)), (focusIds ? DAGRE_OPTIONS : DAGRE_OVERVIEW_OPTIONS) as cytoscape.LayoutOptions);
    return run(nodes.union(drawnEdges.filter(inside)), LAYOUT_OPTIONS[name]);
  };

  cy.stop(true, true);
  if (!focusIds) {
    if (!(await base(visNodes))) return false;
    fitCapped(cy, visNodes, 30);
    if (cy.zoom() < MIN_OVERVIEW_ZOOM) {
      // Too small to read: keep labels legible and show the top of the hierarchy instead.
      const bb = visNodes.boundingBox({ includeLabels: true });
      const top = visNodes.filter((n) => n.data('kind') === 'Plan');
      const cx = top.nonempty() ? top.position('x') : (bb.x1 + bb.x2) / 2;
      cy.zoom(MIN_OVERVIEW_ZOOM);
      cy.pan({ x: cy.width() / 2 - cx * MIN_OVERVIEW_ZOOM, y: 20 - bb.y1 * MIN_OVERVIEW_ZOOM });
    }
    return true;
  }
  const focusNodes = visNodes.filter((n) => focusIds.has(n.id()));
  const rest = visNodes.not(focusNodes);
  if (!(await base(rest))) return false;
  const inFocus = (e: cytoscape.EdgeSingular): boolean => focusNodes.contains(e.source()) && focusNodes.contains(e.target());
  const focusRank = visEdges.filter(
    (e) => inFocus(e) && (e.hasClass('layout-helper') ? focusIds.has(e.id().slice(HELPER.length)) : RANK_EDGES.has(e.data('type'))),
  );
  // A helper edge counts only if its original edge is part of the focus.
  if (!(await run(focusNodes.union(focusRank), DAGRE_OPTIONS as cytoscape.LayoutOptions))) return false;
  if (rest.nonempty() && focusNodes.nonempty()) {
    const fb = focusNodes.boundingBox({ includeLabels: true });
    const rb = rest.boundingBox({ includeLabels: true });
    const dx = (rb.x1 + rb.x2) / 2 - (fb.x1 + fb.x2) / 2;
    const dy = rb.y1 - 140 - fb.y2;
    focusNodes.positions((n) => ({ x: n.position('x') + dx, y: n.position('y') + dy }));
  }
  fitCapped(cy, focusNodes.nonempty() ? focusNodes : visNodes, 40);
  return true;
}

export function GraphCanvas({ cyRef }: { cyRef: RefObject<Core | null> }) {
  const store = useExplorerStore();
  const container = useRef<HTMLDivElement>(null);
  const layoutRef = useRef<Layouts | null>(null);
  const layoutToken = useRef(0);
  const graph = useExplorer((s) => s.graph);
  const focusGraph = useExplorer((s) => s.focusGraph);
  const hiddenKinds = useExplorer((s) => s.hiddenKinds);
  const lang = useExplorer((s) => s.lang);
  const layout = useExplorer((s) => s.layout);
  const selectedId = useExplorer((s) => s.selectedId);
  const pathFrom = useExplorer((s) => s.pathFrom);
  const truncated = useExplorer((s) => s.focusTruncated);
  const status = useExplorer((s) => s.status);
  const booting = useExplorer((s) => s.booting);
  const focusLoading = useExplorer((s) => s.focusLoading);
  const layoutBusy = useRef(false);
  const [laidOut, setLaidOut] = useState(0);

  // Create once; StrictMode-safe.
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const cy = cytoscape({
      container: el,
      style: STYLESHEET,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cyRef.current = cy;
    if (import.meta.env.DEV) (window as unknown as { cy: Core }).cy = cy;
    cy.on('tap', 'node', (evt) => void store.getState().select(evt.target.id()));
    cy.on('tap', (evt) => {
      if (evt.target === cy) void store.getState().select(null);
    });
    cy.on('dbltap', 'node', (evt) => void store.getState().expand(evt.target.id()));
    const ro = new ResizeObserver(() => cy.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      layoutRef.current?.stop();
      layoutRef.current = null;
      layoutToken.current++;
      cy.destroy();
      if (cyRef.current === cy) cyRef.current = null;
    };
  }, [store, cyRef]);

  // Data: the whole graph plus anything only the focus has.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const edges = new Map(graph.edges.map((e) => [e.id, e]));
    for (const n of focusGraph?.nodes ?? []) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of focusGraph?.edges ?? []) if (!edges.has(e.id)) edges.set(e.id, e);
    cy.batch(() => {
      cy.elements().filter((x) => (x.isNode() ? !nodes.has(x.id()) : !edges.has(x.id()) && !edges.has(x.id().slice(HELPER.length)))).remove();
      const add: ElementDefinition[] = [];
      for (const n of nodes.values()) if (cy.getElementById(n.id).empty()) add.push(nodeDef(n));
      for (const e of edges.values()) if (cy.getElementById(e.id).empty()) add.push(...edgeDefs(e));
      if (add.length) cy.add(add);
      const stagger = staggerRanks([...edges.values()], (id) => nodes.get(id)?.kind);
      cy.edges().forEach((e) => {
        e.data('minLen', stagger.get(e.id()) ?? 1);
      });
    });
    if (graph.nodes.length) markOnce('plangraph:data-loaded');
  }, [graph, focusGraph, cyRef]);

  // Labels in the interface language.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const names = new Map<string, PlanNode>([...graph.nodes, ...(focusGraph?.nodes ?? [])].map((n) => [n.id, n]));
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = names.get(n.id());
        if (!p) return;
        const label = shortLabel(nodeName(lang, p.name));
        n.data('label', label);
        n.toggleClass('latin', !/[\u2e80-\u9fff]/.test(label));
      });
      cy.edges().forEach((e) => {
        e.data('typeLabel', edgeName(lang, e.data('type')));
      });
    });
  }, [lang, graph, focusGraph, cyRef]);

  // Classes: hidden kinds, focus fading, cross edges.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const hidden = new Set<string>(hiddenKinds);
    const fNodes = focusGraph ? new Set(focusGraph.nodes.map((n) => n.id)) : null;
    const fEdges = focusGraph ? new Set(focusGraph.edges.map((e) => e.id)) : null;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        n.toggleClass('kind-hidden', hidden.has(n.data('kind')));
        n.toggleClass('faded', fNodes !== null && !fNodes.has(n.id()));
      });
      cy.edges().not('.layout-helper').forEach((e) => {
        const inFocus = fEdges !== null && fEdges.has(e.id());
        e.toggleClass('faded', fEdges !== null && !inFocus);
        e.toggleClass('focus-edge', inFocus);
        e.toggleClass('cross', fEdges === null && !RANK_EDGES.has(e.data('type')));
      });
    });
  }, [hiddenKinds, focusGraph, graph, cyRef]);

  // Layout: stop the running one, then lay out again.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    layoutRef.current?.stop();
    const token = ++layoutToken.current;
    const focusIds = focusGraph ? new Set([...focusGraph.nodes.map((n) => n.id), ...focusGraph.edges.map((e) => e.id)]) : null;
    layoutBusy.current = true;
    void runLayout(cy, layout, focusIds, (l) => {
      layoutRef.current = l;
    }, () => token === layoutToken.current).then((ok) => {
      if (!ok || token !== layoutToken.current) return;
      layoutBusy.current = false;
      setLaidOut((n) => n + 1);
    });
  }, [layout, hiddenKinds, focusGraph, graph, lang, cyRef]);

  // Ready once the data, the URL's view and the layout are all in place.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || laidOut === 0 || status !== 'ready' || booting || focusLoading || layoutBusy.current) return;
    markOnce('plangraph:layout-done');
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (cy.destroyed()) return;
        markOnce('plangraph:first-frame');
        window.__plangraphReady = true;
      }),
    );
  }, [laidOut, status, booting, focusLoading, cyRef]);

  // Selection and path end markers.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.$(':selected').unselect();
      cy.$('.path-end').removeClass('path-end');
      cy.edges('.near').removeClass('near');
      if (selectedId) cy.getElementById(selectedId).connectedEdges().addClass('near');
      if (pathFrom) cy.getElementById(pathFrom).addClass('path-end');
      if (selectedId) cy.getElementById(selectedId).select();
    });
    const n = selectedId ? cy.getElementById(selectedId) : null;
    if (n && n.nonempty() && n.visible() && !layoutBusy.current && !n.hasClass('faded')) {
      const ext = cy.extent();
      const p = n.position();
      if (p.x < ext.x1 || p.x > ext.x2 || p.y < ext.y1 || p.y > ext.y2) cy.animate({ center: { eles: n } }, { duration: 250 });
    }
  }, [selectedId, pathFrom, laidOut, cyRef]);

  // Nodes whose neighbours were cut by the cap.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes('.truncated').removeClass('truncated');
      for (const id of Object.keys(truncated)) cy.getElementById(id).addClass('truncated');
    });
  }, [truncated, focusGraph, cyRef]);

  return <div ref={container} className="cy" data-testid="graph-canvas" aria-hidden="true" />;
}
