import { QueryTypes, type Transaction } from 'sequelize'
import { AccountModel } from '../../account/account.js'
import { VideoChannelModel } from '../../account/video-channel.js'
import { ServerModel } from '../../server/server.js'
import { ActorModel } from '../actor.js'

// Actor look-ups federation needs beyond ActorModel's own (kept here so actor.ts stays small).

/** An actor by handle: `name` alone is local, `name@host` remote (or local when host is ours, see caller). */
export async function loadActorByNameAndHost (preferredUsername: string, host: string | null, transaction?: Transaction) {
  if (host === null) return ActorModel.findOne({ where: { preferredUsername, serverId: null }, transaction })

  return ActorModel.findOne({
    where: { preferredUsername },
    include: [ { model: ServerModel, required: true, where: { host } } ],
    transaction
  })
}

export async function loadActorWithServer (id: number, transaction?: Transaction) {
  return ActorModel.findByPk(id, { include: [ { model: ServerModel, required: false } ], transaction })
}

export async function loadAccountByActorId (actorId: number, transaction?: Transaction) {
  return AccountModel.findOne({ where: { actorId }, include: [ AccountModel.withActor() ], transaction })
}

export async function loadChannelByActorId (actorId: number, transaction?: Transaction) {
  return VideoChannelModel.findOne({ where: { actorId }, include: VideoChannelModel.fullInclude(), transaction })
}

/** Local channel or account by its actor's name. */
export async function loadLocalAccountByName (name: string) {
  return AccountModel.findOne({
    include: [ { model: ActorModel, required: true, where: { preferredUsername: name, serverId: null } } ]
  })
}

export async function loadLocalChannelByName (name: string) {
  return VideoChannelModel.findOne({
    include: [
      { model: ActorModel, required: true, where: { preferredUsername: name, serverId: null } },
      { model: AccountModel, required: true, include: [ AccountModel.withActor() ] }
    ]
  })
}

/** Number of rows of `table` matching `where` (a fixed SQL condition), or 0 when the table does not exist yet. */
/** NodeInfo's usage figures: users who logged in within the interval, and local videos (0 while a table is missing). */
export function countUsersActiveWithin (interval: '1 month' | '6 months') {
  return countRowsIfTableExists('user', `"lastLoginDate" > now() - interval '${interval === '1 month' ? '1 month' : '6 months'}'`)
}

export function countLocalVideos () {
  return countRowsIfTableExists('video', '"remote" = false')
}

async function countRowsIfTableExists (table: string, where: string) {
  const sequelize = ActorModel.sequelize!
  const [ exists ] = await sequelize.query<{ exists: boolean }>(
    'SELECT to_regclass(:table) IS NOT NULL AS "exists"',
    { replacements: { table: `"${table}"` }, type: QueryTypes.SELECT }
  )
  if (!exists?.exists) return 0

  const [ row ] = await sequelize.query<{ total: string }>(
    `SELECT count(*) AS "total" FROM "${table}" WHERE ${where}`,
    { type: QueryTypes.SELECT }
  )
  return Number(row?.total ?? 0)
}
