/** A small SVG serializer for what the canvas shows: positioned shapes, edges (straight or bent), labels. Pure. */
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
  /** Where the label sits (default below), its font size (default 11) and wrap width in ems (default 9.5). */
  labelAt?: 'below' | 'right' | 'above';
  fontSize?: number;
  maxEm?: number;
  bold?: boolean;
}
export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  colour: string;
  faded?: boolean;
  /** Bend points between the ends (the overview's routed edges). */
  bends?: { x: number; y: number }[];
  /** Without an arrowhead (the overview's tree edges). */
  plain?: boolean;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * Wraps a label like the canvas does (CJK characters count double the width of Latin ones):
 * at spaces, between CJK characters, and at zero-width spaces (which are dropped).
 */
export function wrapLabel(label: string, maxEm = 9.5): string[] {
  const lines: string[] = [];
  let cur = '';
  let w = 0;
  const words = label.includes('\u200b')
    ? (label.match(/[^\s\u200b]+[\s\u200b]*|[\s\u200b]+/g) ?? [])
    : (label.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? []);
  for (const word of words) {
    const ww = [...word.replaceAll('\u200b', '')].reduce((a, c) => a + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.55), 0);
    if (w + ww > maxEm && cur.trim()) {
      lines.push(cur.trim());
      cur = '';
      w = 0;
    }
    cur += word;
    w += ww;
  }
  if (cur.trim()) lines.push(cur.trim());
  return lines.map((l) => l.replaceAll('\u200b', ''));
}

/** Where a node's label goes: its lines, the anchor of the first line's baseline, and the box it takes. */
function labelOf(n: DrawnNode) {
  const fs = n.fontSize ?? 11;
  const lh = fs * 1.2;
  const lines = wrapLabel(n.label, n.maxEm ?? 9.5);
  const width = Math.max(0, ...lines.map((l) => [...l].reduce((a, c) => a + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.55), 0))) * fs;
  const height = lines.length * lh;
  if (n.labelAt === 'right') {
    const x = n.x + n.w / 2 + 5;
    const y = n.y - height / 2 + fs * 0.9;
    return { lines, x, y, anchor: 'start', lh, fs, box: { x1: x, x2: x + width, y1: n.y - height / 2, y2: n.y + height / 2 } };
  }
  if (n.labelAt === 'above') {
    const y = n.y - n.h / 2 - 6 - height + fs * 0.9;
    return { lines, x: n.x, y, anchor: 'middle', lh, fs, box: { x1: n.x - width / 2, x2: n.x + width / 2, y1: y - fs, y2: n.y - n.h / 2 } };
  }
  const y = n.y + n.h / 2 + 4 + fs * 0.9;
  return { lines, x: n.x, y, anchor: 'middle', lh, fs, box: { x1: n.x - width / 2, x2: n.x + width / 2, y1: n.y, y2: y + height } };
}

export function toSvg(nodes: DrawnNode[], edges: DrawnEdge[], fontFamily: string): string {
  if (nodes.length === 0) return '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n';
  const pad = 30;
  const labels = new Map(nodes.map((n) => [n.id, labelOf(n)]));
  const x1 = Math.min(...nodes.map((n) => Math.min(n.x - n.w / 2, labels.get(n.id)!.box.x1))) - pad;
  const x2 = Math.max(...nodes.map((n) => Math.max(n.x + n.w / 2, labels.get(n.id)!.box.x2))) + pad;
  const y1 = Math.min(...nodes.map((n) => Math.min(n.y - n.h / 2, labels.get(n.id)!.box.y1))) - pad;
  const y2 = Math.max(...nodes.map((n) => Math.max(n.y + n.h / 2, labels.get(n.id)!.box.y2))) + pad;
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
    const pts = [{ x: s.x, y: s.y }, ...(e.bends ?? []), { x: t.x, y: t.y }];
    const a = pts[pts.length - 2]!;
    const dx = t.x - a.x;
    const dy = t.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const back = Math.min(t.w, t.h) / 2;
    pts[pts.length - 1] = { x: t.x - (dx / len) * back, y: t.y - (dy / len) * back };
    const attrs = `stroke="${e.colour}" stroke-width="1.2" fill="none" opacity="${e.faded ? 0.12 : 0.85}"${e.plain ? '' : ' marker-end="url(#arrow)"'}`;
    out.push(
      pts.length === 2
        ? `<line x1="${r(pts[0]!.x)}" y1="${r(pts[0]!.y)}" x2="${r(pts[1]!.x)}" y2="${r(pts[1]!.y)}" ${attrs}><title>${esc(e.id)}</title></line>`
        : `<polyline points="${pts.map((p) => `${r(p.x)},${r(p.y)}`).join(' ')}" ${attrs}><title>${esc(e.id)}</title></polyline>`,
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
    const l = labels.get(n.id)!;
    const text = l.lines.map((line, i) => `<tspan x="${r(l.x)}" dy="${i === 0 ? 0 : r(l.lh)}">${esc(line)}</tspan>`).join('');
    const font = `${l.fs !== 11 ? ` font-size="${r(l.fs)}"` : ''}${n.bold ? ' font-weight="bold"' : ''}`;
    out.push(`<g${op}><title>${esc(n.id)}</title>${shape}<text x="${r(l.x)}" y="${r(l.y)}" text-anchor="${l.anchor}"${font} fill="#111827">${text}</text></g>`);
  }
  out.push('</svg>', '');
  return out.join('\n');
}
