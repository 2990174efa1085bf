// npm run bench [-- --videos 1000000 --samples 300 --seconds 10 --skip-ladder --heap]
//
// Every figure of the performance issue in one table, each beside its reference measured in the same run: lists
// and search on the synthetic dataset (the bare page query), the first page's throughput, static ranges (nginx with
// sendfile, and Tubeless behind the shipped nginx configuration), tracker announces (bittorrent-tracker alone),
// idle and peak RSS of the instance through all of it, and the transcoding ladder (plain ffmpeg). With --heap, heap
// snapshots before and after the load, and what grew between them.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fromRoot } from '../../server/helpers/project-root.js'
import { BenchDataset, indexBenchDir } from './index/bench-dataset.js'
import { measureIndex, printIndexFigures, type IndexFigures } from './index/run-index-bench.js'
import { heapGrowth, removeSnapshots, takeHeapSnapshot } from './lib/heap-snapshots.js'
import { ensurePrivateNetwork } from './lib/private-network.js'
import { processMemory, resetPeakMemory } from './lib/process-memory.js'
import { machineLoad, markdownTable, ms, ratio } from './lib/table.js'
import { ensureBenchVideoFile } from './static/bench-video-file.js'
import { benchStaticFiles, type StaticFilesFigures } from './static/bench-static-files.js'
import { benchTracker } from './tracker/bench-tracker.js'
import { benchTranscode, type LadderFigures } from './transcode.js'

