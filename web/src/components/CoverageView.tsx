/** Goals × actions table from query.coverage(); unserved goals and elements serving nothing flagged. */
import { useEffect, useMemo, useState } from 'react';
import type { PlanNode } from '../../../graph/model/types.ts';
import { nodeName, t } from '../i18n.ts';
import { useExplorer } from '../store/react.tsx';
import { KindIcon } from './KindIcon.tsx';

export function CoverageView() {
  const lang = useExplorer((s) => s.lang);
  const coverage = useExplorer((s) => s.coverage);
  const load = useExplorer((s) => s.loadCoverage);
  const query = useExplorer((s) => s.query);
  const graph = useExplorer((s) => s.graph);
  const select = useExplorer((s) => s.select);
  const setPanel = useExplorer((s) => s.setPanel);
  const queryError = useExplorer((s) => s.queryError);
  const [cell, setCell] = useState<{ goal: string; action: string } | null>(null);
  const byId = useMemo(() => new Map<string, PlanNode>(graph.nodes.map((n) => [n.id, n])), [graph]);
  const cells = useMemo(() => new Map(coverage?.cells.map((c) => [`${c.goal}|${c.action}`, c.elements])), [coverage]);

  useEffect(() => {
    if (!coverage && query) void load();
  }, [coverage, query, load]);
  if (!coverage)
    // A failed read is said by the banner above (QueryErrorBanner); here, a way to ask again.
    return queryError ? (
      <p className="hint center">
        <button type="button" onClick={() => void load()}>
          {t(lang, 'retry')}
        </button>
      </p>
    ) : (
      <p className="hint center">{t(lang, 'loading')}</p>
    );

  const name = (id: string): string => {
    const n = byId.get(id);
    return n ? nodeName(lang, n.name) : id;
  };
  const unserved = new Set(coverage.unservedGoals);
  const open = cell ? (cells.get(`${cell.goal}|${cell.action}`) ?? []) : [];
  const go = (id: string): void => {
    void select(id);
    setPanel('graph');
  };
  // A plain function, not a component made anew each render (that would remount every link).
  const nodeLink = (id: string) => {
    const n = byId.get(id);
    return (
      <button type="button" className="rel" onClick={() => go(id)}>
        {n && <KindIcon kind={n.kind} />}
        {name(id)}
      </button>
    );
  };

  return (
    <section className="coverage" aria-label={t(lang, 'coverageTitle')}>
      <h2>{t(lang, 'coverageTitle')}</h2>
      <p className="hint">{t(lang, 'coverageHint')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'goal')}</th>
              {coverage.actions.map((a) => (
                <th scope="col" key={a}>
                  {name(a)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.goals.map((g) => (
              <tr key={g} className={unserved.has(g) ? 'unserved' : undefined}>
                <th scope="row">
                  {unserved.has(g) && <span className="flag" title={t(lang, 'unservedGoals')} aria-label={t(lang, 'unservedGoals')}>⚠ </span>}
                  <button type="button" className="rel" onClick={() => go(g)}>
                    {name(g)}
                  </button>
                </th>
                {coverage.actions.map((a) => {
                  const els = cells.get(`${g}|${a}`);
                  const on = cell?.goal === g && cell.action === a;
                  return (
                    <td key={a} className={els ? 'hit' : 'zero'}>
                      {els ? (
                        <button type="button" aria-pressed={on} aria-label={`${name(g)} × ${name(a)}: ${els.length}`} onClick={() => setCell(on ? null : { goal: g, action: a })}>
                          {els.length}
                        </button>
                      ) : (
                        <span aria-label="0">·</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cell && (
        <div className="cell-detail" role="region" aria-label={`${name(cell.goal)} × ${name(cell.action)}`}>
          <h3>
            {name(cell.goal)} × {name(cell.action)}
          </h3>
          <ul>
            {open.map((id) => (
              <li key={id}>
                {nodeLink(id)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flags">
        <div>
          <h3>⚠ {t(lang, 'unservedGoals')} ({coverage.unservedGoals.length})</h3>
          {coverage.unservedGoals.length === 0 ? <p className="hint">{t(lang, 'none')}</p> : (
            <ul>{coverage.unservedGoals.map((id) => <li key={id}>{nodeLink(id)}</li>)}</ul>
          )}
        </div>
        <div>
          <h3>⚠ {t(lang, 'servesNothing')} ({coverage.servesNothing.length})</h3>
          {coverage.servesNothing.length === 0 ? <p className="hint">{t(lang, 'none')}</p> : (
            <ul className="cols">{coverage.servesNothing.map((id) => <li key={id}>{nodeLink(id)}</li>)}</ul>
          )}
        </div>
      </div>
    </section>
  );
}
