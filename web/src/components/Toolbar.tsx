/** Layout choice, fit/zoom, and export of the view (PNG, SVG) and the shown subgraph (JSON, GraphML, CSV). */
import type { Core } from 'cytoscape';
import { useState, type RefObject } from 'react';
import { fitCapped } from '../canvas/layout.ts';
import { FONT_STACK } from '../canvas/style.ts';
import { EDGE_COLOURS } from '../canvas/visuals.ts';
import { t, type MsgKey } from '../i18n.ts';
import { toCsvFile, toGraphml, toJson } from '../lib/export.ts';
import { toSvg, type DrawnEdge, type DrawnNode } from '../lib/svg.ts';
import { selectShown } from '../store/index.ts';
import { useExplorer, useExplorerStore } from '../store/react.tsx';
import { LAYOUTS, type LayoutName } from '../store/types.ts';
import type { EdgeType, NodeKind } from '../../../graph/model/types.ts';

function download(name: string, data: Blob | string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function svgOf(cy: Core): string {
  const nodes: DrawnNode[] = cy
    .nodes()
    .filter((n) => n.visible())
    .nodes()
    .map((n) => ({
      id: n.id(),
      kind: n.data('kind') as NodeKind,
      label: String(n.data('label') ?? ''),
      x: n.position('x'),
      y: n.position('y'),
      w: n.width(),
      h: n.height(),
      faded: n.hasClass('faded'),
      labelAt: n.hasClass('role-item') ? 'right' : n.hasClass('role-plan') ? 'above' : 'below',
      fontSize: n.numericStyle('font-size'),
      maxEm: n.numericStyle('text-max-width') / n.numericStyle('font-size'),
      bold: n.style('font-weight') === 'bold',
    }));
  const edges: DrawnEdge[] = cy
    .edges()
    .filter((e) => e.visible())
    .edges()
    .map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      colour: EDGE_COLOURS[e.data('type') as EdgeType],
      faded: e.hasClass('faded'),
      // The overview's tree edges: their bends, no arrowheads (as drawn).
      ...(e.hasClass('tree') ? { plain: true, ...(e.hasClass('straight') ? {} : { bends: e.segmentPoints() ?? [] }) } : {}),
    }));
  return toSvg(nodes, edges, FONT_STACK);
}

export function Toolbar({ cyRef }: { cyRef: RefObject<Core | null> }) {
  const store = useExplorerStore();
  const lang = useExplorer((s) => s.lang);
  const layout = useExplorer((s) => s.layout);
  const setLayout = useExplorer((s) => s.setLayout);
  const panel = useExplorer((s) => s.panel);
  const [open, setOpen] = useState(false);

  const zoom = (f: number): void => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  };
  const fit = (): void => {
    const cy = cyRef.current;
    if (!cy) return;
    const focus = cy.nodes().not('.faded').filter((n) => n.visible());
    fitCapped(cy, focus.nonempty() ? focus : cy.elements(), 30);
  };
  const exportAs = async (what: 'png' | 'svg' | 'json' | 'graphml' | 'csv'): Promise<void> => {
    setOpen(false);
    const cy = cyRef.current;
    const shown = selectShown(store.getState());
    if (what === 'png' && cy) download('plangraph.png', await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' }), 'image/png');
    else if (what === 'svg' && cy) download('plangraph.svg', svgOf(cy), 'image/svg+xml');
    else if (what === 'json') download('plangraph-subgraph.json', toJson(shown), 'application/json');
    else if (what === 'graphml') download('plangraph-subgraph.graphml', toGraphml(shown), 'application/graphml+xml');
    else if (what === 'csv') download('plangraph-subgraph.csv', toCsvFile(shown), 'text/csv;charset=utf-8');
  };
  const items: [Parameters<typeof exportAs>[0], MsgKey][] = [
    ['png', 'exportPng'],
    ['svg', 'exportSvg'],
    ['json', 'exportJson'],
    ['graphml', 'exportGraphml'],
    ['csv', 'exportCsv'],
  ];
  const graphOnly = panel !== 'graph';
  return (
    <div className="toolbar" role="toolbar" aria-label={t(lang, 'layout')}>
      <label>
        {t(lang, 'layout')}{' '}
        <select value={layout} onChange={(e) => setLayout(e.target.value as LayoutName)} disabled={graphOnly}>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {t(lang, `layout.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={fit} disabled={graphOnly}>
        {t(lang, 'fit')}
      </button>
      <button type="button" onClick={() => zoom(1.25)} aria-label={t(lang, 'zoomIn')} title={t(lang, 'zoomIn')} disabled={graphOnly}>
        ＋
      </button>
      <button type="button" onClick={() => zoom(0.8)} aria-label={t(lang, 'zoomOut')} title={t(lang, 'zoomOut')} disabled={graphOnly}>
        －
      </button>
      <div className="menu">
        <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t(lang, 'export')} ▾
        </button>
        {open && (
          <ul role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
            {items.map(([what, key]) => (
              <li role="none" key={what}>
                <button type="button" role="menuitem" onClick={() => void exportAs(what)} disabled={graphOnly && (what === 'png' || what === 'svg')}>
                  {t(lang, key)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
