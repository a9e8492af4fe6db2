import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadSnapshotSource } from './data/source.ts';
import { createExplorerStore } from './store/index.ts';
import { ExplorerProvider } from './store/react.tsx';
import { applyUrlData, applyUrlSettings, bindUrl, decodeUrlState } from './url.ts';
import './styles.css';

const store = createExplorerStore();
const fromUrl = decodeUrlState(window.location.search);
applyUrlSettings(store, fromUrl);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ExplorerProvider store={store}>
        <App />
      </ExplorerProvider>
    </StrictMode>,
  );
}

void store
  .getState()
  .load(loadSnapshotSource)
  .then(() => applyUrlData(store, fromUrl))
  .then(() => {
    store.setState({ booting: false });
    bindUrl(store);
  });
