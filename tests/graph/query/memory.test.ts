import { createMemoryQuery } from '../../../graph/query/memory.ts';
import { runQueryContract } from './contract.ts';

runQueryContract('memory', async (graph) => createMemoryQuery(graph));
