import type { ActorModel } from '../../../models/actor/actor.js'
import type { CollectionSlice } from './ordered-collection.js'

/**
 * What an actor's outbox lists: PeerTube shows the Create of each public video of an account and the Announce
 * of each video of a channel. The video module plugs its provider here; until then outboxes are empty.
 */
export type OutboxItemsProvider = (actor: ActorModel, start: number, count: number) => Promise<CollectionSlice<object>>

let provider: OutboxItemsProvider = async () => ({ total: 0, data: [] })

export function setOutboxItemsProvider (newProvider: OutboxItemsProvider) {
  provider = newProvider
}

export function listOutboxItems (actor: ActorModel, start: number, count: number) {
  return provider(actor, start, count)
}
