import cors from 'cors'
import express from 'express'
import { apiNotFound } from '../../middlewares/error-handler.js'
import { apiRateLimiter } from '../../middlewares/rate-limit.js'
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
import { deliveryHealthRouter } from './server/delivery-health.js'
import { subscriptionsRouter } from './users/subscriptions.js'
import { ownerVideosRouter } from './videos/owner-videos.js'
import { videoResumableUploadRouter } from './videos/upload-resumable.js'
import { videoUploadRouter } from './videos/upload.js'
import { videoConstantsRouter } from './videos/video-constants.js'
import { videoFileMetadataRouter } from './videos/video-file-metadata.js'
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
import { redundancyRouter } from './server/redundancy.js'
import { storageScrubRouter } from './server/storage-scrub.js'

/** Everything under /api/v1. Each feature exports an ApiRouter; adding one here is all it takes to serve it. */
export function buildApiRouter () {
  const api = express.Router()

  // Any origin may call the API (apps, other instances' front ends), as with PeerTube.
  api.use(cors({ exposedHeaders: [ 'Retry-After', 'Location', 'Range' ] }))
  api.use(apiRateLimiter)
  api.use(express.json({ limit: '500kb', type: [ 'application/json', 'application/*+json' ] }))
  api.use(express.urlencoded({ extended: true, limit: '500kb' }))

  // Fixed paths before parameterized ones: /videos/categories and /videos/upload-resumable before /videos/:id.
  const features = [
    ...moderationRouters,
    configRouter, oauthRouter, jobsRouter, openApiRouter, subscriptionsRouter, ...usersRouters, accountsRouter, videoChannelsRouter,
    serverFollowsRouter, serverAdminRouter, deliveryHealthRouter, videoConstantsRouter, videoUploadRouter, videoResumableUploadRouter,
    ownerVideosRouter, searchRouter, videoFileMetadataRouter,
    commentListsRouter, videoCommentsRouter, videoRatesRouter, videosRouter,
    // The viewer's library (issue 14)
    myNotificationsRouter, myHistoryRouter, contactRouter, videoWatchingRouter, actorFollowersRouter,
    // Fixed paths (/video-playlists/privacies, /users/me/video-playlists/videos-exist) before /:playlistId
    videoPlaylistElementsRouter, videoPlaylistsRouter,
    // Object storage, redundancy and integrity (issue 16)
    redundancyRouter, storageScrubRouter
  ]
  for (const feature of features) {
    api.use(feature.router)
  }

  api.use(apiNotFound)
  return api
}
