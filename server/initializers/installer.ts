import { randomBytes } from 'node:crypto'
import { UserRole } from '../../shared/models/users.js'
import { logger } from '../helpers/logger.js'
import { createActorKeys } from '../lib/actors/keys.js'
import { createLocalActor } from '../lib/actors/local-actor.js'
import { createUserWithAccountAndChannel } from '../lib/users/create-user.js'
import { AccountModel } from '../models/account/account.js'
import { ActorModel } from '../models/actor/actor.js'
import { OAuthClientModel } from '../models/oauth/oauth-client.js'
import { UserModel } from '../models/user/user.js'
import { CONFIG, isTestInstance } from './config/index.js'
import { SERVER_ACTOR_NAME } from './constants/actors.js'

/** What a first start creates; every step is skipped when its result exists, so it runs at every start. */
export async function installIfNeeded () {
  await createOAuthClientIfMissing()
  await createServerActorIfMissing()
  await createRootUserIfMissing()
}

async function createOAuthClientIfMissing () {
  if (await OAuthClientModel.loadLocal()) return

  await OAuthClientModel.create({
    clientId: randomBytes(16).toString('hex'),
    clientSecret: randomBytes(32).toString('hex'),
    grants: [ 'password', 'refresh_token' ],
    redirectUris: []
  })
}

/** The instance's own actor (an `Application` named like PeerTube's), which follows and is followed by instances. */
async function createServerActorIfMissing () {
  if (await ActorModel.loadLocalByName(SERVER_ACTOR_NAME)) return

  const keys = await createActorKeys()
  const actor = await createLocalActor('Application', SERVER_ACTOR_NAME, keys)
  await AccountModel.create({ name: SERVER_ACTOR_NAME, actorId: actor.id, userId: null })
}

async function createRootUserIfMissing () {
  if (await UserModel.countTotal() !== 0) return

  const given = process.env.PT_INITIAL_ROOT_PASSWORD
  // Test instances have the well-known passwords test1..test3, as PeerTube's do, so tools and people can log in.
  const password = given || (isTestInstance() ? `test${process.env.NODE_APP_INSTANCE ?? ''}` : randomBytes(12).toString('base64url'))

  await createUserWithAccountAndChannel({
    username: 'root',
    email: CONFIG.admin.email,
    password,
    role: UserRole.ADMINISTRATOR,
    videoQuota: -1,
    videoQuotaDaily: -1,
    nsfwPolicy: CONFIG.instance.default_nsfw_policy,
    emailVerified: true
  })

  if (!given && !isTestInstance()) {
    // Printed once, on the console only: the log file must never hold a password.
    process.stdout.write(`\n  Administrator account created: username "root", password "${password}"\n  Keep it: it is not shown again.\n\n`)
  }
  logger.info('Created the administrator account "root"')
}
