import type { NodeKind, PlanDocument, Span } from '../../../graph/model/types.ts';
import type { Coverage, NodeDetails, PlanQuery, Subgraph } from '../../../graph/query/api.ts';
import type { SourceKind, DataSource } from '../data/source.ts';
import type { Lang } from '../i18n.ts';
import type { Problem, Reason } from '../data/reasons.ts';

export type Status = 'idle' | 'loading' | 'ready' | 'error';

export interface DataSlice {
  status: Status;
  /** True until the first load and the URL's view have been applied. */
  booting: boolean;
  error: string | null;
  /** The error as a message key, when it has one (live mode), so it is shown in the current language. */
  errorReason: Reason | null;
  sourceKind: SourceKind | null;
  query: PlanQuery | null;
  /** The whole drawable graph; its identity changes only when the source changes. */
  graph: Subgraph;
  documents: PlanDocument[];
  coverage: Coverage | null;
  /** Start loading; the loader resolves to a source or rejects with a reason. */
  load: (loader: () => Promise<DataSource>) => Promise<void>;
  loadCoverage: () => Promise<void>;
  /**
   * A query against the loaded source failed (live mode: usually the connection was lost). What
   * is drawn stays; the interface says why without hiding it. Null while the source answers.
   */
  queryError: Problem | null;
  /**
   * A query failed: once a source is loaded this sets queryError and keeps the graph (status
   * stays 'ready'); before that the load itself failed (status 'error'). Takes the error or its text.
   */
  fail: (reason: unknown) => void;
  /** The source answered again: a lost-connection queryError no longer holds. */
  sourceAnswered: () => void;
  dismissQueryError: () => void;
}

export interface SelectionSlice {
  selectedId: string | null;
  details: NodeDetails | null;
  detailsLoading: boolean;
  /** Why the selected node's details could not be read (select again to retry). */
  detailsError: Problem | null;
  /** First end of a path being picked. */
  pathFrom: string | null;
  select: (id: string | null) => Promise<void>;
  setPathFrom: (id: string | null) => void;
}

export interface FiltersSlice {
  /** Kinds hidden via the legend, in NODE_KINDS order. */
  hiddenKinds: NodeKind[];
  toggleKind: (kind: NodeKind) => void;
  setHiddenKinds: (kinds: NodeKind[]) => void;
  showAllKinds: () => void;
}

/** `tree` is the tidy whole-plan overview (canvas/overview.ts); `dagre` is dagre's own top-down layout of the whole plan. */
export type LayoutName = 'tree' | 'dagre' | 'breadthfirst' | 'concentric' | 'cose';
export const LAYOUTS: readonly LayoutName[] = ['tree', 'dagre', 'breadthfirst', 'concentric', 'cose'];

export type Focus =
  | { mode: 'none' }
  | { mode: 'goals'; id: string }
  | { mode: 'serving'; id: string }
  /**
   * Paths avoid the plan node (every part of the plan hangs from it, so it shortcuts
   * everything) unless `viaPlan` is true.
   */
  | { mode: 'path'; from: string; to: string; viaPlan?: boolean }
  | { mode: 'neighbours'; id: string; expanded: string[] };

export type Panel = 'graph' | 'list' | 'coverage';

export interface DocView {
  doc: string;
  /** Passages to highlight (the selected node's quotes). */
  spans: Span[];
  /** The passage to scroll to. */
  active: number;
}

export interface ViewSlice {
  layout: LayoutName;
  lang: Lang;
  panel: Panel;
  focus: Focus;
  focusGraph: Subgraph | null;
  focusTruncated: Record<string, number>;
  focusLoading: boolean;
  /** Neighbours shown per expanded node; "more…" raises it. */
  neighbourCap: number;
  docView: DocView | null;
  setLayout: (layout: LayoutName) => void;
  setLang: (lang: Lang) => void;
  setPanel: (panel: Panel) => void;
  setFocus: (focus: Focus) => Promise<void>;
  traceGoals: (id: string) => Promise<void>;
  traceServing: (goalId: string) => Promise<void>;
  showPath: (from: string, to: string) => Promise<void>;
  /** In the path view: let paths pass through the plan node, or avoid it (the default). */
  setPathViaPlan: (viaPlan: boolean) => Promise<void>;
  expand: (id: string) => Promise<void>;
  collapse: (id: string) => Promise<void>;
  showMoreNeighbours: () => Promise<void>;
  clearFocus: () => void;
  openDocument: (spans: Span[], active?: number) => void;
  closeDocument: () => void;
}

export type ExplorerState = DataSlice & SelectionSlice & FiltersSlice & ViewSlice;
