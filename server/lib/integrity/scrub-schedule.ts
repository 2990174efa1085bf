import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { StorageScrubRunModel } from '../../models/storage/storage-scrub-run.js'
import { startStorageScrub } from './scrub-job.js'

const log = loggerWithTags('integrity')

const CHECK_EVERY_MS = 60 * 60_000

/** A pass starts when the last one began more than `integrity.scrub.interval` ago (checked hourly). */
export function scheduleStorageScrubs () {
  if (!CONFIG.integrity.scrub.enabled) return
  const check = async () => {
    try {
      const latest = await StorageScrubRunModel.loadLatest()
      if (latest && Date.now() - latest.startedAt.getTime() < CONFIG.integrity.scrub.interval) return
      await startStorageScrub('scheduled')
    } catch (err) {
      log.warn('Cannot start the scheduled storage scrub', { err })
    }
  }
  // Not at once: a fresh start has its own resumed work first.
  timers.push(setTimeout(() => { void check() }, Math.min(CHECK_EVERY_MS, CONFIG.integrity.scrub.interval, 10 * 60_000)).unref())
  timers.push(setInterval(() => { void check() }, Math.min(CHECK_EVERY_MS, CONFIG.integrity.scrub.interval)).unref())
}

const timers: NodeJS.Timeout[] = []

/** At shutdown, before the database closes: a check then would only fail. */
export function stopStorageScrubSchedule () {
  for (const timer of timers.splice(0)) clearTimeout(timer)
}
