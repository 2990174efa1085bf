import { WEBSERVER } from '../../../initializers/config/index.js'
import type { AccountModel } from '../../../models/account/account.js'
import { ServerBlocklistModel } from '../../../models/moderation/server-blocklist.js'
import { ServerModel } from '../../../models/server/server.js'
import { conflict, HttpProblem } from '../../http-problems/http-problem.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'

/**
 * `byAccount` mutes a whole instance: a user's account (hidden from them) or the instance's (hidden from
 * everyone; the inbox refuses its activities, nothing is delivered to it). The host need not be known yet: a
 * server row is made, so a block can come before the first contact. Muting again is a no-op.
 */
export async function muteServer (byAccount: AccountModel, host: string) {
  const normalized = host.toLowerCase()
  if (normalized === WEBSERVER.HOST.toLowerCase()) throw conflict('You cannot block your own instance')

  await unitOfWork(async () => {
    const server = await ServerModel.loadOrCreateByHost(normalized)
    if (await ServerBlocklistModel.load(byAccount.id, server.id)) return
    await ServerBlocklistModel.create({ accountId: byAccount.id, targetServerId: server.id })
  })
}

/** 404 when `byAccount` had not muted `host`. */
export async function unmuteServer (byAccount: AccountModel, host: string) {
  const server = await ServerModel.findOne({ where: { host: host.toLowerCase() } })
  const block = server ? await ServerBlocklistModel.load(byAccount.id, server.id) : null
  if (!block) throw new HttpProblem({ status: 404, detail: `${host} is not blocked` })
  await block.destroy()
}
