/** The selected node: names, properties, relations grouped by type, and the plan's own words. */
import type { EdgeType, PropValue } from '../../../graph/model/types.ts';
import type { Relation } from '../../../graph/query/api.ts';
import { problemText } from '../data/reasons.ts';
import { edgeName, htmlLang, kindName, nodeName, t, type MsgKey } from '../i18n.ts';
import { groupQuotes } from '../lib/quote.ts';
import { useExplorer } from '../store/react.tsx';
import { KindIcon } from './KindIcon.tsx';

const PROP_KEYS: Record<string, MsgKey> = { target: 'target', unit: 'unit', year: 'year' };
const fmt = (v: PropValue): string => (Array.isArray(v) ? v.join(', ') : String(v));

export function DetailsPanel() {
  const lang = useExplorer((s) => s.lang);
  const selectedId = useExplorer((s) => s.selectedId);
  const details = useExplorer((s) => s.details);
  const loading = useExplorer((s) => s.detailsLoading);
  const detailsError = useExplorer((s) => s.detailsError);
  const status = useExplorer((s) => s.status);
  const select = useExplorer((s) => s.select);
  const traceGoals = useExplorer((s) => s.traceGoals);
  const traceServing = useExplorer((s) => s.traceServing);
  const expand = useExplorer((s) => s.expand);
  const collapse = useExplorer((s) => s.collapse);
  const focus = useExplorer((s) => s.focus);
  const truncated = useExplorer((s) => s.focusTruncated);
  const showMore = useExplorer((s) => s.showMoreNeighbours);
  const pathFrom = useExplorer((s) => s.pathFrom);
  const setPathFrom = useExplorer((s) => s.setPathFrom);
  const showPath = useExplorer((s) => s.showPath);
  const openDocument = useExplorer((s) => s.openDocument);
  const graph = useExplorer((s) => s.graph);
  const documents = useExplorer((s) => s.documents);

  const label = t(lang, 'details');
  if (!selectedId) {
    return (
      <section className="details" role="region" aria-label={label}>
        <p className="hint">{t(lang, 'nothingSelected')}</p>
      </section>
    );
  }
  if (!details) {
    // What the drawn graph knows of the node (its name), and why its details are missing.
    const known = graph.nodes.find((n) => n.id === selectedId);
    const busy = !detailsError && (loading || status !== 'ready');
    return (
      <section className="details" role="region" aria-label={label} aria-busy={busy}>
        {known && (
          <>
            <p className="kind-line">
              <KindIcon kind={known.kind} size={16} /> {kindName(lang, known.kind)} <code className="node-id">{known.id}</code>
            </p>
            <h2 lang={htmlLang(lang)}>{nodeName(lang, known.name)}</h2>
          </>
        )}
        {detailsError ? (
          <div className="problem-box" role="alert" data-testid="details-error">
            <p>{t(lang, 'detailsFailed', { reason: problemText(lang, detailsError) })}</p>
            <button type="button" onClick={() => void select(selectedId)}>
              {t(lang, 'retry')}
            </button>
          </div>
        ) : busy ? (
          <p className="hint">{t(lang, 'loading')}</p>
        ) : (
          <p className="hint">{t(lang, 'nodeNotFound', { id: selectedId })}</p>
        )}
      </section>
    );
  }
  const { node, relations, quotes } = details;
  const groups = new Map<string, Relation[]>();
  for (const r of relations) {
    const key = `${r.edge.type}|${r.direction}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const expanded = focus.mode === 'neighbours' && (focus.id === node.id || focus.expanded.includes(node.id));
  const pathFromNode = pathFrom ? graph.nodes.find((n) => n.id === pathFrom) : undefined;
  const props = Object.entries(node.props);
  const spans = quotes.map((q) => q.span);

  return (
    <section className="details" id="details" tabIndex={-1} role="region" aria-label={label} aria-live="polite">
      <p className="kind-line">
        <KindIcon kind={node.kind} size={16} /> {kindName(lang, node.kind)} <code className="node-id">{node.id}</code>
      </p>
      <h2 id="details-title" tabIndex={-1} lang={htmlLang(lang)}>
        {nodeName(lang, node.name)}
      </h2>
      <dl className="names">
        <dt>{t(lang, 'nameZh')}</dt>
        <dd lang="zh-CN">{node.name.zh}</dd>
        <dt>{t(lang, 'nameEn')}</dt>
        <dd lang="en">{node.name.en}</dd>
      </dl>
      {props.length > 0 && (
        <>
          <h3>{t(lang, 'props')}</h3>
          <dl className="props">
            {props.map(([k, v]) => (
              <div key={k}>
                <dt>{PROP_KEYS[k] ? t(lang, PROP_KEYS[k]) : k}</dt>
                <dd>{fmt(v)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <div className="actions">
        {node.kind === 'Goal' ? (
          <button type="button" onClick={() => void traceServing(node.id)}>
            {t(lang, 'traceServing')}
          </button>
        ) : (
          <button type="button" onClick={() => void traceGoals(node.id)}>
            {t(lang, 'traceGoals')}
          </button>
        )}
        {expanded ? (
          <button type="button" onClick={() => void collapse(node.id)}>
            {t(lang, 'collapse')}
          </button>
        ) : (
          <button type="button" onClick={() => void expand(node.id)}>
            {t(lang, 'neighbours')}
          </button>
        )}
        {truncated[node.id] ? (
          <button type="button" className="more" onClick={() => void showMore()}>
            {t(lang, 'more', { n: truncated[node.id] ?? 0 })}
          </button>
        ) : null}
        {pathFrom && pathFrom !== node.id ? (
          <button type="button" onClick={() => void showPath(pathFrom, node.id)}>
            {t(lang, 'pathTo', { name: pathFromNode ? nodeName(lang, pathFromNode.name) : pathFrom })}
          </button>
        ) : (
          <button type="button" aria-pressed={pathFrom === node.id} onClick={() => setPathFrom(pathFrom === node.id ? null : node.id)}>
            {t(lang, 'pathFrom')}
          </button>
        )}
      </div>

      <h3>{t(lang, 'quotes')}</h3>
      {quotes.length === 0 ? (
        <p className="hint">{t(lang, 'noQuotes')}</p>
      ) : (
        <ul className="quotes">
          {groupQuotes(quotes, (doc) => documents.find((d) => d.id === doc)?.text).map(({ parts: p, places }) => {
            const show = (i: number): void => openDocument(spans, i);
            const first = quotes[places[0]!]!.span;
            return (
              <li key={`${first.doc}:${first.start}`}>
                <blockquote lang="zh-CN">
                  {p.before}
                  <mark>{p.mark}</mark>
                  {p.after}
                </blockquote>
                {places.length === 1 ? (
                  <button type="button" className="link" onClick={() => show(places[0]!)}>
                    {t(lang, 'showInDocument')}
                  </button>
                ) : (
                  // The plan says this sentence more than once (the Q&A part repeats the main text).
                  <p className="places">
                    <span className="count">{t(lang, 'quotePlaces', { n: places.length })}</span>
                    {' · '}
                    {t(lang, 'showInDocument')}
                    {lang === 'zh' ? '：' : ': '}
                    {places.map((i, k) => (
                      <span key={i}>
                        {k > 0 && ' · '}
                        <button type="button" className="link" aria-label={t(lang, 'showPlace', { n: k + 1 })} onClick={() => show(i)}>
                          {t(lang, 'place', { n: k + 1 })}
                        </button>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h3>{t(lang, 'relations')}</h3>
      {groups.size === 0 && <p className="hint">{t(lang, 'none')}</p>}
      {[...groups.entries()].map(([key, rels]) => {
        const [type, dir] = key.split('|') as [EdgeType, 'out' | 'in'];
        return (
          <div className="rel-group" key={key}>
            <h4>
              {dir === 'in' ? '← ' : ''}
              {edgeName(lang, type)}
              {dir === 'out' ? ' →' : ''} <span className="count">{rels.length}</span>
            </h4>
            <ul>
              {rels.map((r) => (
                <li key={r.edge.id}>
                  <button type="button" className="rel" onClick={() => void select(r.other.id)}>
                    <KindIcon kind={r.other.kind} />
                    {nodeName(lang, r.other.name)}
                  </button>
                  {r.edge.props.basis === 'inferred' && (
                    <span className="inferred" title={r.edge.props.rationale}>
                      {t(lang, 'inferred')}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
