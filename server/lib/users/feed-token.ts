import { randomUUID } from 'node:crypto'
import { UserModel } from '../../models/user/user.js'

// The token of a user's private feeds (/feeds/subscriptions.*), since feed readers cannot log in.

export async function readFeedToken (userId: number) {
  const user = await UserModel.findByPk(userId, { attributes: [ 'id', 'feedToken' ] })
  return { feedToken: user!.feedToken }
}

/** A new token: feeds read with the old one stop working. */
export async function renewFeedToken (userId: number) {
  await UserModel.update({ feedToken: randomUUID() }, { where: { id: userId } })
  return readFeedToken(userId)
}
