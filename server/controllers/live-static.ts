import type { NextFunction, Request, Response } from 'express'
import { isUuid } from '../helpers/uuid.js'
import { waitForUpcomingLiveFile } from '../lib/live/live-file-requests.js'
import { answerLiveMediaPlaylist } from '../lib/live/live-playlist-requests.js'
import { liveManager } from '../lib/live/live-manager.js'
import { countLiveBytes } from '../lib/live/live-traffic.js'
import { isPrivateFolderVideo } from '../lib/video-paths.js'

/**
 * In front of the public HLS files: a running live's media playlists are answered from memory (LL-HLS blocking
 * reloads), a request for the part or segment about to be written waits for it (preload hints), and every byte
 * served of a running live is counted (GET /videos/live/{id}/traffic). Everything else (and the files themselves)
 * goes on to the static route and its access checks.
 */
export async function liveHlsFiles (req: Request, res: Response, next: NextFunction) {
  const match = /^\/([^/]+)\/([^/]+)$/.exec(req.path)
  const uuid = match?.[1]?.toLowerCase()
  const session = uuid && isUuid(uuid) ? liveManager.session(uuid) : undefined
  if (!match || !session || isPrivateFolderVideo(session.video)) return next()

  const filename = decodeURIComponent(match[2])
  if (filename.endsWith('.m3u8') && filename !== session.masterPlaylistName && await answerLiveMediaPlaylist(req, res, uuid!, filename)) return
  if (filename.endsWith('.m4s')) await waitForUpcomingLiveFile(req, session, filename)
  if (req.destroyed) return
  res.once('finish', () => countLiveBytes(uuid!, Number(res.getHeader('content-length') ?? 0)))
  next()
}
