/** The view in the URL's query string, both ways. Pure functions plus a two-way binding. */
import { isNodeKind, type NodeKind } from '../../graph/model/types.ts';
import { isLang, type Lang } from './i18n.ts';
import type { ExplorerStore } from './store/index.ts';
import { LAYOUTS, type ExplorerState, type Focus, type LayoutName, type Panel } from './store/types.ts';

export interface UrlState {
  selected: string | null;
  focus: Focus;
  hiddenKinds: NodeKind[];
  layout: LayoutName;
  lang: Lang;
  panel: Panel;
}

export const DEFAULT_URL_STATE: UrlState = {
  selected: null,
  focus: { mode: 'none' },
  hiddenKinds: [],
  layout: 'tree',
  lang: 'zh',
  panel: 'graph',
};

export function encodeUrlState(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.selected) p.set('sel', s.selected);
  const f = s.focus;
  if (f.mode === 'goals' || f.mode === 'serving') {
    p.set('focus', f.mode);
    p.set('fid', f.id);
  } else if (f.mode === 'path') {
    p.set('focus', 'path');
    p.set('from', f.from);
    p.set('to', f.to);
    if (f.viaPlan) p.set('via', 'plan');
  } else if (f.mode === 'neighbours') {
    p.set('focus', 'neighbours');
    p.set('fid', f.id);
    for (const x of f.expanded) p.append('exp', x);
  }
  if (s.hiddenKinds.length) p.set('hide', s.hiddenKinds.join(','));
  if (s.layout !== 'tree') p.set('layout', s.layout);
  if (s.lang !== 'zh') p.set('lang', s.lang);
  if (s.panel !== 'graph') p.set('view', s.panel);
  const q = p.toString();
  return q ? `?${q}` : '';
}

export function decodeUrlState(search: string): UrlState {
  const p = new URLSearchParams(search);
  const fid = p.get('fid');
  let focus: Focus = { mode: 'none' };
  const mode = p.get('focus');
  if ((mode === 'goals' || mode === 'serving') && fid) focus = { mode, id: fid };
  else if (mode === 'path' && p.get('from') && p.get('to'))
    focus = p.get('via') === 'plan' ? { mode, from: p.get('from')!, to: p.get('to')!, viaPlan: true } : { mode, from: p.get('from')!, to: p.get('to')! };
  else if (mode === 'neighbours' && fid) focus = { mode, id: fid, expanded: p.getAll('exp') };
  const layout = p.get('layout');
  const lang = p.get('lang');
  const view = p.get('view');
  return {
    selected: p.get('sel') || null,
    focus,
    hiddenKinds: (p.get('hide') ?? '').split(',').filter(isNodeKind),
    layout: LAYOUTS.includes(layout as LayoutName) ? (layout as LayoutName) : 'tree',
    lang: isLang(lang) ? lang : 'zh',
    panel: view === 'list' || view === 'coverage' ? view : 'graph',
  };
}

export const urlStateOf = (s: ExplorerState): UrlState => ({
  selected: s.selectedId,
  focus: s.focus,
  hiddenKinds: s.hiddenKinds,
  layout: s.layout,
  lang: s.lang,
  panel: s.panel,
});

/** Settings that need no data: apply before loading. */
export function applyUrlSettings(store: ExplorerStore, u: UrlState): void {
  store.setState({ hiddenKinds: u.hiddenKinds, layout: u.layout, lang: u.lang, panel: u.panel });
}

/** Selection and focus: apply once the data is ready. */
export async function applyUrlData(store: ExplorerStore, u: UrlState): Promise<void> {
  const s = store.getState();
  await Promise.all([u.selected ? s.select(u.selected) : Promise.resolve(), s.setFocus(u.focus)]);
}

/** Keeps location.search in step with the store (replaceState: no history spam). */
export function bindUrl(store: ExplorerStore, win: Window = window): () => void {
  return store.subscribe((s, prev) => {
    if (s.status !== 'ready') return;
    if (
      s.selectedId === prev.selectedId && s.focus === prev.focus && s.hiddenKinds === prev.hiddenKinds &&
      s.layout === prev.layout && s.lang === prev.lang && s.panel === prev.panel
    ) return;
    const next = encodeUrlState(urlStateOf(s));
    if (next !== win.location.search) win.history.replaceState(null, '', `${win.location.pathname}${next}${win.location.hash}`);
  });
}
