/**
 * A query against the loaded source failed — in live mode usually because the connection was
 * lost. Said above the views, not over them: the graph stays visible and usable, with a way back
 * to the built-in snapshot.
 */
import { isConnectionLost, problemText } from '../data/reasons.ts';
import { loadSnapshotSource } from '../data/source.ts';
import { t } from '../i18n.ts';
import { useExplorer } from '../store/react.tsx';

export function QueryErrorBanner() {
  const lang = useExplorer((s) => s.lang);
  const problem = useExplorer((s) => s.queryError);
  const sourceKind = useExplorer((s) => s.sourceKind);
  const load = useExplorer((s) => s.load);
  const dismiss = useExplorer((s) => s.dismissQueryError);
  if (!problem) return null;
  const lost = isConnectionLost(problem);
  return (
    <div className="banner problem" role="alert" aria-labelledby="problem-title" data-testid="query-error">
      <div className="problem-text">
        <h2 id="problem-title">{t(lang, lost ? 'connectionLostTitle' : 'queryFailedTitle')}</h2>
        <p className="reason">{problemText(lang, problem)}</p>
        {lost && <p className="hint">{t(lang, 'connectionLostHint')}</p>}
      </div>
      <div className="problem-actions">
        {sourceKind === 'live' && (
          <button type="button" onClick={() => void load(loadSnapshotSource)}>
            {t(lang, 'useSnapshot')}
          </button>
        )}
        <button type="button" onClick={dismiss}>
          {t(lang, 'dismiss')}
        </button>
      </div>
    </div>
  );
}
