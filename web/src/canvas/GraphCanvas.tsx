/**
 * The Cytoscape canvas. The instance is created once in a mount effect (listeners registered
 * there, destroyed in the cleanup, so StrictMode's double mount leaves nothing behind); data,
 * labels, classes and layout are pushed in their own effects inside cy.batch; a running layout
 * is stopped before the next starts; a ResizeObserver calls cy.resize().
 */
import cytoscape, { type Core, type ElementDefinition, type Layouts } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { PlanEdge, PlanNode } from '../../../graph/model/types.ts';
import { edgeName, nodeName, t } from '../i18n.ts';
import { useExplorer, useExplorerStore } from '../store/react.tsx';
import { breakable, shortLabel } from './labels.ts';
import { HELPER, runLayout, step, type Nav } from './layout.ts';
import { STYLESHEET } from './style.ts';
import { UPWARD_EDGES } from './visuals.ts';

cytoscape.use(dagre);

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

/** How much of a name the canvas shows (CJK characters); the plan, its goals and actions in full or nearly. */
const LABEL_LIMIT: Partial<Record<string, number>> = { Plan: 80, Goal: 34, Action: 34 };

function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
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
  const nav = useRef<Nav>({ parent: new Map(), children: new Map(), roots: [] });
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
    window.__plangraphCy = cy;
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
      if (window.__plangraphCy === cy) window.__plangraphCy = undefined;
    };
  }, [store, cyRef]);

  // What the canvas holds: the whole graph plus anything only the focus has, by id.
  const drawn = useMemo(() => {
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const edges = new Map(graph.edges.map((e) => [e.id, e]));
    for (const n of focusGraph?.nodes ?? []) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of focusGraph?.edges ?? []) if (!edges.has(e.id)) edges.set(e.id, e);
    return { nodes, edges };
  }, [graph, focusGraph]);

  // Data: add and remove elements to match what is drawn.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const { nodes, edges } = drawn;
    cy.batch(() => {
      cy.elements().filter((x) => (x.isNode() ? !nodes.has(x.id()) : !edges.has(x.id()) && !edges.has(x.id().slice(HELPER.length)))).remove();
      const add: ElementDefinition[] = [];
      for (const n of nodes.values()) if (cy.getElementById(n.id).empty()) add.push(nodeDef(n));
      for (const e of edges.values()) if (cy.getElementById(e.id).empty()) add.push(...edgeDefs(e));
      if (add.length) cy.add(add);
    });
    if (graph.nodes.length) markOnce('plangraph:data-loaded');
  }, [drawn, graph, cyRef]);

  // Labels in the interface language.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = drawn.nodes.get(n.id());
        if (!p) return;
        n.data('label', breakable(shortLabel(nodeName(lang, p.name), LABEL_LIMIT[p.kind] ?? 24)));
      });
      cy.edges().forEach((e) => {
        e.data('typeLabel', edgeName(lang, e.data('type')));
      });
    });
  }, [lang, drawn, cyRef]);

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
    }, () => token === layoutToken.current).then((result) => {
      if (!result || token !== layoutToken.current) return;
      nav.current = result;
      layoutBusy.current = false;
      window.__plangraphLayouts = (window.__plangraphLayouts ?? 0) + 1;
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

  // Keyboard: arrows walk the drawn hierarchy, Enter opens the details, Escape lets go.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const s = store.getState();
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      const next = step(nav.current, s.selectedId, e.key);
      if (next && next !== s.selectedId) void s.select(next);
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (!s.selectedId) return;
      e.preventDefault();
      requestAnimationFrame(() => (document.getElementById('details-title') ?? document.getElementById('details'))?.focus());
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (s.selectedId) void s.select(null);
      else if (s.focus.mode !== 'none') s.clearFocus();
      else e.currentTarget.blur();
    }
  };

  return (
    <div
      ref={container}
      className="cy"
      data-testid="graph-canvas"
      tabIndex={0}
      role="application"
      aria-label={t(lang, 'canvasLabel')}
      onKeyDown={onKeyDown}
    />
  );
}
