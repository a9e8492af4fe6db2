/** Cutting a document into pieces for the document view. Pure. */

export interface Segment {
  start: number;
  end: number;
  /** The node whose passage covers this piece most tightly, if any. */
  node: string | null;
  /** Index of the highlighted span covering it, or -1. */
  mark: number;
  /** Inside the sentence around the active passage. */
  context: boolean;
}

interface Range {
  start: number;
  end: number;
}

/** Cuts [0, length) at every span boundary (and the context's); pure, tested. */
export function segmentText(length: number, nodeSpans: { node: string; start: number; end: number }[], marks: Range[], context?: Range): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const s of [...nodeSpans, ...marks, ...(context ? [context] : [])]) {
    cuts.add(Math.max(0, Math.min(length, s.start)));
    cuts.add(Math.max(0, Math.min(length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segs: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let best: { node: string; len: number } | null = null;
    for (const s of nodeSpans) {
      if (s.start <= start && s.end >= end && (!best || s.end - s.start < best.len)) best = { node: s.node, len: s.end - s.start };
    }
    const mark = marks.findIndex((m) => m.start <= start && m.end >= end);
    const inContext = !!context && context.start <= start && context.end >= end;
    const prev = segs[segs.length - 1];
    if (prev && prev.node === (best?.node ?? null) && prev.mark === mark && prev.context === inContext) prev.end = end;
    else segs.push({ start, end, node: best?.node ?? null, mark, context: inContext });
  }
  return segs;
}

