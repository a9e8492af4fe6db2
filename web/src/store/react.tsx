import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ExplorerStore } from './index.ts';
import type { ExplorerState } from './types.ts';

const ExplorerContext = createContext<ExplorerStore | null>(null);

export function ExplorerProvider({ store, children }: { store: ExplorerStore; children: ReactNode }) {
  return <ExplorerContext.Provider value={store}>{children}</ExplorerContext.Provider>;
}

export function useExplorerStore(): ExplorerStore {
  const store = useContext(ExplorerContext);
  if (!store) throw new Error('useExplorer must be used inside <ExplorerProvider store={createExplorerStore()}>.');
  return store;
}

export function useExplorer<T>(selector: (s: ExplorerState) => T): T {
  return useStore(useExplorerStore(), selector);
}
