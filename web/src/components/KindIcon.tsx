import type { NodeKind } from '../../../graph/model/types.ts';
import { KIND_VISUALS, shapePoints } from '../canvas/visuals.ts';

/** A small SVG of the kind's shape and colours, as drawn on the canvas. */
export function KindIcon({ kind, size = 14 }: { kind: NodeKind; size?: number }) {
  const v = KIND_VISUALS[kind];
  const pts = shapePoints(v.shape);
  const s = (x: number): number => 8 + x * 6.5;
  return (
    <svg className="kind-icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      {pts ? (
        <polygon points={pts.map(([x, y]) => `${s(x)},${s(y)}`).join(' ')} fill={v.fill} stroke={v.stroke} strokeWidth="1.3" />
      ) : v.shape === 'ellipse' ? (
        <circle cx="8" cy="8" r="6.5" fill={v.fill} stroke={v.stroke} strokeWidth="1.3" />
      ) : (
        <rect x="1.5" y={v.shape === 'barrel' ? 2 : 3.5} width="13" height={v.shape === 'barrel' ? 12 : 9} rx={v.shape === 'barrel' ? 4 : 2.5} fill={v.fill} stroke={v.stroke} strokeWidth="1.3" />
      )}
    </svg>
  );
}
