import { StorageScrubRunModel } from '../../models/storage/storage-scrub-run.js'

export function formatScrubRun (run: StorageScrubRunModel) {
  return {
    id: run.id,
    state: run.state,
    trigger: run.trigger,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    phase: run.cursor.phase,
    checked: run.checked,
    bad: run.bad,
    repaired: run.repaired,
    unrepairable: run.unrepairable,
    bytesRead: run.bytesRead,
    error: run.error,
    problems: run.problems
  }
}

/** What /server/stats shows: the last pass, in short. */
export async function scrubStats () {
  const run = await StorageScrubRunModel.loadLatest()
  if (!run) return { storageScrub: null }
  const { problems: _problems, ...summary } = formatScrubRun(run)
  return { storageScrub: summary }
}
