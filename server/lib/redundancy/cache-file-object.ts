import { AP_VIDEO_FILE_MEDIA_TYPES } from '../../initializers/constants/video-federation.js'
import type { VideoRedundancyModel } from '../../models/redundancy/video-redundancy.js'
import type { VideoFileModel } from '../../models/video/video-file.js'

export const HLS_MEDIA_TYPE = 'application/x-mpegURL'

export interface CacheFileObject {
  id: string
  type: 'CacheFile'
  object: string
  expires: string | null
  url: { type: 'Link', mediaType: string, href: string, height?: number, size?: number, fps?: number }
}

/** PeerTube's CacheFile: a mirror of one web video file (its Link), or of a video's HLS playlist (the base URL). */
export function buildCacheFileObject (redundancy: VideoRedundancyModel, videoUrl: string, file?: VideoFileModel | null): CacheFileObject {
  const common = { id: redundancy.url, type: 'CacheFile' as const, object: videoUrl, expires: redundancy.expiresOn?.toISOString() ?? null }
  if (!file) return { ...common, url: { type: 'Link', mediaType: HLS_MEDIA_TYPE, href: redundancy.fileUrl } }
  return {
    ...common,
    url: { type: 'Link', mediaType: file.hasVideo ? 'video/mp4' : 'audio/mp4', href: redundancy.fileUrl, height: file.resolution, size: file.size, fps: file.fps }
  }
}

export interface ParsedCacheFile {
  id: string
  videoUrl: string
  expiresOn: Date | null
  href: string
  /** HLS playlist mirror, or the web video file it copies. */
  target: { kind: 'hls' } | { kind: 'web-video', height: number, fps: number | undefined, size: number | undefined }
}

/** Checks a received CacheFile's shape; undefined when it is not one we can use. */
export function parseCacheFileObject (object: unknown): ParsedCacheFile | undefined {
  if (!object || typeof object !== 'object') return undefined
  const o = object as Record<string, unknown>
  if (o.type !== 'CacheFile' || typeof o.id !== 'string' || typeof o.object !== 'string') return undefined
  const url = o.url as Record<string, unknown> | undefined
  if (!url || typeof url !== 'object' || typeof url.href !== 'string' || !isHttpUrl(url.href) || !isHttpUrl(o.id)) return undefined
  const expires = typeof o.expires === 'string' ? new Date(o.expires) : null
  if (expires && Number.isNaN(expires.getTime())) return undefined
  const mediaType = (url.mediaType ?? url.mimeType) as string | undefined
  if (mediaType === HLS_MEDIA_TYPE) return { id: o.id, videoUrl: o.object, expiresOn: expires, href: url.href, target: { kind: 'hls' } }
  if (!mediaType || !(mediaType in AP_VIDEO_FILE_MEDIA_TYPES)) return undefined
  const height = Number(url.height)
  if (!Number.isInteger(height) || height < 0) return undefined
  const fps = url.fps ?? url['_:fps']
  const size = url.size ?? url['_:size']
  return {
    id: o.id,
    videoUrl: o.object,
    expiresOn: expires,
    href: url.href,
    target: { kind: 'web-video', height, fps: fps === undefined ? undefined : Number(fps), size: size === undefined ? undefined : Number(size) }
  }
}

function isHttpUrl (value: string) {
  return /^https?:\/\/[^\s]+$/.test(value) && value.length <= 2000
}
