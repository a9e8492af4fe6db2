interface Window {
  /** Set once the graph is drawn and usable (end-to-end and performance tests wait for it). */
  __plangraphReady?: boolean;
}

interface ImportMetaEnv {
  readonly VITE_NEO4J_URI?: string;
  readonly VITE_NEO4J_USER?: string;
  readonly VITE_NEO4J_DATABASE?: string;
}
