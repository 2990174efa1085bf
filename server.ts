/**
 * Entry point: load and check the configuration, start what the instance owns (embedded PostgreSQL/Redis when
 * configured), prepare the database, start the job queue, then serve HTTP. Ctrl-C / SIGTERM undo it in reverse.
 */
import { createServer, type Server } from 'node:http'

async function main () {
  // The config is validated first, and alone: a bad value must stop us with one line, before anything starts.
  try {
    await import('./server/initializers/config/index.js')
  } catch (err) {
    const error = err as Error
    process.stderr.write(`${error.name === 'ConfigError' ? error.message : error.stack}\n`)
    process.exit(1)
  }

  const { CONFIG, WEBSERVER } = await import('./server/initializers/config/index.js')
  const { logger } = await import('./server/helpers/logger.js')
  const { startEmbeddedServices, stopEmbeddedServices } = await import('./server/initializers/services.js')
  const { initDatabase, closeDatabase } = await import('./server/initializers/database.js')
  const { installIfNeeded } = await import('./server/initializers/installer.js')
  const { createStorageFolders } = await import('./server/initializers/storage.js')
  const { applyStoredCustomConfig } = await import('./server/lib/server-config/custom-config.js')
  const { requeueUnfinishedTranscodings } = await import('./server/lib/transcoding/requeue-unfinished.js')
  const { scheduleResumableUploadsCleanup } = await import('./server/lib/uploads/resumable-upload-cleanup.js')
  const { jobQueue } = await import('./server/lib/job-queue/job-queue.js')
  // The job types and their handlers, handed to the queue at start (the queue imports none of them).
  const { JOB_DEFINITIONS } = await import('./server/lib/job-queue/handlers/index.js')
  const { buildApp } = await import('./server/app.js')
  const { EmbeddedTracker } = await import('./server/lib/tracker/tracker.js')
  const { closeRedis, connectRedis } = await import('./server/lib/redis.js')
  const { setFfmpegStallTimeout } = await import('./server/helpers/ffmpeg/run-ffmpeg.js')
  const { scheduleDeliveryProbes } = await import('./server/lib/schedulers/delivery-probe.js')
  const { stopOrphanedFfmpeg } = await import('./server/lib/transcoding/stop-orphaned-ffmpeg.js')
  const { scheduleStorageSweep } = await import('./server/lib/job-queue/handlers/storage-sweep.js')
  const { scheduleReceivedSignaturesCleanup } = await import('./server/lib/schedulers/received-signatures-cleanup.js')
  const { schedulePendingFollowsResend } = await import('./server/lib/schedulers/pending-follows-resend.js')
  const { scheduleVideoUpdates } = await import('./server/lib/schedulers/scheduled-video-updates.js')
  const { registerVideoFederation } = await import('./server/lib/activitypub/videos/register-video-federation.js')
  const { scheduleViewsFederation } = await import('./server/lib/schedulers/views-federation.js')
  const { handleClientError } = await import('./server/middlewares/client-errors.js')
  const { HTTP_KEEP_ALIVE_TIMEOUT_MS } = await import('./server/initializers/constants/server.js')
  const { registerModeration } = await import('./server/lib/moderation/register-moderation.js')
  const { closeNotificationStreams } = await import('./server/lib/notifications/live-stream.js')
  const { registerPlaylistFederation } = await import('./server/lib/activitypub/playlists/process-playlist-activities.js')
  const { registerReportableComments } = await import('./server/lib/video-comments/reportable-comments.js')
  const { registerNotifications } = await import('./server/lib/notifications/register-notifications.js')
  const { startLives } = await import('./server/lib/live/start-lives.js')
  const { registerLiveFederation } = await import('./server/lib/live/federation/register-live-federation.js')
  const { liveManager } = await import('./server/lib/live/live-manager.js')
  const { runnerNotifier } = await import('./server/lib/runners/runner-socket.js')
  const { scheduleRunnerJobWatchdog } = await import('./server/lib/schedulers/runner-job-watchdog.js')
  const { checkEncoderProfile } = await import('./server/lib/transcoding/encoder-profile-check.js')
  const { checkObjectStorage } = await import('./server/lib/object-storage/object-storage-check.js')
  const { registerRedundancy, scheduleRedundancyAndScrub, stopRedundancySchedule } = await import('./server/lib/redundancy/register-redundancy.js')
  const { startMetrics, stopMetrics } = await import('./server/lib/metrics/start-metrics.js')

  // A stray rejection or exception is logged, never fatal: one bad request or job must not take the instance down.
  process.on('unhandledRejection', reason => logger.error('Unhandled promise rejection', { err: reason }))
  process.on('uncaughtException', err => logger.error('Uncaught exception', { err }))

  let httpServer: Server | undefined
  const tracker = CONFIG.tracker.enabled ? new EmbeddedTracker() : undefined
  let stopping = false

  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info(`Received ${signal}: shutting down`)
    const forceExit = setTimeout(() => {
      logger.error('Shutdown took too long: exiting')
      // Still stop what we started: an embedded PostgreSQL or Redis must not outlive us.
      void stopEmbeddedServices().finally(() => process.exit(1))
    }, 30_000)

    try {
      // Upgraded connections (tracker WebSockets) are not the HTTP server's any more: close them first, or
      // httpServer.close() would wait for them forever.
      tracker?.close()
      closeNotificationStreams()
      stopRedundancySchedule()
      // Sessions end as if their streamers stopped: states and replays recorded while the database is there.
      await liveManager.stop()
      await runnerNotifier.close()
      await new Promise<void>(resolve => {
        if (!httpServer) return resolve()
        httpServer.close(() => resolve())
        httpServer.closeIdleConnections()
        // Slow downloads get a moment, then are cut.
        setTimeout(() => httpServer?.closeAllConnections(), 5000).unref()
      })
      await jobQueue.terminate()
      await stopMetrics()
      closeRedis()
      await closeDatabase()
      await stopEmbeddedServices()
    } catch (err) {
      logger.error('Error during shutdown', { err })
    }
    clearTimeout(forceExit)
    process.exit(0)
  }
  process.on('SIGINT', () => { void shutdown('SIGINT') })
  process.on('SIGTERM', () => { void shutdown('SIGTERM') })

  try {
    await createStorageFolders()
    // A bucket we cannot write to stops the start with one line, before anything else starts.
    await checkObjectStorage()
    await startEmbeddedServices()
    await initDatabase()
    await applyStoredCustomConfig()
    await installIfNeeded()
    registerVideoFederation()
    await registerModeration()
    registerPlaylistFederation()
    registerReportableComments()
    registerNotifications()
    registerLiveFederation()
    registerRedundancy()
    setFfmpegStallTimeout(CONFIG.transcoding.ffmpeg_stall_timeout)
    await checkEncoderProfile()
    await stopOrphanedFfmpeg()
    await connectRedis()
    // Also starts the outbox relay, which queues whatever the previous run committed but did not queue.
    await jobQueue.init(JOB_DEFINITIONS)
    await requeueUnfinishedTranscodings()
    // Before the storage sweep: sessions cut by a crash still have their files, and may need them for a replay.
    await startLives()
    await scheduleStorageSweep(CONFIG.housekeeping.storage_sweep_delay)
    scheduleResumableUploadsCleanup()
    scheduleDeliveryProbes()
    scheduleReceivedSignaturesCleanup()
    schedulePendingFollowsResend()
    scheduleVideoUpdates()
    scheduleViewsFederation()
    scheduleRunnerJobWatchdog()
    scheduleRedundancyAndScrub()
    await startMetrics({ tracker })

    const app = buildApp()
    httpServer = await new Promise<Server>((resolve, reject) => {
      // Tracker announces first, without the web application's middleware.
      const server = createServer((req, res) => { if (!tracker?.handleHttpRequest(req, res)) void app(req, res) })
      server.keepAliveTimeout = HTTP_KEEP_ALIVE_TIMEOUT_MS
      server.headersTimeout = HTTP_KEEP_ALIVE_TIMEOUT_MS + 5_000
      server.listen(CONFIG.listen.port, CONFIG.listen.hostname, () => resolve(server))
      server.once('error', reject)
    })
    // Requests Node refuses before express sees them (oversized headers, malformed request lines) get problem+json too.
    httpServer.on('clientError', handleClientError)
    tracker?.attach(httpServer)
    runnerNotifier.attach(httpServer)
    logger.info(`Tubeless listening on ${CONFIG.listen.hostname}:${CONFIG.listen.port}, public URL ${WEBSERVER.URL}`)
    // Test helpers and scripts wait for this exact line on stdout.
    process.stdout.write(`tubeless: ready on ${WEBSERVER.URL}\n`)
  } catch (err) {
    logger.error(`Cannot start: ${(err as Error).message}`, { err })
    await stopEmbeddedServices().catch(() => undefined)
    process.exit(1)
  }
}

void main()
