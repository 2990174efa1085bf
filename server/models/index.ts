import type { Sequelize } from 'sequelize'
import { AccountModel } from './account/account.js'
import { VideoChannelModel } from './account/video-channel.js'
import { ActorModel } from './actor/actor.js'
import { ApplicationModel } from './application/application.js'
import { OAuthClientModel } from './oauth/oauth-client.js'
import { OAuthTokenModel } from './oauth/oauth-token.js'
import { ServerModel } from './server/server.js'
import { UserModel } from './user/user.js'

interface RegisteredModel {
  initModel: (sequelize: Sequelize) => void
  associate?: () => void
}

/**
 * Every model of the schema. A new model is added here, and nowhere else, to exist in the database
 * (fresh installs create the schema from these; existing ones get it through a migration).
 */
const MODELS: RegisteredModel[] = [
  ApplicationModel,
  ServerModel,
  ActorModel,
  UserModel,
  AccountModel,
  VideoChannelModel,
  OAuthClientModel,
  OAuthTokenModel
]

export function registerModels (sequelize: Sequelize) {
  for (const model of MODELS) model.initModel(sequelize)
  for (const model of MODELS) model.associate?.()
}
