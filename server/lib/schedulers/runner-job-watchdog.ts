import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { requeueStalledJobs } from '../runners/runner-job-states.js'

const log = loggerWithTags('runners')

/**
 * Jobs held by a runner that stopped talking (killed, cut off) go back to the queue: checked at half the shorter
 * stall limit, so a job is back at most 1.5 limits after its runner's last contact.
 */
export function scheduleRunnerJobWatchdog () {
  const { vod, live } = CONFIG.remote_runners.stalled_jobs
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    requeueStalledJobs()
      .then(count => { if (count !== 0) log.info(`${count} stalled runner job(s) handled`) })
      .catch(err => log.warn('Cannot check stalled runner jobs', { err }))
      .finally(() => { running = false })
  }, Math.max(1000, Math.min(vod, live) / 2))
  timer.unref()
  return timer
}
