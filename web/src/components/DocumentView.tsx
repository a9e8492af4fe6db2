/**
 * The source document with the selected passage highlighted; every passage a node comes from
 * is a link that selects that node (the shortest passage wins where they overlap).
 */
import { useEffect, useMemo, useRef } from 'react';
import { sentenceAround } from '../../../graph/model/sentence.ts';
import type { PlanNode, Span } from '../../../graph/model/types.ts';
import { nodeName, t } from '../i18n.ts';
import { useExplorer } from '../store/react.tsx';
import { segmentText } from '../lib/segments.ts';

export function DocumentView() {
  const lang = useExplorer((s) => s.lang);
  const docView = useExplorer((s) => s.docView);
  const documents = useExplorer((s) => s.documents);
  const graph = useExplorer((s) => s.graph);
  const close = useExplorer((s) => s.closeDocument);
  const select = useExplorer((s) => s.select);
  const selectedId = useExplorer((s) => s.selectedId);
  const activeRef = useRef<HTMLElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const doc = documents.find((d) => d.id === docView?.doc);
  const byId = useMemo(() => new Map<string, PlanNode>(graph.nodes.map((n) => [n.id, n])), [graph]);

  const segments = useMemo(() => {
    if (!doc || !docView) return [];
    const nodeSpans = graph.nodes.flatMap((n) => n.sources.filter((s: Span) => s.doc === doc.id).map((s) => ({ node: n.id, start: s.start, end: s.end })));
    const active = docView.spans[docView.active];
    return segmentText(doc.text.length, nodeSpans, docView.spans, active ? sentenceAround(doc.text, active) : undefined);
  }, [doc, docView, graph]);

  useEffect(() => {
    activeRef.current?.scrollIntoView({ block: 'center' });
    closeRef.current?.focus({ preventScroll: true });
  }, [docView]);

  if (!docView) return null;
  let firstActive = true;
  return (
    <aside className="document" role="region" aria-label={t(lang, 'document')}>
      <header>
        <h2>
          {t(lang, 'document')}: {doc?.title ?? docView.doc}
        </h2>
        <button type="button" ref={closeRef} onClick={close} aria-label={t(lang, 'close')}>
          ✕
        </button>
      </header>
      {!doc ? (
        <p className="hint">{docView.doc}?</p>
      ) : (
        <div className="doc-text" lang="zh-CN">
          {segments.map((s) => {
            const text = doc.text.slice(s.start, s.end);
            const isActive = s.mark === docView.active && firstActive;
            if (isActive) firstActive = false;
            const inner = s.node ? (
              <button
                type="button"
                className={`docref${s.node === selectedId ? ' current' : ''}`}
                title={nodeName(lang, byId.get(s.node)?.name ?? { zh: s.node, en: s.node })}
                onClick={() => void select(s.node)}
              >
                {text}
              </button>
            ) : (
              text
            );
            // The active passage's sentence is shaded; the passages themselves are marked.
            const cls = s.context ? 'sentence' : undefined;
            return s.mark >= 0 ? (
              <mark key={s.start} ref={isActive ? activeRef : undefined} className={s.mark === docView.active ? `active ${cls ?? ''}`.trim() : cls}>
                {inner}
              </mark>
            ) : (
              <span key={s.start} className={cls}>
                {inner}
              </span>
            );
          })}
        </div>
      )}
    </aside>
  );
}
