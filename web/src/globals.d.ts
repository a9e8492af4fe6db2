interface Window {
  /** Set once the graph is drawn and usable (end-to-end and performance tests wait for it). */
  __plangraphReady?: boolean;
  /** The Cytoscape instance, for end-to-end tests and the benchmark (geometry checks). */
  __plangraphCy?: import('cytoscape').Core;
  /** How many layouts have finished (tests wait for the next one after a change). */
  __plangraphLayouts?: number;
}

interface ImportMetaEnv {
  readonly VITE_NEO4J_URI?: string;
  readonly VITE_NEO4J_USER?: string;
  readonly VITE_NEO4J_DATABASE?: string;
}
