import { BenchDataset } from './bench-dataset.js'
const d = new BenchDataset()
try {
  await d.prepare(Number(process.argv[2] ?? 100000), l => console.log(new Date().toISOString(), l))
  console.log(JSON.stringify(d.connection()))
} finally { await d.stop() }
