// tsx scripts/bench/index/explain-now.ts [file]
//
// EXPLAIN ANALYZE of the main list and search queries on the kept dataset (slot 62), without the rest of the
// benchmark: starts the dataset's PostgreSQL, writes the plans (default storage/slot-62/explain.md), stops.
import { BenchDataset, indexBenchDir } from './bench-dataset.js'
import { explainPlans } from './explain-plans.js'

const dataset = new BenchDataset()
await dataset.services.start()
try {
  await explainPlans(dataset.connection(), process.argv[2] ?? indexBenchDir('explain.md'))
} finally {
  await dataset.services.stop()
}
