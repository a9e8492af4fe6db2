/** The legend doubles as the kind filter: each entry is a toggle button. */
import { NODE_KINDS, type NodeKind } from '../../../graph/model/types.ts';
import { kindName, t } from '../i18n.ts';
import { useExplorer } from '../store/react.tsx';
import { KindIcon } from './KindIcon.tsx';

export function Legend() {
  const lang = useExplorer((s) => s.lang);
  const hidden = useExplorer((s) => s.hiddenKinds);
  const toggle = useExplorer((s) => s.toggleKind);
  const showAll = useExplorer((s) => s.showAllKinds);
  const graph = useExplorer((s) => s.graph);
  const counts = new Map<NodeKind, number>();
  for (const n of graph.nodes) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
  const kinds = NODE_KINDS.filter((k) => counts.has(k));
  return (
    <nav className="legend" aria-label={t(lang, 'legend')}>
      <h2>{t(lang, 'legend')}</h2>
      <ul>
        {kinds.map((k) => {
          const off = hidden.includes(k);
          return (
            <li key={k}>
              <button type="button" aria-pressed={!off} className={off ? 'off' : undefined} onClick={() => toggle(k)} data-kind={k}>
                <KindIcon kind={k} />
                <span className="legend-name">{kindName(lang, k)}</span>
                <span className="count">{counts.get(k)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {hidden.length > 0 && (
        <button type="button" className="link" onClick={showAll}>
          {t(lang, 'showAll')} ({t(lang, 'hiddenKinds', { n: hidden.length })})
        </button>
      )}
    </nav>
  );
}
