/**
 * npm run graph -- [--out FILE] [--source FILE.txt] [--sources DIR] [--plans DIR] [--no-curation] [--quiet]
 *
 * Builds the plan graph from every plan in graph/sources (or one unseen text with
 * --source, as an uncurated draft), prints counts per kind and relationship type and
 * the warnings, and writes PlanGraph JSON to --out. On any error it prints what is
 * wrong, where, and writes nothing.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { buildGraph, discoverPlans, planFromTextFile } from '../graph/build/index.ts';
import { summarize } from '../graph/build/summary.ts';

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        out: { type: 'string' },
        source: { type: 'string' },
        sources: { type: 'string' },
        plans: { type: 'string' },
        'no-curation': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`graph: ${(error as Error).message}\nusage: npm run graph -- [--out FILE] [--source FILE.txt] [--sources DIR] [--plans DIR] [--no-curation]`);
    return 2;
  }
  if (args.help) {
    console.log('usage: npm run graph -- [--out FILE] [--source FILE.txt] [--sources DIR] [--plans DIR] [--no-curation] [--quiet]');
    return 0;
  }
  try {
    const plans = args.source ? [planFromTextFile(args.source)] : discoverPlans(args.sources, args.plans);
    const graph = buildGraph(plans, { curate: !args.source && !args['no-curation'] });
    if (!args.quiet) console.log(summarize(graph));
    if (args.out) {
      mkdirSync(dirname(args.out), { recursive: true });
      // Write beside, then rename: a reader never sees half a file.
      const temp = `${args.out}.tmp-${process.pid}`;
      writeFileSync(temp, JSON.stringify(graph, null, 1) + '\n');
      renameSync(temp, args.out);
      if (!args.quiet) console.log(`\nwrote ${args.out}`);
    }
    return 0;
  } catch (error) {
    console.error(`graph: build failed, nothing written\n${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = main();
