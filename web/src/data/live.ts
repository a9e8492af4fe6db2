/**
 * Live mode: the Cypher engine over neo4j-driver (WebSocket Bolt in the browser), READ
 * sessions only. Loaded by dynamic import, so the driver lands in its own chunk and the
 * snapshot mode never downloads it.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { PlanDocument, PlanEdge, PlanNode } from '../../../graph/model/types.ts';
import type { PlanQuery } from '../../../graph/query/api.ts';
import { createCypherQuery } from '../../../graph/query/cypher.ts';
import { toPlanEdge, toPlanNode } from '../../../graph/query/neo4j-shape.ts';
import { explain, ReasonError } from './reasons.ts';
import type { DataSource } from './source.ts';

export interface LiveOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** The drawable graph is capped so a huge database cannot freeze the tab. */
export const LIVE_NODE_CAP = 3000;

export async function connectLive(opts: LiveOptions): Promise<DataSource> {
  let driver: Driver | null = null;
  try {
    driver = neo4j.driver(opts.uri, neo4j.auth.basic(opts.user, opts.password), {
      connectionTimeout: 8000,
      // Read transactions retry a lost server for this long before the interface says so
      // (the driver's default, 30 s, left the explorer silent for half a minute).
      maxTransactionRetryTime: 5000,
      maxConnectionPoolSize: 4,
      disableLosslessIntegers: false,
    });
    const database = opts.database || undefined;
    await driver.verifyConnectivity(database ? { database } : {});
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, ...(database ? { database } : {}) });
    let nodes: PlanNode[];
    let edges: PlanEdge[];
    let documents: PlanDocument[];
    try {
      const n = await session.executeRead((tx) =>
        tx.run('MATCH (n:PlanNode) RETURN n {.*} AS n, labels(n) AS n_labels ORDER BY n.id LIMIT $cap', { cap: neo4j.int(LIVE_NODE_CAP) }),
      );
      nodes = n.records.map((r) => toPlanNode(r.get('n'), r.get('n_labels')));
      const ids = nodes.map((x) => x.id);
      const e = await session.executeRead((tx) =>
        tx.run(
          'MATCH (a:PlanNode)-[r]->(b:PlanNode) WHERE a.id IN $ids AND b.id IN $ids ' +
            'RETURN r {.*} AS r, type(r) AS r_type, a.id AS r_source, b.id AS r_target ORDER BY r.id',
          { ids },
        ),
      );
      edges = e.records.map((r) => toPlanEdge(r.get('r'), r.get('r_type'), r.get('r_source'), r.get('r_target')));
      const d = await session.executeRead((tx) => tx.run('MATCH (d:Document) RETURN d {.*} AS d ORDER BY d.id'));
      documents = d.records.map((r) => {
        const p = r.get('d') as Record<string, unknown>;
        return { id: String(p.id), title: String(p.title ?? p.id), issuer: String(p.issuer ?? ''), published: String(p.published ?? ''), text: String(p.text ?? '') };
      });
    } finally {
      await session.close();
    }
    const query: PlanQuery = createCypherQuery(driver, { ...(database ? { database } : {}), ownsDriver: true });
    return { kind: 'live', query: withReasons(query, opts.uri), overview: { nodes, edges }, documents };
  } catch (e) {
    await driver?.close().catch(() => undefined);
    throw new ReasonError(explain(e, opts.uri));
  }
}

/** Re-throws engine errors with a reason the interface can say in either language (a lost connection says so). */
function withReasons(q: PlanQuery, uri: string): PlanQuery {
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      try {
        return await f(...a);
      } catch (e) {
        throw new ReasonError(explain(e, uri));
      }
    };
  return {
    search: wrap(q.search.bind(q)),
    node: wrap(q.node.bind(q)),
    neighbourhood: wrap(q.neighbourhood.bind(q)),
    goalsServedBy: wrap(q.goalsServedBy.bind(q)),
    servingGoal: wrap(q.servingGoal.bind(q)),
    paths: wrap(q.paths.bind(q)),
    coverage: wrap(q.coverage.bind(q)),
    stats: wrap(q.stats.bind(q)),
    close: () => q.close(),
  };
}
