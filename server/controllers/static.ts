import { basename, join } from 'node:path'
import express, { type Request, type Response, type NextFunction } from 'express'
import { DOWNLOAD_PATHS, LAZY_STATIC_PATHS, STATIC_MAX_AGE, STATIC_PATHS } from '../initializers/constants/static-paths.js'
import { notFound } from '../lib/http-problems/http-problem.js'
import { hlsDir, thumbnailsDir, torrentsDir, webVideoFilePath, webVideosDir } from '../lib/video-paths.js'
import { isUuid } from '../helpers/uuid.js'
import { isUnderPrivateFolder, safeStaticPath, staticPath } from '../middlewares/safe-static-path.js'
import { ensureCanSeeVideoFile, privateFileGuard, setVideoFileCacheControl } from '../middlewares/static-file-access.js'
import { VideoFileModel } from '../models/video/video-file.js'
import { VideoModel } from '../models/video/video.js'
import { fromRoot } from '../helpers/project-root.js'
import { CONFIG } from '../initializers/config/index.js'

// Files: served straight from disk by `send` (ranges, ETag, sendfile), with CORS so browsers' WebTorrent can
// use them as WebSeeds. File names are fresh UUIDs, so media files are immutable and cached for a year, except
// in the private folders, which no cache may keep. Every path is checked to be canonical first (safeStaticPath), so
// the access checks and `send` agree on which file is asked for.

const immutable = { index: false, maxAge: STATIC_MAX_AGE.IMMUTABLE, immutable: true, fallthrough: false, dotfiles: 'deny' } as const
// Playlists are rewritten in place as renditions are added: revalidate them.
const mutable = { index: false, maxAge: 0, fallthrough: false, dotfiles: 'deny' } as const

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

/** `/<file>`: the file name of a private web video, a single segment. */
async function privateWebVideoUuid (req: Request) {
  const filename = singleSegment(staticPath(req))
  if (!filename) return undefined
  const file = await VideoFileModel.findOne({ where: { filename }, include: [ { model: VideoModel, required: true } ] })
  return (file as VideoFileModel & { Video?: VideoModel } | null)?.Video?.uuid
}

/** `/<video uuid>/<file>`: the guard checks the video named by the folder the file is read from. */
async function privateHlsVideoUuid (req: Request) {
  const match = /^\/([^/]+)\/[^/]+$/.exec(staticPath(req))
  return match && isUuid(match[1]) ? match[1] : undefined
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

function hlsStatic (dir: string) {
  const media = express.static(dir, immutable)
  const playlists = express.static(dir, mutable)
  return (req: Request, res: Response, next: NextFunction) => (/\.(m3u8|json)$/.test(req.path) ? playlists : media)(req, res, next)
}

export function buildStaticRouter () {
  const router = express.Router()
  router.use([ '/static', '/lazy-static', '/download' ], safeStaticPath, cors)

  router.use(STATIC_PATHS.PRIVATE_WEB_VIDEOS, privateFileGuard(privateWebVideoUuid), express.static(webVideosDir(true), immutable))
  router.use(STATIC_PATHS.WEB_VIDEOS, denyPrivate, express.static(webVideosDir(false), immutable))

  router.use(STATIC_PATHS.PRIVATE_HLS, privateFileGuard(privateHlsVideoUuid),
    hlsStatic(join(fromRoot(CONFIG.storage.streaming_playlists), 'hls', 'private')))
  router.use(STATIC_PATHS.HLS, denyPrivate, hlsStatic(join(fromRoot(CONFIG.storage.streaming_playlists), 'hls')))

  router.use(LAZY_STATIC_PATHS.THUMBNAILS, express.static(thumbnailsDir('miniature'), immutable))
  router.use(LAZY_STATIC_PATHS.PREVIEWS, express.static(thumbnailsDir('preview'), immutable))
  router.use(LAZY_STATIC_PATHS.TORRENTS, express.static(torrentsDir(), { ...immutable, setHeaders: res => res.type('application/x-bittorrent') }))

  router.get(`${DOWNLOAD_PATHS.TORRENTS}:filename`, (req: Request, res: Response) => {
    const filename = basename(req.params.filename as string)
    res.type('application/x-bittorrent').download(join(torrentsDir(), filename), filename, { dotfiles: 'deny' })
  })

  router.get(`${DOWNLOAD_PATHS.WEB_VIDEOS}:filename`, async (req: Request, res: Response) => {
    const { uuid, resolution } = parseDownloadName(req.params.filename as string, WEB_VIDEO_DOWNLOAD_NAME)
    const { video } = await ensureCanSeeVideoFile(req, uuid)
    if (!video.downloadEnabled) throw notFound('Downloads are disabled for this video')

    const file = await VideoFileModel.findOne({ where: { videoId: video.id, resolution } })
    if (!file) throw notFound('File not found')
    setVideoFileCacheControl(res, video)
    res.download(webVideoFilePath(video, file), `${video.name}-${file.resolution}p${file.extname}`)
  })

  router.get(`${DOWNLOAD_PATHS.HLS_VIDEOS}:filename`, async (req: Request, res: Response) => {
    const { uuid, resolution } = parseDownloadName(req.params.filename as string, HLS_DOWNLOAD_NAME)
    const { video } = await ensureCanSeeVideoFile(req, uuid)
    if (!video.downloadEnabled) throw notFound('Downloads are disabled for this video')

    const file = await VideoFileModel.findOne({
      where: { resolution },
      include: [ { association: 'VideoStreamingPlaylist', required: true, where: { videoId: video.id } } ]
    })
    if (!file) throw notFound('File not found')
    setVideoFileCacheControl(res, video)
    res.download(join(hlsDir(video), file.filename), `${video.name}-${file.resolution}p-fragmented${file.extname}`)
  })

  return router
}
