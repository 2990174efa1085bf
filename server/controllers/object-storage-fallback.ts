import type { NextFunction, Request, Response } from 'express'
import { VideoFileStorage } from '../../shared/models/videos.js'
import { isUuid } from '../helpers/uuid.js'
import { notFound } from '../lib/http-problems/http-problem.js'
import { isObjectStorageEnabled } from '../lib/object-storage/object-storage-client.js'
import { proxyObject, sendObject } from '../lib/object-storage/object-storage-responses.js'
import { isPrivateFolderVideo } from '../lib/video-paths.js'
import { staticPath } from '../middlewares/safe-static-path.js'
import { ActorImageModel } from '../models/actor/actor-image.js'
import { ThumbnailModel } from '../models/video/thumbnail.js'
import { VideoFileModel } from '../models/video/video-file.js'
import { VideoStreamingPlaylistModel } from '../models/video/video-streaming-playlist.js'
import { VideoModel } from '../models/video/video.js'

// The last step of the static routes: a file that is not on disk may be in a bucket (its row says so). The access
// guards ran before, so these only find where the bytes are.

const bucketStored = VideoFileStorage.OBJECT_STORAGE

export function webVideoFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename || res.locals.fileFolders === 'public-only') return next(notFound('File not found'))
    const file = await VideoFileModel.findOne({ where: { filename, storage: bucketStored }, include: [ { model: VideoModel, required: true, attributes: [ 'id', 'privacy' ] } ] }) as (VideoFileModel & { Video?: VideoModel }) | null
    if (!file?.Video) return next(notFound('File not found'))
    await sendObject(req, res, 'web_videos', filename, { isPrivate: isPrivateFolderVideo(file.Video) })
  }
}

export function hlsFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const match = /^\/([^/]+)\/([^/]+)$/.exec(staticPath(req))
    if (!isObjectStorageEnabled() || !match || !isUuid(match[1]) || res.locals.fileFolders === 'public-only') return next(notFound('File not found'))
    const uuid = match[1].toLowerCase()
    const video = await VideoModel.findOne({ where: { uuid, remote: false }, attributes: [ 'id', 'privacy' ] })
    const inBucket = video && await VideoStreamingPlaylistModel.count({ where: { videoId: video.id, storage: bucketStored } }) !== 0
    if (!video || !inBucket) return next(notFound('File not found'))
    await sendObject(req, res, 'streaming_playlists', `${uuid}/${match[2]}`, { isPrivate: isPrivateFolderVideo(video) })
  }
}

export function thumbnailFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename) return next(notFound('File not found'))
    const thumbnail = await ThumbnailModel.findOne({ where: { filename, storage: bucketStored }, attributes: [ 'id' ] })
    if (!thumbnail) return next(notFound('File not found'))
    await sendObject(req, res, 'thumbnails', filename, { isPrivate: false })
  }
}

/** Torrents are small and name their video's files: read through us, whatever the bucket's ACLs. */
export function torrentFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename) return next(notFound('File not found'))
    const file = await VideoFileModel.findOne({ where: { torrentFilename: filename, storage: bucketStored }, attributes: [ 'id' ] })
    if (!file) return next(notFound('File not found'))
    res.type('application/x-bittorrent')
    await proxyObject(req, res, 'torrents', filename)
  }
}

/** Avatars and banners stored in the avatars bucket: public, so a redirect to the bucket's (or CDN's) URL. */
export function actorImageFromObjectStorage () {
  return async (req: Request, res: Response, next: NextFunction) => {
    const filename = /^\/([^/]+)$/.exec(staticPath(req))?.[1]
    if (!isObjectStorageEnabled() || !filename) return next(notFound('File not found'))
    const image = await ActorImageModel.findOne({ where: { filename, storage: bucketStored }, attributes: [ 'id' ] })
    if (!image) return next(notFound('File not found'))
    await sendObject(req, res, 'avatars', filename, { isPrivate: false })
  }
}
