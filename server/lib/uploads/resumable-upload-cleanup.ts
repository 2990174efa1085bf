import { loggerWithTags } from '../../helpers/logger.js'
import { resumableUploads, type ResumableUploadStore } from './resumable-upload-store.js'

const log = loggerWithTags('uploads')

/** How often abandoned resumable uploads are looked for (they expire after a day, so hourly is plenty). */
export const RESUMABLE_UPLOADS_CLEANUP_INTERVAL_MS = 60 * 60 * 1000

/**
 * Removes expired resumable upload sessions now, then every hour. Call once at start-up; the timer does not keep
 * the process alive. Returns the timer (clearInterval stops it) and the first pass, for whoever wants to wait on it.
 */
export function scheduleResumableUploadsCleanup (store: ResumableUploadStore = resumableUploads) {
  const run = async () => {
    try {
      const removed = await store.removeExpired()
      if (removed.length !== 0) log.info(`Removed ${removed.length} expired resumable upload(s)`)
    } catch (err) {
      log.error('Cannot remove expired resumable uploads', { err })
    }
  }

  const firstRun = run()
  const timer = setInterval(() => { void run() }, RESUMABLE_UPLOADS_CLEANUP_INTERVAL_MS)
  timer.unref()
  return { timer, firstRun }
}
