// npm run bench:index [-- --videos 1000000 --samples 300]
//
// Generates (once per size, then reuses) a database of synthetic videos with COPY, starts an instance on it, and
// prints the database size, p50/p99 of lists (first and deep pages, each sort, filters) and search (one word,
// several, typos, a tag, relevance and date order), each beside the bare page query where there is one, and the
// first page's throughput at 50 connections. EXPLAIN ANALYZE of the main queries goes to storage/slot-62/explain.md.
import { parseArgs } from 'node:util'
import { indexBenchDir } from './index/bench-dataset.js'
import { ensurePrivateNetwork } from './lib/private-network.js'
import { machineLoad } from './lib/table.js'
import { runIndexBench, printIndexFigures } from './index/run-index-bench.js'

ensurePrivateNetwork()
const { values } = parseArgs({ options: { videos: { type: 'string', default: '1000000' }, samples: { type: 'string', default: '300' } } })
const loadBefore = machineLoad()
const figures = await runIndexBench({ videos: Number(values.videos), samples: Number(values.samples), explainFile: indexBenchDir('explain.md') })
console.log(`\nbefore: ${loadBefore}\nafter:  ${machineLoad()}\n`)
printIndexFigures(figures)
