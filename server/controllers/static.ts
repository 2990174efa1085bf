import { basename, join } from 'node:path'
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express'
import { DOWNLOAD_PATHS, LAZY_STATIC_PATHS, STATIC_MAX_AGE, STATIC_PATHS } from '../initializers/constants/static-paths.js'
import { notFound, serviceUnavailable } from '../lib/http-problems/http-problem.js'
import { hlsVideoFolder, webVideoFileFolder, type FolderVerdict } from '../lib/videos/video-file-access.js'
import { hlsDir, isPrivateFolderVideo, thumbnailsDir, torrentsDir, webVideoFilePath, webVideosDir } from '../lib/video-paths.js'
import { isUuid } from '../helpers/uuid.js'
import { isUnderPrivateFolder, safeStaticPath, staticPath } from '../middlewares/safe-static-path.js'
import { ensureCanSeeVideoFile, privateFileGuard, setVideoFileCacheControl } from '../middlewares/static-file-access.js'
import { findHlsDownload, findWebVideoDownload } from '../lib/videos/video-downloads.js'
import { fromRoot } from '../helpers/project-root.js'
import { serveMediaFolder } from '../helpers/http/media-file-sender.js'
import { CONFIG } from '../initializers/config/index.js'
import { liveHlsFiles } from './live-static.js'
import { serveRelayedLiveFile } from './live-relay.js'
import { LIVE_RELAY_PATH } from '../lib/live/relay/relay-urls.js'
import { VideoFileStorage } from '../../shared/models/videos.js'
import { sendObject } from '../lib/object-storage/object-storage-responses.js'
import { REDUNDANCY_STATIC_PATH, redundancyDir } from '../lib/redundancy/redundancy-paths.js'
import { hlsFromObjectStorage, thumbnailFromObjectStorage, torrentFromObjectStorage, webVideoFromObjectStorage } from './object-storage-fallback.js'

// Files: media straight from disk by serveMediaFolder (ranges, ETag, large reads), images and torrents by `send`,
// with CORS so browsers' WebTorrent can use them as WebSeeds. File names are fresh UUIDs, so media files are
// immutable and cached for a year, except in the private folders, which no cache may keep. Every path is checked to
// be canonical first (safeStaticPath), so the access checks and the file sender agree on which file is asked for.

const immutable = { index: false, maxAge: STATIC_MAX_AGE.IMMUTABLE, immutable: true, fallthrough: false, dotfiles: 'deny' } as const
const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'
// Playlists are rewritten in place as renditions are added: revalidate them.
const PLAYLIST_CACHE_CONTROL = 'public, max-age=0'

function cors (_req: Request, res: Response, next: NextFunction) {
  res.set({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Range',
    'Access-Control-Expose-Headers': 'Content-Range, Content-Length, Accept-Ranges'
  })
  next()
}

/** The public folders hold the private/ ones: never serve those through the public route. */
function denyPrivate (req: Request, _res: Response, next: NextFunction) {
  if (isUnderPrivateFolder(staticPath(req))) throw notFound('File not found')
  next()
}

/** `/<file>`: a web video's file name, a single segment: which folder its video's row puts it in. */
async function webVideoFolderOf (req: Request): Promise<FolderVerdict> {
  const filename = singleSegment(staticPath(req))
  return filename ? webVideoFileFolder(filename) : 'unknown-video'
}

/** `/<video uuid>/<file>`: the folder is named by the video's uuid. */
async function hlsFolderOf (req: Request): Promise<FolderVerdict> {
  const match = /^\/([^/]+)\/[^/]+$/.exec(staticPath(req))
  return match && isUuid(match[1]) ? hlsVideoFolder(match[1].toLowerCase()) : 'unknown-video'
}

/**
 * A public route serves a file only while its video's row says its files are public. During a move (the row
 * changed, the disk not yet) the file may still be in the private folder: it is read from there. When the
 * database cannot be asked, the folder the file is in decides (files of private videos are not in public folders
 * once their move, done right after the privacy change, has run).
 */
function publicFolderGuard (folderOf: (req: Request) => Promise<FolderVerdict>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const verdict = await folderOf(req)
    if (verdict === 'database-unavailable') {
      res.locals.fileFolders = 'public-only'
      return next()
    }
    if (verdict === 'unknown-video' || verdict.isPrivate) throw notFound('File not found')
    next()
  }
}

/** The private route: the video's row must say private, and the requester must be allowed to see it. */
function privateFolderGuard (folderOf: (req: Request) => Promise<FolderVerdict>) {
  return privateFileGuard(async req => {
    const verdict = await folderOf(req)
    if (verdict === 'database-unavailable') throw serviceUnavailable('The database is unavailable')
    return verdict !== 'unknown-video' && verdict.isPrivate ? verdict.uuid : undefined
  })
}

/**
 * Serves from the folder the file belongs in, then from the other one (a move under way), then from the bucket
 * when its row says it is there (`last`, given with a falling-through `second`).
 */
function fromEitherFolder (first: RequestHandler, second: RequestHandler, last?: RequestHandler): RequestHandler {
  return (req, res, next) => first(req, res, err => {
    if (err || res.locals.fileFolders === 'public-only') return next(err ?? notFound('File not found'))
    if (!last) return second(req, res, next)
    second(req, res, secondErr => secondErr ? next(secondErr) : Promise.resolve(last(req, res, next)).catch(next))
  })
}

function singleSegment (path: string) {
  const match = /^\/([^/]+)$/.exec(path)
  return match?.[1]
}

// Download names: `<video uuid>-<resolution>.<ext>` and `<video uuid>-<resolution>-fragmented.<ext>`.
const WEB_VIDEO_DOWNLOAD_NAME = /^([0-9a-f-]{36})-(\d+)\.\w+$/i
const HLS_DOWNLOAD_NAME = /^([0-9a-f-]{36})-(\d+)-fragmented\.\w+$/i

