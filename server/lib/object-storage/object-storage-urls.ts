import { GetObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { CONFIG } from '../../initializers/config/index.js'
import { bucketOf, endpointUrl, objectKey, s3Client, type ObjectKind } from './object-storage-client.js'

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

/** A URL that reads the object for a short while (private files when they are not proxied). */
export async function presignedObjectUrl (kind: ObjectKind, key: string, options: { downloadName?: string } = {}) {
  const command = new GetObjectCommand({
    Bucket: bucketOf(kind).bucket,
    Key: objectKey(kind, key),
    ResponseContentDisposition: options.downloadName ? `attachment; filename="${options.downloadName.replace(/["\\\r\n]/g, '_')}"` : undefined
  })
  return getSignedUrl(s3Client(), command, { expiresIn: Math.max(1, Math.round(CONFIG.object_storage.presigned_url_lifetime / 1000)) })
}

function encodeKey (key: string) {
  return key.split('/').map(encodeURIComponent).join('/')
}
