import { loggerWithTags } from '../../helpers/logger.js'
import { SCHEDULED_VIDEO_UPDATES_INTERVAL_MS } from '../../initializers/constants/videos.js'
import { applyDueScheduledUpdates } from '../videos/apply-scheduled-updates.js'

const log = loggerWithTags('videos', 'schedule')

/** Looks for scheduled publications whose time has come, as PeerTube does every minute. */
export function scheduleVideoUpdates () {
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    applyDueScheduledUpdates()
      .catch(err => log.debug('Cannot apply scheduled video updates', { err }))
      .finally(() => { running = false })
  }, SCHEDULED_VIDEO_UPDATES_INTERVAL_MS)
  timer.unref()
  return timer
}
