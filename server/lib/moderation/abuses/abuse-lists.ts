import { AbuseMessageModel } from '../../../models/moderation/abuse-message.js'
import { listAbuses } from '../../../models/moderation/queries/abuse-list-query.js'

// Reports as the moderators and their reporters list them, and a report's conversation.

/** With each report's figures (how often its reportee was reported, and so on). */
export function listAbusesForApi (filters: Parameters<typeof listAbuses>[0]) {
  return listAbuses(filters)
}

export function listAbuseMessages (abuseId: number) {
  return AbuseMessageModel.listByAbuse(abuseId)
}
