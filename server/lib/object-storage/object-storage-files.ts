import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, DeleteObjectsCommand, GetObjectCommand,
  HeadObjectCommand, ListObjectsV2Command, PutObjectAclCommand, PutObjectCommand, UploadPartCommand, type ObjectCannedACL
} from '@aws-sdk/client-s3'
import { CONFIG } from '../../initializers/config/index.js'
import { loggerWithTags } from '../../helpers/logger.js'
import { bucketOf, describeObjectStorageError, objectKey, ObjectStorageError, s3Client, type ObjectKind } from './object-storage-client.js'

const log = loggerWithTags('object-storage')

function wrap (err: unknown, kind: ObjectKind, action: string): never {
  if (err instanceof ObjectStorageError) throw err
  throw new ObjectStorageError(describeObjectStorageError(err, bucketOf(kind).bucket, action), err)
}

function aclFor (isPrivate: boolean) {
  const acl = isPrivate ? CONFIG.object_storage.upload_acl.private : CONFIG.object_storage.upload_acl.public
  return (acl ?? undefined) as ObjectCannedACL | undefined
}

/**
 * Uploads a local file under `key`: one PUT up to `max_upload_part`, otherwise a multipart upload in parts of
 * `upload_part_size` (aborted on failure, so no half-object is left billed). Returns the object's size.
 */
export async function uploadFile (kind: ObjectKind, key: string, path: string, options: { isPrivate: boolean, contentType?: string, signal?: AbortSignal }) {
  const { bucket } = bucketOf(kind)
  const Key = objectKey(kind, key)
  const size = (await stat(path)).size
  const common = { Bucket: bucket, Key, ACL: aclFor(options.isPrivate), ContentType: options.contentType }
  try {
    if (size <= CONFIG.object_storage.max_upload_part) {
      await s3Client().send(new PutObjectCommand({ ...common, Body: createReadStream(path), ContentLength: size }), { abortSignal: options.signal })
      return size
    }
    const { UploadId } = await s3Client().send(new CreateMultipartUploadCommand(common), { abortSignal: options.signal })
    try {
      const partSize = CONFIG.object_storage.upload_part_size
      const parts: { ETag: string, PartNumber: number }[] = []
      for (let start = 0, n = 1; start < size; start += partSize, n++) {
        const end = Math.min(size, start + partSize) - 1
        const part = await s3Client().send(new UploadPartCommand({
          Bucket: bucket, Key, UploadId, PartNumber: n, Body: createReadStream(path, { start, end }), ContentLength: end - start + 1
        }), { abortSignal: options.signal })
        parts.push({ ETag: part.ETag!, PartNumber: n })
      }
      await s3Client().send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key, UploadId, MultipartUpload: { Parts: parts } }), { abortSignal: options.signal })
    } catch (err) {
      await s3Client().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key, UploadId })).catch(() => undefined)
      throw err
    }
    return size
  } catch (err) {
    wrap(err, kind, `upload ${Key}`)
  }
}

export async function uploadBuffer (kind: ObjectKind, key: string, body: Buffer | string, options: { isPrivate: boolean, contentType?: string }) {
  const { bucket } = bucketOf(kind)
  const Key = objectKey(kind, key)
  try {
    await s3Client().send(new PutObjectCommand({ Bucket: bucket, Key, Body: body, ACL: aclFor(options.isPrivate), ContentType: options.contentType }))
  } catch (err) {
    wrap(err, kind, `upload ${Key}`)
  }
}

/** A readable stream of the object (or of a byte range of it), with what an HTTP reply needs. */
export async function readObject (kind: ObjectKind, key: string, options: { range?: string, signal?: AbortSignal } = {}) {
  const { bucket } = bucketOf(kind)
  const Key = objectKey(kind, key)
  try {
    const reply = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key, Range: options.range }), { abortSignal: options.signal })
    return {
      body: reply.Body as Readable,
      contentLength: reply.ContentLength,
      contentRange: reply.ContentRange,
      contentType: reply.ContentType,
      etag: reply.ETag,
      lastModified: reply.LastModified
    }
  } catch (err) {
    if (isNotFound(err)) return undefined
    wrap(err, kind, `read ${Key}`)
  }
}

/** Downloads an object to `path` (written aside, then renamed: never a half-written file). */
export async function downloadObject (kind: ObjectKind, key: string, path: string, signal?: AbortSignal) {
  const object = await readObject(kind, key, { signal })
  if (!object) throw new ObjectStorageError(`Object storage: ${objectKey(kind, key)} is missing from bucket '${bucketOf(kind).bucket}'`)
  await mkdir(dirname(path), { recursive: true })
  const aside = join(dirname(path), `.${basename(path)}.download-${randomUUID()}`)
  try {
    await pipeline(object.body, createWriteStream(aside), { signal })
    await rename(aside, path)
  } catch (err) {
    await rm(aside, { force: true })
    throw err
  }
}

export async function objectSize (kind: ObjectKind, key: string): Promise<number | undefined> {
  const { bucket } = bucketOf(kind)
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(kind, key) }))
    return head.ContentLength
  } catch (err) {
    if (isNotFound(err)) return undefined
    wrap(err, kind, `read ${objectKey(kind, key)}`)
  }
}

export async function removeObjects (kind: ObjectKind, keys: string[]) {
  const { bucket } = bucketOf(kind)
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000).map(key => ({ Key: objectKey(kind, key) }))
    try {
      await s3Client().send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }))
    } catch (err) {
      wrap(err, kind, `remove ${batch.length} object(s)`)
    }
  }
}

/** Every object under our prefix (+ `under`), as keys without the prefix, in pages. */
export async function * listObjects (kind: ObjectKind, under = '') {
  const { bucket, prefix } = bucketOf(kind)
  let token: string | undefined
  do {
    let page
    try {
      page = await s3Client().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix + under, ContinuationToken: token }))
    } catch (err) {
      wrap(err, kind, 'list objects')
    }
    yield (page.Contents ?? []).map(o => ({ key: o.Key!.slice(prefix.length), size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0) }))
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
}

let aclUnsupportedLogged = false

/**
 * A privacy change: the objects get the ACL of their new privacy. Providers without ACLs (or s3rver) refuse
 * it: the file stays reachable only through the URLs we publish (see the README).
 */
export async function setObjectsPrivacy (kind: ObjectKind, keys: string[], isPrivate: boolean) {
  const acl = aclFor(isPrivate)
  if (!acl) return
  const { bucket } = bucketOf(kind)
  for (const key of keys) {
    try {
      await s3Client().send(new PutObjectAclCommand({ Bucket: bucket, Key: objectKey(kind, key), ACL: acl }))
    } catch (err) {
      if ((err as { name?: string }).name === 'NotImplemented') {
        if (!aclUnsupportedLogged) log.warn(`Object storage: bucket '${bucket}' does not implement object ACLs; private files rely on unpublished URLs`)
        aclUnsupportedLogged = true
        return
      }
      wrap(err, kind, `set the ACL of ${objectKey(kind, key)}`)
    }
  }
}

function isNotFound (err: unknown) {
  const error = err as { name?: string, $metadata?: { httpStatusCode?: number } }
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata?.httpStatusCode === 404
}
