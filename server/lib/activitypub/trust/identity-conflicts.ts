import { loggerWithTags } from '../../../helpers/logger.js'
import { IdentityConflictModel, type IdentityConflictKind } from '../../../models/activitypub/identity-conflict.js'
import { outsideUnitOfWork } from '../../unit-of-work/unit-of-work.js'

const log = loggerWithTags('activitypub', 'identity')

export interface IdentityConflict {
  kind: IdentityConflictKind
  identifier: string
  holderUrl: string
  claimantUrl: string
  outcome: 'refused' | 'substitute-uuid'
  substitute?: string
}

/**
 * A remote object claimed an identifier another origin holds here (the holder keeps it): logged, and kept for
 * administrators. Recorded outside the caller's unit of work, so a refusal that rolls it back is still recorded.
 */
export async function noteIdentityConflict (conflict: IdentityConflict) {
  log.warn(`${conflict.claimantUrl} claims the ${conflict.kind} ${conflict.identifier}, held here by ${conflict.holderUrl}: ` +
    (conflict.outcome === 'refused' ? 'refused' : `stored under the substitute ${conflict.substitute}`))
  await outsideUnitOfWork(() => IdentityConflictModel.record(conflict))
    .catch(err => log.error('Cannot record an identity conflict', { err }))
}
