import cors from 'cors'
import express from 'express'
import { apiNotFound } from '../../middlewares/error-handler.js'
import { apiRateLimiter } from '../../middlewares/rate-limit.js'
import { guardInputShape } from '../../middlewares/input-guards.js'
import { privateApiCacheControl } from '../../middlewares/security-headers.js'
import { accountsRouter } from './accounts.js'
import { configRouter } from './config.js'
import { jobsRouter } from './jobs.js'
import { oauthRouter } from './oauth.js'
import { openApiRouter } from './openapi.js'
import { usersRouters } from './users/index.js'
import { videoChannelsRouter } from './video-channels.js'
import { searchRouter } from './search.js'
import { serverFollowsRouter } from './server/following.js'
import { serverAdminRouter } from './server/stats-and-custom-config.js'
import { identityConflictsRouter } from './server/identity-conflicts.js'
import { deliveryHealthRouter } from './server/delivery-health.js'
import { subscriptionsRouter } from './users/subscriptions.js'
import { ownerVideosRouter } from './videos/owner-videos.js'
import { videoResumableUploadRouter } from './videos/upload-resumable.js'
import { videoUploadRouter } from './videos/upload.js'
import { videoConstantsRouter } from './videos/video-constants.js'
import { videoFileMetadataRouter } from './videos/video-file-metadata.js'
import { videoSourceRouter } from './videos/video-source.js'
import { videosRouter } from './videos/videos.js'
import { commentListsRouter } from './videos/comment-lists.js'
import { videoCommentsRouter } from './videos/comments.js'
import { videoRatesRouter } from './videos/rates.js'
import { moderationRouters } from './moderation/index.js'
import { myNotificationsRouter } from './users/my-notifications.js'
import { myHistoryRouter } from './users/my-history.js'
import { contactRouter } from './server/contact.js'
import { videoWatchingRouter } from './videos/watching.js'
import { actorFollowersRouter } from './actor-followers.js'
import { videoPlaylistsRouter } from './video-playlists.js'
import { videoPlaylistElementsRouter } from './video-playlist-elements.js'
import { liveRouter } from './videos/live.js'
import { runnersAdminRouter } from './runners/runners-admin.js'
import { runnerProtocolRouter } from './runners/runner-protocol.js'
import { runnerJobFilesRouter } from './runners/runner-job-files.js'
import { videoCaptionsRouter } from './videos/captions.js'
import { videoChaptersRouter } from './videos/chapters.js'
import { videoStoryboardsRouter } from './videos/storyboards.js'
import { redundancyRouter } from './server/redundancy.js'
import { storageScrubRouter } from './server/storage-scrub.js'
import { videoImportsRouter } from './videos/imports.js'
import { metricsRouter } from './metrics.js'

/** Everything under /api/v1. Each feature exports an ApiRouter; adding one here is all it takes to serve it. */
export function buildApiRouter () {
  const api = express.Router()

  // Any origin may call the API (apps, other instances' front ends), as with PeerTube.
  api.use(cors({ exposedHeaders: [ 'Retry-After', 'Location', 'Range' ] }))
  api.use(apiRateLimiter)
  api.use(privateApiCacheControl)
  api.use(express.json({ limit: '500kb', type: [ 'application/json', 'application/*+json' ] }))
  api.use(express.urlencoded({ extended: true, limit: '500kb' }))
  api.use(guardInputShape)

  // Fixed paths before parameterized ones: /videos/categories and /videos/upload-resumable before /videos/:id.
  const features = [
    ...moderationRouters,
    // Lives (issue 15): /videos/live before /videos/:id
    liveRouter,
    configRouter, oauthRouter, jobsRouter, openApiRouter, subscriptionsRouter, ...usersRouters, accountsRouter, videoChannelsRouter,
    serverFollowsRouter, serverAdminRouter, deliveryHealthRouter, identityConflictsRouter, videoConstantsRouter, videoUploadRouter, videoResumableUploadRouter, videoImportsRouter,
    ownerVideosRouter, searchRouter, videoFileMetadataRouter, videoSourceRouter,
    commentListsRouter, videoCommentsRouter, videoRatesRouter, videosRouter,
    // The viewer's library (issue 14)
    myNotificationsRouter, myHistoryRouter, contactRouter, videoWatchingRouter, actorFollowersRouter,
    // Fixed paths (/video-playlists/privacies, /users/me/video-playlists/videos-exist) before /:playlistId
    videoPlaylistElementsRouter, videoPlaylistsRouter,
    // Remote runners (issue 17)
    runnerProtocolRouter, runnerJobFilesRouter, runnersAdminRouter,
    // Captions (issue 21)
    videoCaptionsRouter, videoChaptersRouter, videoStoryboardsRouter,
    // Object storage, redundancy and integrity (issue 16)
    redundancyRouter, storageScrubRouter,
    // Playback stats for the metrics (issue 21)
    metricsRouter
  ]
  for (const feature of features) {
    api.use(feature.router)
  }

  api.use(apiNotFound)
  return api
}
