import { randomUUID } from 'node:crypto'
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { loggerWithTags } from '../../helpers/logger.js'
import { bucketOf, describeObjectStorageError, endpointUrl, isObjectStorageEnabled, objectKey, OBJECT_KINDS, ObjectStorageError, s3Client } from './object-storage-client.js'

const log = loggerWithTags('object-storage')

/**
 * At start-up, with object storage on: writes, reads back and removes a small object in every bucket we use, so
 * wrong credentials, a missing bucket, a bucket that refuses writes or an unreachable endpoint stop the start
 * with one line naming the bucket and the cause, instead of failing every move later.
 */
export async function checkObjectStorage () {
  if (!isObjectStorageEnabled()) return
  const seen = new Set<string>()
  for (const kind of OBJECT_KINDS) {
    const { bucket } = bucketOf(kind)
    const key = objectKey(kind, `.tubeless-check-${randomUUID()}`)
    const id = `${bucket}/${key.split('/').slice(0, -1).join('/')}`
    if (seen.has(id)) continue
    seen.add(id)

    let action = 'write a test object'
    try {
      await s3Client().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'tubeless' }))
      action = 'read a test object back'
      const reply = await s3Client().send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      const text = await reply.Body?.transformToString()
      if (text !== 'tubeless') throw new Error(`the test object came back different (${JSON.stringify(text?.slice(0, 20))})`)
      action = 'remove a test object'
      await s3Client().send(new DeleteObjectCommand({ Bucket: bucket, Key: key }))
    } catch (err) {
      throw new ObjectStorageError(describeObjectStorageError(err, bucket, action), err)
    }
  }
  log.info(`Object storage at ${endpointUrl()}: ${seen.size} bucket(s) checked (write, read, remove)`)
}
