import { UserRole } from '../../../../shared/models/users.js'
import { AccountModel } from '../../../models/account/account.js'
import { AccountBlocklistModel } from '../../../models/moderation/account-blocklist.js'
import { UserModel } from '../../../models/user/user.js'
import { conflict, forbidden, HttpProblem } from '../../http-problems/http-problem.js'
import { ProblemCode } from '../../http-problems/problem-codes.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { getInstanceAccount } from '../instance-account.js'

/** The account behind a handle (`name` or `name@host`), as known here; 404 naming the field otherwise. */
export async function loadAccountToMute (handle: string, location: 'body' | 'params') {
  const field = 'accountName'
  const account = await AccountModel.loadByHandle(handle)
  if (!account) {
    throw new HttpProblem({
      status: 404,
      detail: `Account ${handle} not found`,
      invalidParams: { [field]: { type: 'field', value: handle, msg: 'Should be an account known to this instance', path: field, location } }
    })
  }
  return account
}

/**
 * `byAccount` mutes `target`: a user's account (hidden from them), or the instance's (hidden from everyone and
 * its follows refused) when `moderator` acts for the instance. Muting again is a no-op. A moderator may not mute
 * the instance's administrators or moderators: only an administrator may.
 */
export async function muteAccount (options: { byAccount: AccountModel, target: AccountModel, moderator?: UserModel }) {
  const { byAccount, target, moderator } = options
  if (target.id === byAccount.id || (moderator && target.userId === moderator.id)) throw conflict('You cannot block yourself')

  if (moderator) {
    const instance = await getInstanceAccount()
    if (target.id === instance.id) throw conflict('You cannot block the instance itself')
    if (target.userId) {
      const owner = await UserModel.findByPk(target.userId)
      if (owner && owner.role !== UserRole.USER && moderator.role !== UserRole.ADMINISTRATOR) {
        throw forbidden('A moderator cannot block an administrator or a moderator', ProblemCode.NOT_ALLOWED)
      }
    }
  }

  await unitOfWork(async () => {
    if (await AccountBlocklistModel.load(byAccount.id, target.id)) return
    await AccountBlocklistModel.create({ accountId: byAccount.id, targetAccountId: target.id })
  })
}

/** 404 when `byAccount` had not muted `target`. */
export async function unmuteAccount (byAccount: AccountModel, target: AccountModel) {
  const block = await AccountBlocklistModel.load(byAccount.id, target.id)
  if (!block) throw new HttpProblem({ status: 404, detail: 'This account is not blocked' })
  await block.destroy()
}
