import { IdentityConflictModel } from '../../../models/activitypub/identity-conflict.js'

/** The admins' page of identity conflicts (remote objects that claimed what another origin holds here). */
export async function listIdentityConflicts (options: Parameters<typeof IdentityConflictModel.listForApi>[0]) {
  const { total, data } = await IdentityConflictModel.listForApi(options)
  return { total, data: data.map(formatIdentityConflict) }
}

export function formatIdentityConflict (c: IdentityConflictModel) {
  return {
    id: c.id,
    kind: c.kind,
    identifier: c.identifier,
    holderUrl: c.holderUrl,
    claimantUrl: c.claimantUrl,
    outcome: c.outcome,
    substitute: c.substitute,
    occurrences: c.occurrences,
    resolvedAt: c.resolvedAt ? c.resolvedAt.toISOString() : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString()
  }
}
