import { GetObjectCommand } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { CONFIG } from '../../initializers/config/index.js'
import { bucketOf, objectKey, s3Client, type ObjectKind } from './object-storage-client.js'
export { publicObjectUrl } from '../../helpers/object-storage/object-addresses.js'

/** A URL that reads the object for a short while (private files when they are not proxied). */
export async function presignedObjectUrl (kind: ObjectKind, key: string, options: { downloadName?: string } = {}) {
  const command = new GetObjectCommand({
    Bucket: bucketOf(kind).bucket,
    Key: objectKey(kind, key),
    ResponseContentDisposition: options.downloadName ? `attachment; filename="${options.downloadName.replace(/["\\\r\n]/g, '_')}"` : undefined
  })
  return getSignedUrl(s3Client(), command, { expiresIn: Math.max(1, Math.round(CONFIG.object_storage.presigned_url_lifetime / 1000)) })
}
