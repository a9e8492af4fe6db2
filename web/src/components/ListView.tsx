/** The visible graph as a list, grouped by kind: the screen-reader and keyboard view. */
import { NODE_KINDS } from '../../../graph/model/types.ts';
import { kindName, nodeName, t } from '../i18n.ts';
import { selectShown } from '../store/index.ts';
import { useExplorer } from '../store/react.tsx';
import { KindIcon } from './KindIcon.tsx';

export function ListView() {
  const lang = useExplorer((s) => s.lang);
  const shown = useExplorer(selectShown);
  const selectedId = useExplorer((s) => s.selectedId);
  const select = useExplorer((s) => s.select);
  return (
    <section className="list-view" aria-label={t(lang, 'listTitle')}>
      <h2>
        {t(lang, 'listTitle')} <span className="hint">{t(lang, 'stats', { nodes: shown.nodes.length, edges: shown.edges.length })}</span>
      </h2>
      {shown.nodes.length === 0 && <p className="hint">{t(lang, 'empty')}</p>}
      {NODE_KINDS.map((k) => {
        const nodes = shown.nodes.filter((n) => n.kind === k);
        if (!nodes.length) return null;
        return (
          <div key={k}>
            <h3>
              <KindIcon kind={k} /> {kindName(lang, k)} ({nodes.length})
            </h3>
            <ul>
              {nodes.map((n) => (
                <li key={n.id}>
                  <button type="button" className="rel" aria-current={n.id === selectedId ? 'true' : undefined} onClick={() => void select(n.id)}>
                    {nodeName(lang, n.name)}
                  </button>
                  <span className="hint"> {lang === 'zh' ? n.name.en : n.name.zh}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
