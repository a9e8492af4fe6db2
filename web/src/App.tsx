import type { Core } from 'cytoscape';
import { lazy, Suspense, useRef, useState } from 'react';
import { GraphCanvas } from './canvas/GraphCanvas.tsx';
import { CoverageView } from './components/CoverageView.tsx';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { DocumentView } from './components/DocumentView.tsx';
import { FocusBanner } from './components/FocusBanner.tsx';
import { Legend } from './components/Legend.tsx';
import { ListView } from './components/ListView.tsx';
import { QueryErrorBanner } from './components/QueryErrorBanner.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { Toolbar } from './components/Toolbar.tsx';
import { reasonText } from './data/reasons.ts';
import { loadSnapshotSource } from './data/source.ts';
import { htmlLang, LANGS, t, type MsgKey } from './i18n.ts';
import { selectShown } from './store/index.ts';
import { useExplorer } from './store/react.tsx';
import type { Panel } from './store/types.ts';

const ConnectDialog = lazy(() => import('./components/ConnectDialog.tsx'));

const PANELS: [Panel, MsgKey][] = [
  ['graph', 'viewGraph'],
  ['list', 'viewList'],
  ['coverage', 'viewCoverage'],
];

function StatusOverlay() {
  const lang = useExplorer((s) => s.lang);
  const status = useExplorer((s) => s.status);
  const error = useExplorer((s) => s.error);
  const errorReason = useExplorer((s) => s.errorReason);
  const sourceKind = useExplorer((s) => s.sourceKind);
  const load = useExplorer((s) => s.load);
  const shown = useExplorer(selectShown);
  const hidden = useExplorer((s) => s.hiddenKinds);
  const showAll = useExplorer((s) => s.showAllKinds);
  if (status === 'loading' || status === 'idle')
    return (
      <div className="overlay" role="status">
        <span className="spinner" aria-hidden="true" /> {t(lang, 'loading')}
      </div>
    );
  // Only a load that failed: a query failing once the graph is drawn is the QueryErrorBanner's.
  if (status === 'error')
    return (
      <div className="overlay error" role="alert">
        <div className="overlay-box">
          <h2>{t(lang, 'errorTitle')}</h2>
          <p>{sourceKind === 'live' ? t(lang, 'connectionLost', { reason: errorReason ? reasonText(lang, errorReason) : (error ?? '') }) : error}</p>
          <button type="button" onClick={() => void load(loadSnapshotSource)}>
            {sourceKind === 'live' ? t(lang, 'useSnapshot') : t(lang, 'retry')}
          </button>
        </div>
      </div>
    );
  if (shown.nodes.length === 0)
    return (
      <div className="overlay" role="status">
        <p>{hidden.length ? t(lang, 'emptyFiltered') : t(lang, 'empty')}</p>
        {hidden.length > 0 && (
          <button type="button" onClick={showAll}>
            {t(lang, 'showAll')}
          </button>
        )}
      </div>
    );
  return null;
}

/** Where the data comes from, what is shown of it, and connecting or going back to the snapshot. */
function SourceBox({ onConnect }: { onConnect: () => void }) {
  const lang = useExplorer((s) => s.lang);
  const sourceKind = useExplorer((s) => s.sourceKind);
  const shown = useExplorer(selectShown);
  const load = useExplorer((s) => s.load);
  return (
    <div className="source">
      <p>
        {t(lang, 'source')}:{' '}
        <strong data-testid="source-kind">
          {sourceKind === 'live' ? t(lang, 'sourceLive') : sourceKind === 'fixture' ? t(lang, 'sourceFixture') : t(lang, 'sourceSnapshot')}
        </strong>
      </p>
      <p className="hint">{t(lang, 'stats', { nodes: shown.nodes.length, edges: shown.edges.length })}</p>
      {sourceKind === 'live' ? (
        <button type="button" onClick={() => void load(loadSnapshotSource)}>
          {t(lang, 'disconnect')}
        </button>
      ) : (
        <button type="button" onClick={onConnect}>
          {t(lang, 'connect')}
        </button>
      )}
    </div>
  );
}

export function App() {
  const cyRef = useRef<Core | null>(null);
  const lang = useExplorer((s) => s.lang);
  const setLang = useExplorer((s) => s.setLang);
  const panel = useExplorer((s) => s.panel);
  const setPanel = useExplorer((s) => s.setPanel);
  const [connecting, setConnecting] = useState(false);

  return (
    <div className="app" lang={htmlLang(lang)}>
      <header className="top">
        <div className="brand">
          <h1>{t(lang, 'appTitle')}</h1>
          <p className="subtitle">{t(lang, 'planSubtitle')}</p>
        </div>
        <SearchBox />
        <div className="top-right">
          <div className="tabs" role="group" aria-label={t(lang, 'views')}>
            {PANELS.map(([p, key]) => (
              <button key={p} type="button" aria-pressed={panel === p} onClick={() => setPanel(p)}>
                {t(lang, key)}
              </button>
            ))}
          </div>
          <div className="lang" role="group" aria-label={t(lang, 'language')}>
            {LANGS.map((l) => (
              <button key={l} type="button" aria-pressed={lang === l} onClick={() => setLang(l)} lang={htmlLang(l)}>
                {l === 'zh' ? '中文' : 'EN'}
              </button>
            ))}
          </div>
        </div>
      </header>
      <div className="main">
        <aside className="side">
          <Legend />
          <SourceBox onConnect={() => setConnecting(true)} />
        </aside>
        <main className="centre">
          <Toolbar cyRef={cyRef} />
          <QueryErrorBanner />
          <FocusBanner />
          <div className="stage">
            <div className="graph-wrap" hidden={panel !== 'graph'}>
              <GraphCanvas cyRef={cyRef} />
              <StatusOverlay />
            </div>
            {panel === 'list' && <ListView />}
            {panel === 'coverage' && <CoverageView />}
          </div>
        </main>
        <DetailsPanel />
      </div>
      <DocumentView />
      {connecting && (
        <Suspense fallback={null}>
          <ConnectDialog onClose={() => setConnecting(false)} />
        </Suspense>
      )}
    </div>
  );
}
