import { UniqueConstraintError } from 'sequelize'
import { ActorModel } from '../../models/actor/actor.js'
import { UserRegistrationModel } from '../../models/user/user-registration.js'
import { UserModel } from '../../models/user/user.js'
import { HttpProblem, invalidField } from '../http-problems/http-problem.js'

/** A 409 that names the field holding the taken value, shaped like validation errors. */
export function conflictOnField (path: string, msg: string, value?: unknown) {
  return new HttpProblem({
    status: 409,
    detail: msg,
    invalidParams: { [path]: { type: 'field', value, msg, path, location: 'body' } }
  })
}

/**
 * Local actor names (accounts, channels, the instance actor) share one namespace, as in PeerTube: a handle
 * `name@host` must designate one actor only.
 */
export async function ensureActorNameIsFree (name: string, field: string) {
  if (await ActorModel.isLocalNameTaken(name)) {
    throw conflictOnField(field, 'Another account or channel of this instance already has this name', name)
  }
}

/**
 * Refuses a new user (or registration) whose username, email or channel name is held by a user, a registration
 * or an actor. The database's unique indexes still catch a race between two requests (see translateUniqueError).
 */
export async function ensureNewUserIsAvailable (options: {
  username: string
  email: string
  channelName?: string
  exceptRegistrationId?: number
}) {
  const { username, email, channelName, exceptRegistrationId } = options

  if (channelName !== undefined && channelName === username) {
    throw invalidField('body', 'channelName', 'The channel name cannot be the same as the username', channelName)
  }

  const existing = await UserModel.loadByUsernameOrEmail(username, email)
  if (existing) {
    const field = existing.username === username.toLowerCase() ? 'username' : 'email'
    throw conflictOnField(field, 'A user with this username or email already exists', field === 'username' ? username : email)
  }

  const registration = await UserRegistrationModel.loadConflicting({ username, email, channelName, exceptId: exceptRegistrationId })
  if (registration) {
    const field = registration.username === username.toLowerCase()
      ? 'username'
      : registration.email === email.toLowerCase() ? 'email' : 'channelName'
    throw conflictOnField(field, 'A registration with this username, email or channel name already exists')
  }

  await ensureActorNameIsFree(username, 'username')
  if (channelName !== undefined) await ensureActorNameIsFree(channelName, 'channelName')
}

/** `base`, or `base-1`, `base-2`... : the first local actor name nobody holds. */
export async function findAvailableActorName (base: string) {
  for (let i = 0; i < 50; i++) {
    const candidate = i === 0 ? base : `${base}-${i}`
    if (!await ActorModel.isLocalNameTaken(candidate)) return candidate
  }
  throw conflictOnField('channelName', 'Cannot find a free channel name: choose one', base)
}

/** Two concurrent creations of the same name pass the checks; the loser's unique index violation becomes a 409. */
export async function translateUniqueError<T> (work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof UniqueConstraintError) {
      throw new HttpProblem({ status: 409, detail: 'This username, email or name is already taken' })
    }
    throw err
  }
}
