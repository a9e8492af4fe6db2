/** Says what the focused view shows, with a way back. */
import { nodeName, t } from '../i18n.ts';
import { useExplorer } from '../store/react.tsx';

export function FocusBanner() {
  const lang = useExplorer((s) => s.lang);
  const focus = useExplorer((s) => s.focus);
  const focusGraph = useExplorer((s) => s.focusGraph);
  const loading = useExplorer((s) => s.focusLoading);
  const graph = useExplorer((s) => s.graph);
  const clear = useExplorer((s) => s.clearFocus);
  const pathFrom = useExplorer((s) => s.pathFrom);
  const setPathFrom = useExplorer((s) => s.setPathFrom);
  const setPathViaPlan = useExplorer((s) => s.setPathViaPlan);
  const name = (id: string): string => {
    const n = graph.nodes.find((x) => x.id === id) ?? focusGraph?.nodes.find((x) => x.id === id);
    return n ? nodeName(lang, n.name) : id;
  };
  if (focus.mode === 'none') {
    if (!pathFrom) return null;
    return (
      <div className="banner" role="status">
        {t(lang, 'pathFrom')}: <strong>{name(pathFrom)}</strong>
        <button type="button" onClick={() => setPathFrom(null)}>
          {t(lang, 'cancel')}
        </button>
      </div>
    );
  }
  const text =
    focus.mode === 'goals'
      ? t(lang, 'focusGoals', { name: name(focus.id) })
      : focus.mode === 'serving'
        ? t(lang, 'focusServing', { name: name(focus.id) })
        : focus.mode === 'path'
          ? t(lang, 'focusPath', { from: name(focus.from), to: name(focus.to) })
          : t(lang, 'focusNeighbours', { name: name(focus.id) });
  const empty = !loading && focusGraph !== null && (focus.mode === 'path' ? focusGraph.nodes.length === 0 : focus.mode === 'goals' && focusGraph.nodes.length <= 1);
  const avoiding = focus.mode === 'path' && !focus.viaPlan;
  return (
    <div className="banner focus" role="status" data-testid="focus-banner">
      <span>{text}</span>
      {loading && <span className="hint"> · {t(lang, 'layingOut')}</span>}
      {focusGraph && !loading && <span className="hint"> · {t(lang, 'stats', { nodes: focusGraph.nodes.length, edges: focusGraph.edges.length })}</span>}
      {focus.mode === 'path' && (
        <label className="banner-toggle">
          <input type="checkbox" checked={avoiding} onChange={(e) => void setPathViaPlan(!e.currentTarget.checked)} data-testid="avoid-plan" />
          {t(lang, 'avoidPlan')}
        </label>
      )}
      {empty && <strong className="warn"> · {t(lang, focus.mode === 'path' ? (avoiding ? 'noPathAvoidingPlan' : 'noPath') : 'noGoals')}</strong>}
      {empty && avoiding && (
        <button type="button" className="inline" onClick={() => void setPathViaPlan(true)}>
          {t(lang, 'includePlan')}
        </button>
      )}
      <button type="button" onClick={clear}>
        {t(lang, 'clearFocus')}
      </button>
    </div>
  );
}
