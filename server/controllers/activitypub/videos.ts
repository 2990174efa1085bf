import express, { type Request, type Response } from 'express'
import { withActivityPubContext } from '../../helpers/activitypub/index.js'
import { parsePageParam } from '../../lib/activitypub/collections/ordered-collection.js'
import { getAudienceFromFollowersOf, getVideoAudience } from '../../lib/activitypub/videos/audience.js'
import { accountActorOf, buildVideoObject, channelActorOf } from '../../lib/activitypub/videos/build-video-object.js'
import { getServerActor } from '../../lib/activitypub/server-actor.js'
import { videoCreateActivityUrl, videoUpdateActivityUrl } from '../../lib/activitypub/videos/video-activity-urls.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import {
  loadVideoShare, videoChaptersDocument, videoCommentsCollection, videoRatesCollection, videoSharesCollection
} from '../../lib/activitypub/collections/video-collections.js'
import type { VideoModel } from '../../models/video/video.js'
import { activityPubOnly, sendActivityPub } from './content-negotiation.js'
import { loadFederatedVideo, redirectIfRemote, WATCH_PATHS } from './federated-video.js'

// A video's ActivityPub URLs, shared with the web client's watch pages: ActivityPub clients get the Video object
// (public and unlisted videos only), the activities about it and its collections; browsers fall through to the
// client. Comments are in video-comments.ts.

function createActivityOf (video: VideoModel) {
  const byActor = accountActorOf(video)
  const audience = getVideoAudience(byActor, video.privacy)
  return { ...audience, type: 'Create', id: videoCreateActivityUrl(video), actor: byActor.url, object: buildVideoObject(video, audience) }
}

export function buildVideosActivityPubRouter () {
  const router = express.Router()

  router.get(WATCH_PATHS, activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'details')
    if (redirectIfRemote(video, res)) return
    sendActivityPub(res, withActivityPubContext(buildVideoObject(video), 'Video'))
  })

  router.get(WATCH_PATHS.map(p => `${p}/activity`), activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'details')
    if (redirectIfRemote(video, res)) return
    sendActivityPub(res, withActivityPubContext(createActivityOf(video), 'Video'))
  })

  // The id of each Update we sent: what it says now is the video as it is now (the latest update supersedes).
  router.get('/videos/watch/:id/updates/:date', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'details')
    if (redirectIfRemote(video, res)) return
    const byActor = accountActorOf(video)
    const audience = getVideoAudience(byActor, video.privacy)
    sendActivityPub(res, withActivityPubContext({
      ...audience, type: 'Update', id: videoUpdateActivityUrl(video, video.updatedAt), actor: byActor.url, object: buildVideoObject(video, audience)
    }, 'Video'))
  })

  router.get('/videos/watch/:id/announces', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'summary')
    if (redirectIfRemote(video, res)) return
    sendActivityPub(res, await videoSharesCollection(video, parsePageParam(req.query.page)))
  })

  // Each share's Announce: what PeerTube fetches when it refreshes a video (a share it cannot read is dropped).
  router.get('/videos/watch/:id/announces/:actorId', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'summary')
    const actorId = /^\d{1,10}$/.test(String(req.params.actorId)) ? Number(req.params.actorId) : undefined
    const share = actorId !== undefined ? await loadVideoShare(actorId, video.id) : null
    if (!share) throw notFound('Video share not found')
    if (!share.Actor!.isLocal()) {
      res.redirect(301, share.url)
      return
    }
    const involved = [ accountActorOf(video), channelActorOf(video), await getServerActor() ]
    sendActivityPub(res, withActivityPubContext({
      ...getAudienceFromFollowersOf(involved), type: 'Announce', id: share.url, actor: share.Actor!.url, object: video.url
    }, 'Announce'))
  })

  for (const name of [ 'likes', 'dislikes' ] as const) {
    router.get(`/videos/watch/:id/${name}`, activityPubOnly, async (req: Request, res: Response) => {
      const video = await loadFederatedVideo(req, 'summary')
      if (redirectIfRemote(video, res)) return
      sendActivityPub(res, await videoRatesCollection(video, name, parsePageParam(req.query.page)))
    })
  }

  router.get('/videos/watch/:id/comments', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'summary')
    if (redirectIfRemote(video, res)) return
    sendActivityPub(res, await videoCommentsCollection(video, parsePageParam(req.query.page)))
  })

  router.get('/videos/watch/:id/chapters', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'summary')
    if (redirectIfRemote(video, res)) return
    sendActivityPub(res, await videoChaptersDocument(video))
  })

  return router
}
