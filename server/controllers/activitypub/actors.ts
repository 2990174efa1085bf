import express, { type Request, type Response } from 'express'
import { buildLocalActorDocument } from '../../lib/activitypub/actors/local-actor-document.js'
import { buildOrderedCollection, parsePageParam } from '../../lib/activitypub/collections/ordered-collection.js'
import { listOutboxItems } from '../../lib/activitypub/collections/outbox-items.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { ActorFollowModel } from '../../models/actor/actor-follow.js'
import { ActorModel } from '../../models/actor/actor.js'
import { activityPubOnly, sendActivityPub } from './content-negotiation.js'
import { AccountModel } from '../../models/account/account.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { listPublicPlaylistUrls } from '../../models/video/queries/playlist-list-query.js'

// GET of our actors and their collections, at PeerTube's URLs: accounts (and the server actor) under
// /accounts/, channels under /video-channels/.

const KINDS = [
  { prefix: '/accounts', isKind: (actor: ActorModel) => actor.type !== 'Group', what: 'account' },
  { prefix: '/video-channels', isKind: (actor: ActorModel) => actor.type === 'Group', what: 'video channel' }
] as const

export function buildActorsRouter () {
  const router = express.Router()

  for (const kind of KINDS) {
    const loadActor = async (req: Request) => {
      const actor = await ActorModel.loadLocalByName(String(req.params.name))
      if (!actor || !kind.isKind(actor)) throw notFound(`No local ${kind.what} named ${String(req.params.name)}`)
      return actor
    }

    router.get(`${kind.prefix}/:name`, activityPubOnly, async (req: Request, res: Response) => {
      const document = await buildLocalActorDocument(await loadActor(req))
      if (!document) throw notFound(`No local ${kind.what} named ${String(req.params.name)}`)
      sendActivityPub(res, document)
    })

    router.get(`${kind.prefix}/:name/followers`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadActor(req)
      sendActivityPub(res, await buildOrderedCollection(actor.followersUrl ?? `${actor.url}/followers`, parsePageParam(req.query.page),
        (start, count) => ActorFollowModel.listFollowerUrls(actor.id, start, count)))
    })

    router.get(`${kind.prefix}/:name/following`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadActor(req)
      sendActivityPub(res, await buildOrderedCollection(actor.followingUrl ?? `${actor.url}/following`, parsePageParam(req.query.page),
        (start, count) => ActorFollowModel.listFollowingUrls(actor.id, start, count)))
    })

    router.get(`${kind.prefix}/:name/outbox`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadActor(req)
      sendActivityPub(res, await buildOrderedCollection(actor.outboxUrl ?? `${actor.url}/outbox`, parsePageParam(req.query.page),
        (start, count) => listOutboxItems(actor, start, count)))
    })

    // Public playlists of an account, or shown on a channel.
    router.get(`${kind.prefix}/:name/playlists`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadActor(req)
      const owner = actor.type === 'Group'
        ? { channelId: (await VideoChannelModel.findOne({ where: { actorId: actor.id }, attributes: [ 'id' ] }))?.id }
        : { accountId: (await AccountModel.findOne({ where: { actorId: actor.id }, attributes: [ 'id' ] }))?.id }
      sendActivityPub(res, await buildOrderedCollection(`${actor.url}/playlists`, parsePageParam(req.query.page),
        (start, count) => listPublicPlaylistUrls(owner, start, count)))
    })
  }

  return router
}