ensurePrivateNetwork()
const { values } = parseArgs({
  options: {
    videos: { type: 'string', default: '1000000' },
    samples: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '10' },
    'skip-ladder': { type: 'boolean', default: false },
    heap: { type: 'boolean', default: false }
  }
})
const seconds = Number(values.seconds)
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`)
const loadBefore = machineLoad()
const workDir = indexBenchDir('bench-work')
mkdirSync(workDir, { recursive: true })

const dataset = new BenchDataset()
let index: IndexFigures
let statics: StaticFilesFigures
let tracker: Awaited<ReturnType<typeof benchTracker>>
let memory: { idleMiB: number, peakMiB: number }
let heap: ReturnType<typeof heapGrowth> | undefined
try {
  await dataset.prepare(Number(values.videos), log, { nodeArgs: values.heap ? [ '--heapsnapshot-signal=SIGUSR2' ] : [] })
  const storage = fromRoot(dataset.instance.storageFolder)
  const folders = { webVideos: join(storage, 'web-videos'), hls: join(storage, 'streaming-playlists', 'hls') }
  const file = await ensureBenchVideoFile(dataset.connection(), folders.webVideos, dataset.instance.host)
  const pid = dataset.instance.pid!

  // Idle: started, nothing asked yet, settled. Start-up work (migrations, index checks, first jobs) leaves garbage
  // V8 collects over the following half minute (RSS 166-170 MiB at 10 s, 128-137 MiB at 25 s), so it is read at 30 s.
  await new Promise(resolve => setTimeout(resolve, 30_000))
  const idleMiB = processMemory(pid).rssMiB
  const snapshots: string[] = []
  if (values.heap) snapshots.push(await takeHeapSnapshot(pid, fromRoot()))
  resetPeakMemory(pid)

  index = await measureIndex(dataset, { samples: Number(values.samples), explainFile: indexBenchDir('explain.md'), throughputSeconds: seconds })
  statics = await benchStaticFiles({ instanceUrl: dataset.instance.url, instancePort: dataset.instance.port, file, folders, workDir, nginxPorts: [ 15281, 15282 ], seconds, log })
  tracker = await benchTracker(dataset.instance.url, file.infoHash, { seconds, log })
  if (tracker.errors !== 0) throw new Error(`tracker: ${tracker.errors} errors`)
  memory = { idleMiB, peakMiB: processMemory(pid).peakMiB }

  if (values.heap) {
    snapshots.push(await takeHeapSnapshot(pid, fromRoot()))
    heap = heapGrowth(snapshots[0], snapshots[1])
    removeSnapshots(snapshots)
  }
} finally {
  await dataset.stop()
}

let ladder: LadderFigures | undefined
if (!values['skip-ladder']) {
  log('transcoding ladder (and its plain ffmpeg reference)')
  ladder = await benchTranscode()
}
const loadAfter = machineLoad()

const first = index.lists[0]
const category = index.lists.find(f => f.name.includes('categoryOneOf'))!
const linux = index.lists.find(f => f.name.startsWith('search "linux" (-match)'))!
const typo = index.lists.find(f => f.name.includes('"linx"'))!
const rows = [
  [ `GET /videos?sort=-publishedAt&count=25, p50 / p99 (${index.size.videos.toLocaleString('en')} videos)`, `${ms(first.latency.p50)} / ${ms(first.latency.p99)}`, `page query alone ${ms(first.reference!.p50)} / ${ms(first.reference!.p99)}`, 'p99 ≤ 20 ms' ],
  [ 'categoryOneOf=3, p50 / p99', `${ms(category.latency.p50)} / ${ms(category.latency.p99)}`, `page query alone ${ms(category.reference!.p50)} / ${ms(category.reference!.p99)}`, 'p99 ≤ 20 ms' ],
  [ 'search `linux`, p50 / p99', `${ms(linux.latency.p50)} / ${ms(linux.latency.p99)}`, `full-text index lookup alone ${ms(linux.reference!.p50)} / ${ms(linux.reference!.p99)}`, 'p99 ≤ 50 ms' ],
  [ 'search with a typo (`linx`), results / p99', `${typo.total.toLocaleString('en')} / ${ms(typo.latency.p99)}`, '', 'typo-tolerant' ],
  [ 'first page, 50 connections, req/s', index.throughput.requestsPerSecond.toFixed(0), '', '≥ 500' ],
  [ 'random 1 MiB ranges of a 200 MB file, 16 connections', `${statics.tubeless.toFixed(0)} MB/s (${ratio(statics.tubeless, statics.nginxReference)} nginx)`, `nginx sendfile ${statics.nginxReference.toFixed(0)} MB/s`, '≥ 0.5 × nginx' ],
  [ 'the same behind the shipped nginx configuration', `${statics.behindShippedNginx.toFixed(0)} MB/s (${ratio(statics.behindShippedNginx, statics.nginxReference)} nginx)`, `nginx sendfile ${statics.nginxReference.toFixed(0)} MB/s`, '1.0 × nginx' ],
  [ 'idle / peak RSS (peak over everything above)', values.heap ? 'not measured with --heap (snapshots hold memory)' : `${memory.idleMiB.toFixed(0)} / ${memory.peakMiB.toFixed(0)} MiB`, '', 'idle ≤ 150, peak ≤ 300 MiB' ],
  [ 'HTTP tracker announces/s, 50 connections', `${tracker.tubeless.toFixed(0)} (${ratio(tracker.tubeless, tracker.reference)} reference)`, `bittorrent-tracker alone ${tracker.reference.toFixed(0)}`, '≥ 1.0 × PeerTube' ]
]
if (ladder) {
  rows.push([ 'upload → whole ladder (1080p 60 s clip)', `${ladder.ladderSeconds.toFixed(1)} s (${ratio(ladder.ladderSeconds, ladder.referenceSeconds)} ffmpeg), playable after ${ladder.playableSeconds.toFixed(1)} s`, `plain one-decode ffmpeg ladder ${ladder.referenceSeconds.toFixed(1)} s`, '≤ 1.10 × ffmpeg, playable ≤ 10 s' ])
}

const table = markdownTable([ 'figure', 'Tubeless', 'reference (same run)', 'goal' ], rows)
const lines = [ `Machine load: before ${loadBefore}; after ${loadAfter}`, '', table ]
if (heap) {
  lines.push('', `Heap: ${heap.beforeMiB.toFixed(1)} MiB after start, ${heap.afterMiB.toFixed(1)} MiB after the load; what grew most:`, '',
    markdownTable([ 'objects', 'count Δ', 'size Δ', 'size after' ], heap.rows.map(r => [ r.key, String(r.countDelta), `${(r.bytesDelta / 1024).toFixed(0)} KiB`, `${(r.bytes / 1024).toFixed(0)} KiB` ])))
}
console.log('\n' + lines.join('\n') + '\n')
printIndexFigures(index)
const resultsFile = fromRoot('storage', 'bench', `results-${new Date().toISOString().replace(/[:.]/g, '-')}.md`)
mkdirSync(fromRoot('storage', 'bench'), { recursive: true })
writeFileSync(resultsFile, lines.join('\n') + '\n')
console.log(`\n(also in ${resultsFile}; EXPLAIN plans in storage/slot-62/explain.md)`)
