import type { UserModel } from './user.js'

/**
 * A logged-in user, with their account and its actor loaded (what the bearer-token check loads). Defined beside the
 * model so that lib/ can take it without knowing about HTTP.
 */
export type AuthenticatedUser = UserModel & { Account: NonNullable<UserModel['Account']> }
