import type { Migration } from '../migrator.js'
import { IdentityConflictModel } from '../../models/activitypub/identity-conflict.js'

/** Identifiers (video uuids, handles, hosts) claimed by a second origin, kept for administrators. */
export const up: Migration['up'] = async () => {
  await IdentityConflictModel.sync()
}
