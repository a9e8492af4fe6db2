/**
 * INTERIM: a minimal loader writing the agreed storage shape (see graph/query/neo4j-shape.ts),
 * used by cypher.test.ts only until graph/neo4j/loader.ts lands. Wipes the database first.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { PlanGraph } from '../../../graph/model/types.ts';
import { EDGE_TYPES, NODE_KINDS } from '../../../graph/model/types.ts';

export async function interimLoad(driver: Driver, graph: PlanGraph, database: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('CREATE INDEX plan_node_id IF NOT EXISTS FOR (n:PlanNode) ON (n.id)');
    await session.executeWrite(async (tx) => {
      await tx.run('UNWIND $docs AS d CREATE (:Document {id: d.id, title: d.title, issuer: d.issuer, published: d.published, text: d.text})', {
        docs: graph.documents.map(({ id, title, issuer, published, text }) => ({ id, title, issuer, published, text })),
      });
      for (const kind of NODE_KINDS) {
        const rows = graph.nodes
          .filter((n) => n.kind === kind)
          .map((n) => ({
            id: n.id,
            kind: n.kind,
            name_zh: n.name.zh,
            name_en: n.name.en,
            name_pinyin: n.name.pinyin ?? null,
            props_json: JSON.stringify(n.props),
            source_doc: n.sources.map((s) => s.doc),
            source_start: n.sources.map((s) => neo4j.int(s.start)),
            source_end: n.sources.map((s) => neo4j.int(s.end)),
          }));
        if (rows.length) await tx.run(`UNWIND $rows AS r CREATE (n:PlanNode:${kind}) SET n = r`, { rows });
      }
      for (const type of EDGE_TYPES) {
        const rows = graph.edges
          .filter((e) => e.type === type)
          .map((e) => {
            const { basis, rationale, ...rest } = e.props;
            return {
              s: e.source,
              t: e.target,
              p: {
                id: e.id,
                basis,
                rationale: rationale ?? null,
                props_json: JSON.stringify(rest),
                source_doc: e.sources.map((s) => s.doc),
                source_start: e.sources.map((s) => neo4j.int(s.start)),
                source_end: e.sources.map((s) => neo4j.int(s.end)),
              },
            };
          });
        if (rows.length)
          await tx.run(
            `UNWIND $rows AS r MATCH (a:PlanNode {id: r.s}), (b:PlanNode {id: r.t}) CREATE (a)-[x:${type}]->(b) SET x = r.p`,
            { rows },
          );
      }
    });
  } finally {
    await session.close();
  }
}