function parseDownloadName (filename: string, pattern: RegExp) {
  const match = pattern.exec(filename)
  if (!match || !isUuid(match[1])) throw notFound('File not found')
  return { uuid: match[1], resolution: parseInt(match[2], 10) }
}

/** Web videos of one folder; `first` of two folders tried: a missing file falls through to the second. */
function webVideosStatic (dir: string, first = false) {
  return serveMediaFolder(dir, { fallthrough: first, cacheControl: () => IMMUTABLE_CACHE_CONTROL, immutable: () => true })
}

/** Options of an `express.static` folder tried before the bucket: a missing file falls through. */
function tryFirst<T extends object> (options: T) {
  return { ...options, fallthrough: true }
}

function hlsStatic (dir: string, first = false) {
  return serveMediaFolder(dir, {
    fallthrough: first,
    cacheControl: path => (isPlaylist(path) ? PLAYLIST_CACHE_CONTROL : IMMUTABLE_CACHE_CONTROL),
    immutable: path => !isPlaylist(path)
  })
}

function isPlaylist (path: string) {
  return /\.(m3u8|json)$/.test(path)
}

export function buildStaticRouter () {
  const router = express.Router()
  router.use([ '/static', '/lazy-static', '/download' ], safeStaticPath, cors)

  const hlsRoot = join(fromRoot(CONFIG.storage.streaming_playlists), 'hls')
  router.use(STATIC_PATHS.PRIVATE_WEB_VIDEOS, privateFolderGuard(webVideoFolderOf),
    fromEitherFolder(webVideosStatic(webVideosDir(true), true), webVideosStatic(webVideosDir(false), true), webVideoFromObjectStorage()))
  router.use(STATIC_PATHS.WEB_VIDEOS, denyPrivate, publicFolderGuard(webVideoFolderOf),
    fromEitherFolder(webVideosStatic(webVideosDir(false), true), webVideosStatic(webVideosDir(true), true), webVideoFromObjectStorage()))

  router.use(STATIC_PATHS.PRIVATE_HLS, privateFolderGuard(hlsFolderOf),
    fromEitherFolder(hlsStatic(join(hlsRoot, 'private'), true), hlsStatic(hlsRoot, true), hlsFromObjectStorage()))
  router.use(STATIC_PATHS.HLS, denyPrivate, publicFolderGuard(hlsFolderOf), liveHlsFiles,
    fromEitherFolder(hlsStatic(hlsRoot, true), hlsStatic(join(hlsRoot, 'private'), true), hlsFromObjectStorage()))

  router.get(`${LIVE_RELAY_PATH}:uuid/:filename`, serveRelayedLiveFile)

  // Our mirrors of remote videos (PeerTube's path): public files, served like the public folders.
  router.use(REDUNDANCY_STATIC_PATH, hlsStatic(redundancyDir()))

  router.use(LAZY_STATIC_PATHS.THUMBNAILS, express.static(thumbnailsDir('miniature'), tryFirst(immutable)), thumbnailFromObjectStorage())
  router.use(LAZY_STATIC_PATHS.PREVIEWS, express.static(thumbnailsDir('preview'), tryFirst(immutable)), thumbnailFromObjectStorage())
  router.use(LAZY_STATIC_PATHS.TORRENTS, express.static(torrentsDir(), { ...tryFirst(immutable), setHeaders: res => res.type('application/x-bittorrent') }), torrentFromObjectStorage())

  router.get(`${DOWNLOAD_PATHS.TORRENTS}:filename`, (req: Request, res: Response) => {
    const filename = basename(req.params.filename as string)
    res.type('application/x-bittorrent').download(join(torrentsDir(), filename), filename, { dotfiles: 'deny' })
  })

  router.get(`${DOWNLOAD_PATHS.WEB_VIDEOS}:filename`, async (req: Request, res: Response) => {
    const { uuid, resolution } = parseDownloadName(req.params.filename as string, WEB_VIDEO_DOWNLOAD_NAME)
    const { video } = await ensureCanSeeVideoFile(req, uuid)
    if (!video.downloadEnabled) throw notFound('Downloads are disabled for this video')

    const file = await findWebVideoDownload(video.id, resolution)
    if (!file) throw notFound('File not found')
    setVideoFileCacheControl(res, video)
    if (file.storage === VideoFileStorage.OBJECT_STORAGE) {
      return sendObject(req, res, 'web_videos', file.filename, { isPrivate: isPrivateFolderVideo(video), downloadName: `${video.name}-${file.resolution}p${file.extname}` })
    }
    res.download(webVideoFilePath(video, file), `${video.name}-${file.resolution}p${file.extname}`)
  })

  router.get(`${DOWNLOAD_PATHS.HLS_VIDEOS}:filename`, async (req: Request, res: Response) => {
    const { uuid, resolution } = parseDownloadName(req.params.filename as string, HLS_DOWNLOAD_NAME)
    const { video } = await ensureCanSeeVideoFile(req, uuid)
    if (!video.downloadEnabled) throw notFound('Downloads are disabled for this video')

    const file = await findHlsDownload(video.id, resolution)
    if (!file) throw notFound('File not found')
    setVideoFileCacheControl(res, video)
    if (file.storage === VideoFileStorage.OBJECT_STORAGE) {
      return sendObject(req, res, 'streaming_playlists', `${video.uuid}/${file.filename}`, { isPrivate: isPrivateFolderVideo(video), downloadName: `${video.name}-${file.resolution}p-fragmented${file.extname}` })
    }
    res.download(join(hlsDir(video), file.filename), `${video.name}-${file.resolution}p-fragmented${file.extname}`)
  })

  return router
}
