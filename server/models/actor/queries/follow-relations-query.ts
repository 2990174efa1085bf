import { QueryTypes, type Transaction } from 'sequelize'
import type { FollowState } from '../../../initializers/constants/federation.js'
import { ActorModel } from '../actor.js'

// Who follows what, as the trust rules of federation ask it (lib/activitypub/trust/). Remote actors are named by
// URL and hosts, so the question can be asked before anything about them is stored.

/**
 * True when a local actor (the instance or a user) follows, in one of `states`, an actor among `actorUrls`, or the
 * instance actor (type Application) of a host among `instanceHosts` (an instance follow covers its whole host).
 */
export async function isFollowedByLocalActor (options: { actorUrls: string[], instanceHosts: string[], states: FollowState[], followerActorId?: number, transaction?: Transaction }) {
  const actorUrls = options.actorUrls.length !== 0 ? options.actorUrls : [ '' ]
  const instanceHosts = options.instanceHosts.length !== 0 ? options.instanceHosts : [ '' ]
  const rows = await ActorModel.sequelize!.query(
    'SELECT 1 FROM "actorFollow" f ' +
    'INNER JOIN "actor" follower ON follower."id" = f."actorId" AND follower."serverId" IS NULL ' +
    'INNER JOIN "actor" target ON target."id" = f."targetActorId" AND target."serverId" IS NOT NULL ' +
    'LEFT JOIN "server" s ON s."id" = target."serverId" ' +
    'WHERE f."state" IN (:states) ' +
    (options.followerActorId !== undefined ? 'AND f."actorId" = :followerActorId ' : '') +
    'AND (target."url" IN (:actorUrls) OR (target."type" = \'Application\' AND s."host" IN (:instanceHosts))) LIMIT 1',
    {
      replacements: { states: options.states, actorUrls, instanceHosts, followerActorId: options.followerActorId ?? null },
      type: QueryTypes.SELECT,
      transaction: options.transaction
    }
  )
  return rows.length !== 0
}

/** True when an actor of `host` follows one of our actors, or one of ours follows an actor of `host`. */
export async function hasFollowRelationWithHost (host: string, states: FollowState[]) {
  const rows = await ActorModel.sequelize!.query(
    'SELECT 1 FROM "actorFollow" f ' +
    'INNER JOIN "actor" a ON a."id" = f."actorId" INNER JOIN "actor" t ON t."id" = f."targetActorId" ' +
    'LEFT JOIN "server" sa ON sa."id" = a."serverId" LEFT JOIN "server" st ON st."id" = t."serverId" ' +
    'WHERE f."state" IN (:states) AND ((a."serverId" IS NULL AND st."host" = :host) OR (t."serverId" IS NULL AND sa."host" = :host)) LIMIT 1',
    { replacements: { host, states }, type: QueryTypes.SELECT }
  )
  return rows.length !== 0
}
