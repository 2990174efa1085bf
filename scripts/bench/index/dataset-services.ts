// tsx scripts/bench/index/dataset-services.ts
//
// Starts the index benchmark's PostgreSQL and Redis (slot 62, the kept dataset) and prints how to reach the
// database, until interrupted: for EXPLAIN ANALYZE by hand on the dataset the benchmark generated.
import { BenchDataset } from './bench-dataset.js'

const dataset = new BenchDataset()
await dataset.services.start()
const { host, port, user, database } = dataset.connection()
console.log(`psql -h ${host} -p ${port} -U ${user} ${database}`)
const stop = async () => { await dataset.stop(); process.exit(0) }
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
setInterval(() => undefined, 60_000)
