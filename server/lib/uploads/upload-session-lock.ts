import { randomBytes } from 'node:crypto'
import { loggerWithTags } from '../../helpers/logger.js'
import { HttpProblem } from '../http-problems/http-problem.js'
import { redis } from '../redis.js'

const log = loggerWithTags('uploads')

/**
 * The lock expires on its own if its holder dies; a live holder renews it well before, so a slow chunk or a long
 * video creation keeps it for as long as it needs.
 */
const LOCK_TTL_MS = 30_000
const LOCK_RENEW_EVERY_MS = 10_000

/** What a client told "busy" waits before trying again. */
export const UPLOAD_BUSY_RETRY_AFTER_SECONDS = 5

// Only the owner (the holder of the random token) may renew or release: a holder whose lock expired and was taken
// by another request must not release that request's lock.
const RENEW_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`
const RELEASE_IF_OWNER = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

// An instance is one process: a lock taken by an earlier run of it (killed while holding it) has no live holder,
// so it is taken over at once instead of making the client wait for it to expire.
const BOOT_ID = randomBytes(8).toString('hex')
const ACQUIRE_UNLESS_HELD_BY_THIS_RUN =
  `local v = redis.call('get', KEYS[1]) ` +
  `if v and string.sub(v, 1, string.len(ARGV[2])) == ARGV[2] then return 0 end ` +
  `redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[3]) return 1`

function lockKey (uploadId: string) {
  return `resumable-upload-lock:${uploadId}`
}

/**
 * Runs `work` while holding the upload session's lock, so chunks, status queries and cancellations of one session
 * never overlap (they append to the same file and the last one creates the video). When another request holds it,
 * throws a 503 with Retry-After, as PeerTube answers while an upload is being processed.
 */
export async function withUploadSessionLock<T> (uploadId: string, work: () => Promise<T>): Promise<T> {
  const key = lockKey(uploadId)
  const token = `${BOOT_ID}:${randomBytes(16).toString('hex')}`

  const acquired = await redis().eval(ACQUIRE_UNLESS_HELD_BY_THIS_RUN, 1, key, token, `${BOOT_ID}:`, String(LOCK_TTL_MS))
  if (acquired !== 1) {
    throw new HttpProblem({
      status: 503,
      detail: 'This upload is busy with another request; try again shortly',
      headers: { 'Retry-After': String(UPLOAD_BUSY_RETRY_AFTER_SECONDS) }
    })
  }

  const renewal = setInterval(() => {
    redis().eval(RENEW_IF_OWNER, 1, key, token, String(LOCK_TTL_MS))
      .then(renewed => { if (renewed !== 1) log.warn(`Lost the lock of upload ${uploadId} while working on it`) })
      .catch(err => log.warn(`Cannot renew the lock of upload ${uploadId}`, { err }))
  }, LOCK_RENEW_EVERY_MS)
  renewal.unref()

  try {
    return await work()
  } finally {
    clearInterval(renewal)
    await redis().eval(RELEASE_IF_OWNER, 1, key, token)
      .catch(err => log.warn(`Cannot release the lock of upload ${uploadId}; it expires on its own`, { err }))
  }
}
