/** A small SVG serializer for what the canvas shows: positioned shapes, straight edges, labels. Pure. */
import { KIND_VISUALS, shapePoints } from '../canvas/visuals.ts';
import type { NodeKind } from '../../../graph/model/types.ts';

export interface DrawnNode {
  id: string;
  kind: NodeKind;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  faded?: boolean;
}
export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  colour: string;
  faded?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r = (n: number): string => String(Math.round(n * 10) / 10);

/** Wraps a label like the canvas does (CJK characters count double the width of Latin ones). */
export function wrapLabel(label: string, maxEm = 9.5): string[] {
  const lines: string[] = [];
  let cur = '';
  let w = 0;
  const words = label.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
  for (const word of words) {
    const ww = [...word].reduce((a, c) => a + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.55), 0);
    if (w + ww > maxEm && cur.trim()) {
      lines.push(cur.trim());
      cur = '';
      w = 0;
    }
    cur += word;
    w += ww;
  }
  if (cur.trim()) lines.push(cur.trim());
  return lines;
}

export function toSvg(nodes: DrawnNode[], edges: DrawnEdge[], fontFamily: string): string {
  if (nodes.length === 0) return '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n';
  const pad = 40;
  const x1 = Math.min(...nodes.map((n) => n.x - n.w / 2 - 50)) - pad;
  const x2 = Math.max(...nodes.map((n) => n.x + n.w / 2 + 50)) + pad;
  const y1 = Math.min(...nodes.map((n) => n.y - n.h / 2)) - pad;
  const y2 = Math.max(...nodes.map((n) => n.y + n.h / 2 + 40)) + pad;
  const at = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r(x1)} ${r(y1)} ${r(x2 - x1)} ${r(y2 - y1)}" width="${r(x2 - x1)}" height="${r(y2 - y1)}" font-family="${esc(fontFamily)}" font-size="11">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>`,
    `<rect x="${r(x1)}" y="${r(y1)}" width="${r(x2 - x1)}" height="${r(y2 - y1)}" fill="#ffffff"/>`,
  ];
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    const len = Math.hypot(dx, dy) || 1;
    const back = Math.min(t.w, t.h) / 2;
    out.push(
      `<line x1="${r(s.x)}" y1="${r(s.y)}" x2="${r(t.x - (dx / len) * back)}" y2="${r(t.y - (dy / len) * back)}" stroke="${e.colour}" stroke-width="1.2" opacity="${e.faded ? 0.12 : 0.8}" marker-end="url(#arrow)"><title>${esc(e.id)}</title></line>`,
    );
  }
  for (const n of nodes) {
    const v = KIND_VISUALS[n.kind];
    const pts = shapePoints(v.shape);
    const op = n.faded ? ' opacity="0.15"' : '';
    const attrs = `fill="${v.fill}" stroke="${v.stroke}" stroke-width="1.5"`;
    const shape = pts
      ? `<polygon points="${pts.map(([px, py]) => `${r(n.x + (px * n.w) / 2)},${r(n.y + (py * n.h) / 2)}`).join(' ')}" ${attrs}/>`
      : v.shape === 'ellipse'
        ? `<ellipse cx="${r(n.x)}" cy="${r(n.y)}" rx="${r(n.w / 2)}" ry="${r(n.h / 2)}" ${attrs}/>`
        : `<rect x="${r(n.x - n.w / 2)}" y="${r(n.y - n.h / 2)}" width="${r(n.w)}" height="${r(n.h)}" rx="${v.shape === 'barrel' ? 8 : 5}" ${attrs}/>`;
    const lines = wrapLabel(n.label);
    const text = lines
      .map((l, i) => `<tspan x="${r(n.x)}" dy="${i === 0 ? 0 : 13}">${esc(l)}</tspan>`)
      .join('');
    out.push(
      `<g${op}><title>${esc(n.id)}</title>${shape}<text x="${r(n.x)}" y="${r(n.y + n.h / 2 + 14)}" text-anchor="middle" fill="#111827">${text}</text></g>`,
    );
  }
  out.push('</svg>', '');
  return out.join('\n');
}
