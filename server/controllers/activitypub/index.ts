import express from 'express'
import { buildActorsRouter } from './actors.js'
import { buildInboxRouter } from './inbox.js'
import { buildVideosActivityPubRouter } from './videos.js'
import { buildPlaylistsActivityPubRouter } from './playlists.js'

/** ActivityPub endpoints: actor documents, their collections (content-negotiated with the web client), inboxes. */
export function buildActivityPubRouter () {
  const router = express.Router()
  router.use(buildInboxRouter())
  router.use(buildActorsRouter())
  router.use(buildVideosActivityPubRouter())
  router.use(buildPlaylistsActivityPubRouter())
  return router
}
