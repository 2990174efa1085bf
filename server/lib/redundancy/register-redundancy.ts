import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { registerObjectActivityHandler } from '../activitypub/process/index.js'
import { scheduleStorageScrubs, stopStorageScrubSchedule } from '../integrity/scrub-schedule.js'
import { jobQueue } from '../job-queue/job-queue.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { processCreateCacheFile, processUndoCacheFile } from './process-cache-file.js'

const log = loggerWithTags('redundancy')

/** CacheFile activities (PeerTube's mirrors): Create and Update announce one, Undo withdraws it. */
export function registerRedundancy () {
  registerObjectActivityHandler('Create', processCreateCacheFile)
  registerObjectActivityHandler('Update', processCreateCacheFile)
  registerObjectActivityHandler('Undo', processUndoCacheFile)
}

const timers: NodeJS.Timeout[] = []

/** The periodic work of this module and of the integrity scrub, started once the job queue runs. */
export function scheduleRedundancyAndScrub () {
  if (CONFIG.redundancy.videos.strategies.length !== 0) {
    const run = () => unitOfWork(() => jobQueue.createJob('videos-redundancy-scheduler', {}, { dedupKey: 'videos-redundancy-scheduler' }))
      .catch(err => log.warn('Cannot queue the redundancy scheduler', { err }))
    timers.push(setTimeout(() => { void run() }, 2_000).unref())
    timers.push(setInterval(() => { void run() }, CONFIG.redundancy.videos.check_interval).unref())
  }
  scheduleStorageScrubs()
}

/** At shutdown, before the database closes: a run queued then would only fail. */
export function stopRedundancySchedule () {
  for (const timer of timers.splice(0)) clearTimeout(timer)
  stopStorageScrubSchedule()
}
