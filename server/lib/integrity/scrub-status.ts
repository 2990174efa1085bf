import { StorageScrubRunModel } from '../../models/storage/storage-scrub-run.js'
import { formatScrubRun } from './scrub-report.js'

/** Whether a scrub pass runs, and the report of the last one (running or not). */
export async function describeStorageScrub () {
  const run = await StorageScrubRunModel.loadLatest()
  return { running: run?.state === 'running', lastRun: run ? formatScrubRun(run) : null }
}
