import { CONFIG } from '../../initializers/config/index.js'

// Where objects are, from the configuration alone (no S3 client): below models, so that formatters can give a
// bucket-stored file's public URL. lib/object-storage/ re-exports these for its own callers.

/** What a bucket holds. Each kind has its own bucket (or prefix in a shared one) and base URL. */
export type ObjectKind = 'web_videos' | 'streaming_playlists' | 'original_video_files' | 'torrents' | 'thumbnails' | 'avatars'

export const OBJECT_KINDS: ObjectKind[] = [ 'web_videos', 'streaming_playlists', 'original_video_files', 'torrents', 'thumbnails', 'avatars' ]

export interface BucketInfo {
  bucket: string
  prefix: string
  baseUrl: string
}

export function isObjectStorageEnabled () {
  return CONFIG.object_storage.enabled
}

export function bucketOf (kind: ObjectKind): BucketInfo {
  const config = CONFIG.object_storage[kind]
  return { bucket: config.bucket_name, prefix: config.prefix, baseUrl: config.base_url }
}

/** The full object key: the kind's prefix, then our key (a file name, or `<video uuid>/<file name>` for HLS). */
export function objectKey (kind: ObjectKind, key: string) {
  return bucketOf(kind).prefix + key
}

export function endpointUrl () {
  const endpoint = CONFIG.object_storage.endpoint
  return /^https?:\/\//.test(endpoint) ? endpoint.replace(/\/$/, '') : `https://${endpoint.replace(/\/$/, '')}`
}

/**
 * The public URL of an object: the bucket's own (virtual-host or path style, as the client addresses it), with
 * its scheme and host replaced by the kind's `base_url` when one is set (a CDN).
 */
export function publicObjectUrl (kind: ObjectKind, key: string) {
  const { bucket, baseUrl } = bucketOf(kind)
  const endpoint = new URL(endpointUrl())
  const path = encodeKey(objectKey(kind, key))
  const url = CONFIG.object_storage.force_path_style
    ? `${endpoint.origin}/${bucket}/${path}`
    : `${endpoint.protocol}//${bucket}.${endpoint.host}/${path}`
  return baseUrl ? url.replace(/^https?:\/\/[^/]+/, baseUrl.replace(/\/$/, '')) : url
}

function encodeKey (key: string) {
  return key.split('/').map(encodeURIComponent).join('/')
}
