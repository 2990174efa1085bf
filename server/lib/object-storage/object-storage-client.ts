import { S3Client } from '@aws-sdk/client-s3'
import { CONFIG } from '../../initializers/config/index.js'

// Addresses (kinds, buckets, keys, the endpoint) need no client: they are below models, for the formatters' URLs.
import { endpointUrl } from '../../helpers/object-storage/object-addresses.js'
export { OBJECT_KINDS, bucketOf, endpointUrl, isObjectStorageEnabled, objectKey, type BucketInfo, type ObjectKind } from '../../helpers/object-storage/object-addresses.js'

let client: S3Client | undefined

// The SDK warns on every start that it will want Node 22 next year; Node 20 is what we support today.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

export function s3Client () {
  if (client) return client
  const config = CONFIG.object_storage
  client = new S3Client({
    endpoint: endpointUrl(),
    region: config.region,
    forcePathStyle: config.force_path_style,
    // Empty credentials: the SDK's own chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles).
    credentials: config.credentials.access_key_id
      ? { accessKeyId: config.credentials.access_key_id, secretAccessKey: config.credentials.secret_access_key }
      : undefined,
    maxAttempts: config.max_request_attempts,
    // Since 2025 the SDK sends streamed bodies as aws-chunked with a trailing CRC32 by default: s3rver, older
    // MinIO and Garage releases and several providers store the chunk framing as the object's bytes. Checksums
    // only where the operation requires one (DeleteObjects); our SHA-256 checks the bytes end to end.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED'
  })
  return client
}

/**
 * One line an administrator can act on, from whatever the SDK threw: which bucket and endpoint, and whether the
 * credentials, the bucket or the network is the problem.
 */
export function describeObjectStorageError (err: unknown, bucket: string, action: string) {
  const error = err as { name?: string, code?: string, message?: string, $metadata?: { httpStatusCode?: number } }
  const name = error.name ?? error.code ?? 'Error'
  const status = error.$metadata?.httpStatusCode
  const where = `bucket '${bucket}' at ${endpointUrl()}`
  let hint: string
  if ([ 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken', 'CredentialsProviderError' ].includes(name)) {
    hint = 'the credentials are wrong (object_storage.credentials)'
  } else if (name === 'NoSuchBucket') {
    hint = 'the bucket does not exist (create it, or fix object_storage.<kind>.bucket_name)'
  } else if (name === 'AccessDenied' || status === 403) {
    hint = 'the bucket refuses this (check the key\'s permissions and the bucket policy)'
  } else if ([ 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'TimeoutError', 'EHOSTUNREACH' ].includes(error.code ?? name)) {
    hint = 'the endpoint cannot be reached (object_storage.endpoint)'
  } else {
    hint = status ? `the server answered ${status}` : 'unexpected error'
  }
  return `Object storage: cannot ${action} in ${where}: ${hint} (${name}${error.message && error.message !== name ? `: ${error.message}` : ''})`
}

export class ObjectStorageError extends Error {
  constructor (message: string, override readonly cause?: unknown) {
    super(message)
    this.name = 'ObjectStorageError'
  }
}
