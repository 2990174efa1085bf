import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordVideoChanged } from '../videos/video-events.js'
import { takeVideosWithNewViews } from '../videos/video-views.js'

const log = loggerWithTags('videos', 'views')

/**
 * Every views.videos.local_buffer_update_interval, the local videos whose view counters changed are federated
 * again (an Update carrying `views`), which is how PeerTube instances learn an origin's counts.
 */
export function scheduleViewsFederation () {
  let running = false
  const run = async () => {
    if (running) return
    running = true
    try {
      const ids = await takeVideosWithNewViews()
      for (const id of ids) await unitOfWork(() => recordVideoChanged({ id, remote: false }))
      if (ids.length !== 0) log.debug(`Federating the new view counts of ${ids.length} video(s)`)
    } catch (err) {
      log.debug('Cannot federate view counts now', { err })
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => { void run() }, CONFIG.views.videos.local_buffer_update_interval)
  timer.unref()
  return timer
}
