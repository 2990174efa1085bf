import type { NextFunction, Request, Response } from 'express'
import { isUuid } from '../helpers/uuid.js'
import { notFound } from '../lib/http-problems/http-problem.js'
import {
  isBucketActorImage, isBucketThumbnail, isBucketTorrent, videoOfBucketHls, videoOfBucketWebVideo
} from '../lib/object-storage/bucket-file-lookups.js'
import { isObjectStorageEnabled } from '../lib/object-storage/object-storage-client.js'
import { proxyObject, sendObject } from '../lib/object-storage/object-storage-responses.js'
import { isPrivateFolderVideo } from '../lib/video-paths.js'
import { staticPath } from '../middlewares/safe-static-path.js'

// The last step of the static routes: a file that is not on disk may be in a bucket (its row says so). The access
// guards ran before, so these only find where the bytes are.

export function webVideoFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename || res.locals.fileFolders === 'public-only') return next(notFound('File not found'))
    const video = await videoOfBucketWebVideo(filename)
    if (!video) return next(notFound('File not found'))
    await sendObject(req, res, 'web_videos', filename, { isPrivate: isPrivateFolderVideo(video) })
  }
}

export function hlsFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = /^\/([^/]+)\/([^/]+)$/.exec(staticPath(req))
    if (!isObjectStorageEnabled() || !match || !isUuid(match[1]) || res.locals.fileFolders === 'public-only') return next(notFound('File not found'))
    const uuid = match[1].toLowerCase()
    const video = await videoOfBucketHls(uuid)
    if (!video) return next(notFound('File not found'))
    await sendObject(req, res, 'streaming_playlists', `${uuid}/${match[2]}`, { isPrivate: isPrivateFolderVideo(video) })
  }
}

export function thumbnailFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename) return next(notFound('File not found'))
    if (!await isBucketThumbnail(filename)) return next(notFound('File not found'))
    await sendObject(req, res, 'thumbnails', filename, { isPrivate: false })
  }
}

/** Torrents are small and name their video's files: read through us, whatever the bucket's ACLs. */
export function torrentFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename) return next(notFound('File not found'))
    if (!await isBucketTorrent(filename)) return next(notFound('File not found'))
    res.type('application/x-bittorrent')
    await proxyObject(req, res, 'torrents', filename)
  }
}

/** Avatars and banners stored in the avatars bucket: public, so a redirect to the bucket's (or CDN's) URL. */
export function actorImageFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename) return next(notFound('File not found'))
    if (!await isBucketActorImage(filename)) return next(notFound('File not found'))
    await sendObject(req, res, 'avatars', filename, { isPrivate: false })
  }
}
