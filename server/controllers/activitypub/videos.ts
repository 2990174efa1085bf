import express, { type Request, type Response } from 'express'
import { chaptersToActivityPub } from '../../lib/chapters/video-chapters.js'
import { VideoChapterModel } from '../../models/video/video-chapter.js'
import { buildActivityPubContext, withActivityPubContext } from '../../helpers/activitypub/index.js'
import { buildOrderedCollection, parsePageParam } from '../../lib/activitypub/collections/ordered-collection.js'
import { getAudienceFromFollowersOf, getVideoAudience } from '../../lib/activitypub/videos/audience.js'
import { accountActorOf, buildVideoObject, channelActorOf } from '../../lib/activitypub/videos/build-video-object.js'
import { getServerActor } from '../../lib/activitypub/server-actor.js'
import {
  videoCollectionUrls, videoCreateActivityUrl, videoUpdateActivityUrl
} from '../../lib/activitypub/videos/video-activity-urls.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { instanceAccountId } from '../../lib/moderation/instance-account.js'
import { videoOwnerAccountId } from '../../lib/video-comments/comment-rules.js'
import { AccountVideoRateModel } from '../../models/account/account-video-rate.js'
import { VideoCommentModel } from '../../models/video/video-comment.js'
import { VideoShareModel } from '../../models/video/video-share.js'
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
    sendActivityPub(res, await buildOrderedCollection(videoCollectionUrls(video).shares, parsePageParam(req.query.page),
      (start, count) => VideoShareModel.listUrlsByVideo(video.id, start, count)))
  })

  // Each share's Announce: what PeerTube fetches when it refreshes a video (a share it cannot read is dropped).
  router.get('/videos/watch/:id/announces/:actorId', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'summary')
    const actorId = /^\d{1,10}$/.test(String(req.params.actorId)) ? Number(req.params.actorId) : undefined
    const share = actorId !== undefined ? await VideoShareModel.loadWithActor(actorId, video.id) : null
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

  for (const [ name, type ] of [ [ 'likes', 'like' ], [ 'dislikes', 'dislike' ] ] as const) {
    router.get(`/videos/watch/:id/${name}`, activityPubOnly, async (req: Request, res: Response) => {
      const video = await loadFederatedVideo(req, 'summary')
      if (redirectIfRemote(video, res)) return
      sendActivityPub(res, await buildOrderedCollection(videoCollectionUrls(video)[name], parsePageParam(req.query.page),
        (start, count) => AccountVideoRateModel.listUrlsByVideo(video.id, type, start, count)))
    })
  }

  router.get('/videos/watch/:id/comments', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'summary')
    if (redirectIfRemote(video, res)) return
    // What the instance or the video's owner muted is no part of the public conversation.
    const mutedBy = [ instanceAccountId(), videoOwnerAccountId(video) ]
    sendActivityPub(res, await buildOrderedCollection(videoCollectionUrls(video).comments, parsePageParam(req.query.page),
      (start, count) => VideoCommentModel.listUrlsForActivityPub(video.id, start, count, mutedBy)))
  })

  router.get('/videos/watch/:id/chapters', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req, 'summary')
    if (redirectIfRemote(video, res)) return
    const chapters = chaptersToActivityPub(await VideoChapterModel.listOfVideo(video.id), video.duration)
    sendActivityPub(res, { '@context': buildActivityPubContext('Chapters'), id: videoCollectionUrls(video).hasParts, hasPart: chapters })
  })

  return router
}
