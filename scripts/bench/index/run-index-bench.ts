import { BenchDataset } from './bench-dataset.js'
import { benchListThroughput, benchLists, databaseSize, type ListFigure } from './bench-lists.js'
import { explainPlans } from './explain-plans.js'
import { markdownTable, ms } from '../lib/table.js'

export interface IndexFigures {
  size: Awaited<ReturnType<typeof databaseSize>>
  lists: ListFigure[]
  throughput: Awaited<ReturnType<typeof benchListThroughput>>
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`)

/** The dataset part of the benchmarks, on an instance of its own (see index.ts). */
export async function runIndexBench (options: { videos: number, samples: number, explainFile: string }): Promise<IndexFigures> {
  const dataset = new BenchDataset()
  try {
    await dataset.prepare(options.videos, log)
    return await measureIndex(dataset, options)
  } finally {
    await dataset.stop()
  }
}

export async function measureIndex (dataset: BenchDataset, options: { samples: number, explainFile: string, throughputSeconds?: number }): Promise<IndexFigures> {
  const size = await databaseSize(dataset.connection())
  log('EXPLAIN ANALYZE of the main queries')
  await explainPlans(dataset.connection(), options.explainFile)
  const lists = await benchLists(dataset.instance.url, dataset.connection(), { samples: options.samples, log })
  log('throughput: first page, 50 connections')
  const throughput = await benchListThroughput(dataset.instance.url, options.throughputSeconds ?? 10)
  if (throughput.errors !== 0) throw new Error(`throughput: ${throughput.errors} errors`)
  return { size, lists, throughput }
}

export function printIndexFigures (figures: IndexFigures) {
  const { size } = figures
  console.log(`database: ${size.videos.toLocaleString('en')} videos, ${size.databaseMiB.toFixed(0)} MiB (video table ${size.videoTableMiB.toFixed(0)} MiB, its indexes ${size.videoIndexesMiB.toFixed(0)} MiB)\n`)
  console.log(markdownTable([ 'request', 'total', 'p50', 'p99', 'reference (same run)', 'reference p50 / p99' ], figures.lists.map(f => [
    f.name, f.total.toLocaleString('en'), ms(f.latency.p50), ms(f.latency.p99), f.referenceLabel ?? '', f.reference ? `${ms(f.reference.p50)} / ${ms(f.reference.p99)}` : ''
  ])))
  console.log(`\nfirst page at 50 connections: ${figures.throughput.requestsPerSecond.toFixed(0)} req/s (p99 ${figures.throughput.p99} ms)`)
}
