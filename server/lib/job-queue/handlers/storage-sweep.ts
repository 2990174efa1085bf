import { jobQueue } from '../job-queue.js'
import { sweepStorage } from '../../storage/storage-sweep.js'

/** Queued at each start, a little after it (the jobs resuming first have recorded what they were doing). */
export async function scheduleStorageSweep (delayMs: number) {
  await jobQueue.createJob('storage-sweep', {}, { dedupKey: 'storage-sweep', delay: delayMs })
}

/** storage-sweep: removes files no row knows of (see lib/storage/storage-sweep.ts); its report is the result. */
export async function processStorageSweep () {
  const report = await sweepStorage()
  return { checked: report.checked, removed: report.removed.length, removedBytes: report.removedBytes, paths: report.removed.slice(0, 100).map(r => r.path) }
}
