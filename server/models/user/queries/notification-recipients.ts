import { QueryTypes } from 'sequelize'
import type { UserRightType } from '../../../../shared/models/users.js'
import { USER_RIGHTS_BY_ROLE } from '../../../initializers/constants/users.js'
import { UserModel } from '../user.js'

// Who is told of an event: user ids, found from the objects involved. Blocked users are told nothing.

const sequelize = () => UserModel.sequelize!

/** Local users whose account follows this channel actor (accepted): its subscribers. */
export async function listSubscriberUserIds (channelActorId: number) {
  const rows = await sequelize().query<{ id: number }>(
    'SELECT DISTINCT u."id" FROM "actorFollow" f ' +
    'JOIN "account" a ON a."actorId" = f."actorId" JOIN "user" u ON u."id" = a."userId" ' +
    'WHERE f."targetActorId" = :channelActorId AND f."state" = \'accepted\' AND u."blocked" = false',
    { replacements: { channelActorId }, type: QueryTypes.SELECT }
  )
  return rows.map(row => row.id)
}

/** Users whose role has this right (administrators have all). */
export async function listUserIdsWithRight (right: UserRightType) {
  const roles = Object.entries(USER_RIGHTS_BY_ROLE)
    .filter(([ , rights ]) => rights.includes(0 as UserRightType) || rights.includes(right))
    .map(([ role ]) => Number(role))
  const users = await UserModel.findAll({ attributes: [ 'id' ], where: { role: roles, blocked: false } })
  return users.map(user => user.id)
}

/**
 * The local user behind an actor: the user of an account actor, or the owner of a channel actor. Undefined for
 * remote actors and the server actor.
 */
export async function findUserIdOfActor (actorId: number) {
  const rows = await sequelize().query<{ id: number }>(
    'SELECT u."id" FROM "user" u JOIN "account" a ON a."userId" = u."id" ' +
    'WHERE a."actorId" = :actorId OR a."id" IN (SELECT c."accountId" FROM "videoChannel" c WHERE c."actorId" = :actorId) LIMIT 1',
    { replacements: { actorId }, type: QueryTypes.SELECT }
  )
  return rows[0]?.id
}

/** The local user owning the channel of this video, if it is ours. */
export async function findOwnerUserIdOfVideo (videoId: number) {
  const rows = await sequelize().query<{ id: number }>(
    'SELECT u."id" FROM "video" v JOIN "videoChannel" c ON c."id" = v."channelId" JOIN "account" a ON a."id" = c."accountId" ' +
    'JOIN "user" u ON u."id" = a."userId" WHERE v."id" = :videoId',
    { replacements: { videoId }, type: QueryTypes.SELECT }
  )
  return rows[0]?.id
}

/** Local users behind these accounts (mentions, replies): unknown and remote accounts are skipped. */
export async function findUserIdsOfAccounts (accountIds: number[]) {
  if (accountIds.length === 0) return []
  const rows = await sequelize().query<{ id: number }>(
    'SELECT u."id" FROM "account" a JOIN "user" u ON u."id" = a."userId" WHERE a."id" IN (:accountIds) AND u."blocked" = false',
    { replacements: { accountIds }, type: QueryTypes.SELECT }
  )
  return rows.map(row => row.id)
}

/** What e-mails need of recipients. */
export async function loadRecipients (userIds: number[]) {
  if (userIds.length === 0) return []
  return UserModel.findAll({ attributes: [ 'id', 'email', 'emailVerified', 'blocked', 'username' ], where: { id: userIds } })
}
