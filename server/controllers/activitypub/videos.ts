import express, { type Request, type Response } from 'express'
import { VideoPrivacy, VideoState } from '../../../shared/models/videos.js'
import { buildActivityPubContext, withActivityPubContext } from '../../helpers/activitypub/index.js'
import { toFullUuid } from '../../helpers/uuid.js'
import { buildOrderedCollection, parsePageParam } from '../../lib/activitypub/collections/ordered-collection.js'
import { getVideoAudience } from '../../lib/activitypub/videos/audience.js'
import { accountActorOf, buildVideoObject } from '../../lib/activitypub/videos/build-video-object.js'
import { videoCollectionUrls, videoCreateActivityUrl } from '../../lib/activitypub/videos/video-activity-urls.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { detailsIncludes } from '../../models/video/queries/video-includes.js'
import { VideoShareModel } from '../../models/video/video-share.js'
import { VideoModel } from '../../models/video/video.js'
import { activityPubOnly, sendActivityPub } from './content-negotiation.js'

// A video's ActivityPub URLs, shared with the web client's watch pages: ActivityPub clients get the Video object
// (public and unlisted videos only) and its collections, browsers fall through to the client.

const WATCH_PATHS = [ '/videos/watch/:id', '/w/:id' ]

async function loadFederatedVideo (req: Request) {
  const uuid = toFullUuid(String(req.params.id))
  const video = uuid ? await VideoModel.findOne({ where: { uuid }, include: detailsIncludes() }) : null
  const visible = video && (video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED) && video.state === VideoState.PUBLISHED &&
    !video.VideoBlacklist?.unfederated
  if (!video || !visible) throw notFound('Video not found')
  return video
}

/** A remote video's object lives at its origin (PeerTube redirects there too). */
function redirectIfRemote (video: VideoModel, res: Response) {
  if (!video.remote) return false
  res.redirect(301, video.url)
  return true
}

const emptyCollection = async () => ({ total: 0, data: [] })

export function buildVideosActivityPubRouter () {
  const router = express.Router()

  router.get(WATCH_PATHS, activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req)
    if (redirectIfRemote(video, res)) return
    sendActivityPub(res, withActivityPubContext(buildVideoObject(video), 'Video'))
  })

  router.get(WATCH_PATHS.map(p => `${p}/activity`), activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req)
    if (redirectIfRemote(video, res)) return
    const byActor = accountActorOf(video)
    const audience = getVideoAudience(byActor, video.privacy)
    sendActivityPub(res, withActivityPubContext({
      ...audience,
      type: 'Create',
      id: videoCreateActivityUrl(video),
      actor: byActor.url,
      object: buildVideoObject(video, audience)
    }, 'Video'))
  })

  router.get('/videos/watch/:id/announces', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req)
    sendActivityPub(res, await buildOrderedCollection(videoCollectionUrls(video).shares, parsePageParam(req.query.page),
      (start, count) => VideoShareModel.listUrlsByVideo(video.id, start, count)))
  })

  // Ratings and comments are not federated yet: empty collections where PeerTube has them.
  for (const name of [ 'likes', 'dislikes', 'comments' ] as const) {
    router.get(`/videos/watch/:id/${name}`, activityPubOnly, async (req: Request, res: Response) => {
      const video = await loadFederatedVideo(req)
      sendActivityPub(res, await buildOrderedCollection(videoCollectionUrls(video)[name], parsePageParam(req.query.page), emptyCollection))
    })
  }

  router.get('/videos/watch/:id/chapters', activityPubOnly, async (req: Request, res: Response) => {
    const video = await loadFederatedVideo(req)
    sendActivityPub(res, { '@context': buildActivityPubContext('Chapters'), id: videoCollectionUrls(video).hasParts, hasPart: [] })
  })

  return router
}
