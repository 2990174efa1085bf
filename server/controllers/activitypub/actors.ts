import express, { type Request, type Response } from 'express'
import { buildLocalActorDocument } from '../../lib/activitypub/actors/local-actor-document.js'
import { actorFollowersCollection, actorFollowingCollection, actorPlaylistsCollection } from '../../lib/activitypub/collections/actor-collections.js'
import { buildOrderedCollection, parsePageParam } from '../../lib/activitypub/collections/ordered-collection.js'
import { listOutboxItems } from '../../lib/activitypub/collections/outbox-items.js'
import { loadLocalActorByName } from '../../lib/actors/actor-finders.js'
import { notFound } from '../../lib/http-problems/http-problem.js'
import type { ActorModel } from '../../models/actor/actor.js'
import { activityPubOnly, sendActivityPub } from './content-negotiation.js'

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
      const actor = await loadLocalActorByName(String(req.params.name))
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
      sendActivityPub(res, await actorFollowersCollection(actor, parsePageParam(req.query.page)))
    })

    router.get(`${kind.prefix}/:name/following`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadActor(req)
      sendActivityPub(res, await actorFollowingCollection(actor, parsePageParam(req.query.page)))
    })

    router.get(`${kind.prefix}/:name/outbox`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadActor(req)
      sendActivityPub(res, await buildOrderedCollection(actor.outboxUrl ?? `${actor.url}/outbox`, parsePageParam(req.query.page),
        (start, count) => listOutboxItems(actor, start, count)))
    })

    // Public playlists of an account, or shown on a channel.
    router.get(`${kind.prefix}/:name/playlists`, activityPubOnly, async (req: Request, res: Response) => {
      const actor = await loadActor(req)
      sendActivityPub(res, await actorPlaylistsCollection(actor, parsePageParam(req.query.page)))
    })
  }

  return router
}
