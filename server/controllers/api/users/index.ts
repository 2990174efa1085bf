import { accountRecoveryRouter } from './account-recovery.js'
import { feedTokenRouter } from './feed-token.js'
import { manageUsersRouter } from './manage-users.js'
import { meRouter } from './me.js'
import { registrationsRouter } from './registrations.js'

/** In this order: /users/me and /users/registrations must match before /users/:id does. */
export const usersRouters = [ meRouter, registrationsRouter, accountRecoveryRouter, feedTokenRouter, manageUsersRouter ]
