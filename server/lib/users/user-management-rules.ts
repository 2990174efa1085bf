import { UserRole, type UserRoleType } from '../../../shared/models/users.js'
import type { UserModel } from '../../models/user/user.js'
import { badRequest, forbidden } from '../http-problems/http-problem.js'
import { ProblemCode } from '../http-problems/problem-codes.js'
import { ROOT_USERNAME } from './user-constraints.js'

// Who may act on whom, in one place. The route's right (MANAGE_USERS) lets a moderator in; these rules then keep
// them to plain users, as PeerTube does: only administrators manage moderators and administrators.

function isAdministrator (user: UserModel) {
  return user.role === UserRole.ADMINISTRATOR
}

/** A moderator manages users with the User role only; an administrator manages everyone. */
export function ensureCanManageUser (actor: UserModel, target: UserModel) {
  if (isAdministrator(actor)) return
  if (target.role !== UserRole.USER) {
    throw forbidden('A moderator can only manage users with the User role', ProblemCode.NOT_ALLOWED)
  }
}

/** A moderator may create users, and set the User role only; an administrator may grant any role. */
export function ensureCanGrantRole (actor: UserModel, role: UserRoleType) {
  if (isAdministrator(actor)) return
  if (role !== UserRole.USER) {
    throw forbidden('Only an administrator can create or promote moderators and administrators', ProblemCode.NOT_ALLOWED)
  }
}

export function ensureNotRoot (target: UserModel, action: 'delete' | 'block' | 'change the role of') {
  if (target.username === ROOT_USERNAME) throw badRequest(`Cannot ${action} the root user`)
}
