import type { Request, Response } from 'express'
import { LIVE } from '../../initializers/constants/live.js'
import { countLiveBytes } from './live-traffic.js'
import { liveManager } from './live-manager.js'

/**
 * LL-HLS blocking playlist reload: a request for a media playlist with `_HLS_msn` (and `_HLS_part`) waits until
 * that segment (or part) is listed, so players learn of new parts the moment they exist instead of polling.
 * Answers from the running session's memory; returns false when this request is not for a running live.
 */
export async function answerLiveMediaPlaylist (req: Request, res: Response, videoUuid: string, filename: string) {
  const session = liveManager.session(videoUuid)
  const packager = session?.ladder?.packagers.find(p => p.playlistName === filename)
  if (!session || !packager) return false

  const msn = parseQueryInt(req.query._HLS_msn)
  const part = parseQueryInt(req.query._HLS_part)
  if (msn !== undefined) {
    const isReady = () => {
      const position = packager.position()
      if (position.ended || position.lastCompleteMsn >= msn) return true
      if (part === undefined) return false
      return position.pendingMsn === msn && position.pendingParts > part
    }
    // Far ahead of the stream: the spec says answer at once (400 would also do); players then re-sync.
    const aheadBy = msn - packager.position().lastCompleteMsn
    if (!isReady() && aheadBy <= 2) {
      const timeoutMs = session.profile.segmentSeconds * LIVE.BLOCKING_RELOAD_TARGETS * 1000
      await new Promise<void>(resolve => {
        const timer = setTimeout(done, timeoutMs)
        const stop = session.onPlaylistChange(() => { if (isReady()) done() })
        req.once('close', done)
        function done () {
          clearTimeout(timer)
          stop()
          resolve()
        }
      })
    }
  }
  if (res.headersSent || req.destroyed) return true
  const body = packager.playlist
  countLiveBytes(videoUuid, Buffer.byteLength(body))
  res.set({ 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' })
  res.send(body)
  return true
}

function parseQueryInt (value: unknown) {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) return undefined
  return parseInt(value, 10)
}
