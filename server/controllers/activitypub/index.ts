import express from 'express'
import { buildActorsRouter } from './actors.js'
import { buildInboxRouter } from './inbox.js'
import { buildActorActivitiesRouter } from './actor-activities.js'
import { activityPubNotFound } from './content-negotiation.js'
import { buildVideoCommentsActivityPubRouter } from './video-comments.js'
import { buildVideosActivityPubRouter } from './videos.js'
import { buildPlaylistsActivityPubRouter } from './playlists.js'

/**
 * ActivityPub endpoints: actor documents, videos, comments, the activities we sent and every collection
 * (content-negotiated with the web client), inboxes. Anything else asked for as ActivityPub is a 404 problem.
 */
export function buildActivityPubRouter () {
  const router = express.Router()
  router.use(buildInboxRouter())
  router.use(buildActorsRouter())
  router.use(buildVideosActivityPubRouter())
  router.use(buildVideoCommentsActivityPubRouter())
  router.use(buildActorActivitiesRouter())
  router.use(buildPlaylistsActivityPubRouter())
  router.use(activityPubNotFound)
  return router
}
