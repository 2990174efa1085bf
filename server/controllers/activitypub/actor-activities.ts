import express, { type Request, type Response } from 'express'
import { withActivityPubContext } from '../../helpers/activitypub/index.js'
import { servedAudienceOf } from '../../lib/activitypub/comments/build-comment-object.js'
import { localAcceptFollowUrl } from '../../lib/activitypub/local-urls.js'
import { buildRateActivity } from '../../lib/activitypub/rates/build-rate-activities.js'
import { localRateActivityUrl } from '../../lib/activitypub/rates/rate-activity-urls.js'
import { buildFollowActivity } from '../../lib/activitypub/send/follow-activities.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { loadLocalActorByName } from '../../lib/actors/actor-finders.js'
import { loadFollowBetween, loadFollowWithActors } from '../../lib/activitypub/follows/follow-finders.js'
import { loadRateByUrl } from '../../lib/video-rates/rate-finders.js'
import { activityPubOnly, sendActivityPub } from './content-negotiation.js'

// Activities our actors sent, at the ids we gave them: ratings (Like, Dislike), follows and their acceptance.
// A peer that dereferences one gets the activity while it stands, a 404 once it was undone.

const ACTOR_PREFIXES = [ '/accounts', '/video-channels' ]

function numericParam (value: unknown) {
  return /^\d{1,10}$/.test(String(value)) ? Number(value) : undefined
}

async function loadLocalActor (req: Request) {
  const actor = await loadLocalActorByName(String(req.params.name))
  if (!actor) throw notFound(`No local actor named ${String(req.params.name)}`)
  return actor
}

export function buildActorActivitiesRouter () {
  const router = express.Router()

  for (const [ collection, type ] of [ [ 'likes', 'like' ], [ 'dislikes', 'dislike' ] ] as const) {
    router.get(`/accounts/:name/${collection}/:videoId`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadLocalActor(req)
      const videoId = numericParam(req.params.videoId)
      const url = videoId !== undefined ? localRateActivityUrl(actor, { id: videoId }, type) : undefined
      const rate = url ? await loadRateByUrl(url) : null
      if (!rate || rate.type !== type || rate.Account!.actorId !== actor.id) throw notFound(`No ${type} of this video by ${actor.preferredUsername}`)
      sendActivityPub(res, withActivityPubContext(buildRateActivity(type, rate.url, actor, rate.Video!.url, servedAudienceOf(actor)), 'Rate'))
    })
  }

  router.get(ACTOR_PREFIXES.map(prefix => `${prefix}/:name/follows/:targetId`), activityPubOnly, async (req: Request, res: Response) => {
    const actor = await loadLocalActor(req)
    const targetId = numericParam(req.params.targetId)
    const follow = targetId !== undefined ? await loadFollowBetween(actor.id, targetId) : null
    if (!follow) throw notFound('No such follow')
    sendActivityPub(res, withActivityPubContext(buildFollowActivity(follow), 'Follow'))
  })

  router.get('/accepts/follows/:id', activityPubOnly, async (req: Request, res: Response) => {
    const id = numericParam(req.params.id)
    const follow = id !== undefined ? await loadFollowWithActors(id) : null
    if (!follow || follow.state !== 'accepted' || !follow.ActorFollowing?.isLocal()) throw notFound('No such accepted follow')
    sendActivityPub(res, withActivityPubContext({
      type: 'Accept', id: localAcceptFollowUrl(follow.id), actor: follow.ActorFollowing.url, object: buildFollowActivity(follow)
    }, 'Accept'))
  })

  return router
}
