import bcrypt from 'bcryptjs'
import type { Transaction } from 'sequelize'
import type { NSFWPolicy, UserRoleType } from '../../../shared/models/users.js'
import { BCRYPT_COST } from '../../initializers/constants/users.js'
import { sequelize } from '../../initializers/database.js'
import { AccountModel } from '../../models/account/account.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { UserModel } from '../../models/user/user.js'
import { createActorKeys } from '../actors/keys.js'
import { createLocalActor } from '../actors/local-actor.js'
import { createWatchLaterPlaylist } from '../playlists/watch-later.js'

export interface NewUser {
  username: string
  email: string
  /** The password in clear, hashed here; or `passwordHash` when it was hashed earlier (an accepted registration). */
  password?: string
  passwordHash?: string
  role: UserRoleType
  videoQuota: number
  videoQuotaDaily: number
  nsfwPolicy: NSFWPolicy
  emailVerified?: boolean | null
  displayName?: string
  adminFlags?: number
}

export interface NewChannel {
  name: string
  displayName: string
}

export async function hashPassword (password: string) {
  return bcrypt.hash(password, BCRYPT_COST)
}

export async function isPasswordMatching (password: string, hash: string) {
  return bcrypt.compare(password, hash)
}

async function passwordHashOf (data: NewUser) {
  if (data.passwordHash) return data.passwordHash
  if (data.password === undefined) throw new Error('A new user needs a password or a password hash')
  return hashPassword(data.password)
}

/** The default channel name PeerTube gives a new user, when it is free. */
export function defaultChannelFor (username: string): NewChannel {
  return { name: `${username}_channel`, displayName: `Main ${username} channel` }
}

/**
 * A user always comes with its account and a first channel, each with an actor and keys: all or nothing.
 * Keys are generated before the transaction so it stays short.
 */
export async function createUserWithAccountAndChannel (data: NewUser, channel: NewChannel = defaultChannelFor(data.username)) {
  const [ passwordHash, accountKeys, channelKeys ] = await Promise.all([ passwordHashOf(data), createActorKeys(), createActorKeys() ])

  return sequelize().transaction(async (transaction: Transaction) => {
    const user = await UserModel.create({
      username: data.username.toLowerCase(),
      email: data.email.toLowerCase(),
      password: passwordHash,
      role: data.role,
      videoQuota: data.videoQuota,
      videoQuotaDaily: data.videoQuotaDaily,
      nsfwPolicy: data.nsfwPolicy,
      emailVerified: data.emailVerified ?? null,
      adminFlags: data.adminFlags ?? 0
    }, { transaction })

    const accountActor = await createLocalActor('Person', user.username, accountKeys, transaction)
    const account = await AccountModel.create({
      name: data.displayName ?? user.username,
      actorId: accountActor.id,
      userId: user.id
    }, { transaction })

    const channelActor = await createLocalActor('Group', channel.name, channelKeys, transaction)
    const videoChannel = await VideoChannelModel.create({
      name: channel.displayName,
      actorId: channelActor.id,
      accountId: account.id
    }, { transaction })
    await createWatchLaterPlaylist(account, transaction)

    return { user, account, videoChannel }
  })
}
