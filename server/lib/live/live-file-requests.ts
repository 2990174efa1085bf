import type { Request } from 'express'
import { LIVE } from '../../initializers/constants/live.js'
import { declaredPartTarget } from './ladder/live-media-playlist.js'
import type { LiveSession } from './live-session.js'

/**
 * A request for a running live's part or segment that is not written yet but is the next one (the part the
 * playlist's EXT-X-PRELOAD-HINT names, or the segment in progress) is held until the ladder writes it, as LL-HLS
 * expects of a server that sends preload hints, instead of a 404 the player would have to retry. The wait is
 * bounded (three part targets for a part, three target durations for a segment); any other missing file is a 404
 * at once. Resolves when the request may go on to the static files.
 */
export async function waitForUpcomingLiveFile (req: Request, session: LiveSession, filename: string) {
  const upcoming = session.ladder?.packagers.map(p => p.upcoming(filename)).find(u => u !== undefined)
  if (!upcoming || upcoming.isWritten()) return

  const profile = session.profile
  const targetSeconds = upcoming.isPart && profile.partSeconds !== undefined ? declaredPartTarget(profile.partSeconds) : profile.segmentSeconds
  await new Promise<void>(resolve => {
    const timer = setTimeout(done, targetSeconds * LIVE.BLOCKING_RELOAD_TARGETS * 1000)
    const stop = session.onPlaylistChange(() => { if (upcoming.isWritten()) done() })
    req.once('close', done)
    function done () {
      clearTimeout(timer)
      stop()
      req.off('close', done)
      resolve()
    }
  })
}
