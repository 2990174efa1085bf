import { literal } from 'sequelize'

// Conditions of the video list that come from a viewer's library (subscriptions, history), kept apart from the
// list query itself so they plug into whichever builder lists videos.

function integer (value: number, what: string) {
  if (!Number.isInteger(value)) throw new Error(`${what} must be an integer`)
  return value
}

/** Videos of the channels `followerActorId` follows (accepted follows). */
export function subscribedChannelsCondition (followerActorId: number) {
  return literal(
    '"Video"."channelId" IN (SELECT c."id" FROM "videoChannel" c JOIN "actorFollow" f ON f."targetActorId" = c."actorId" ' +
    `WHERE f."actorId" = ${integer(followerActorId, 'followerActorId')} AND f."state" = 'accepted')`
  )
}

/** Videos the user has not watched (not in their history). */
export function notWatchedByCondition (userId: number) {
  return literal(`"Video"."id" NOT IN (SELECT h."videoId" FROM "userVideoHistory" h WHERE h."userId" = ${integer(userId, 'userId')})`)
}
