import type { Migration } from '../migrator.js'
import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'
import { ReceivedSignatureModel } from '../../models/activitypub/received-signature.js'

/**
 * The transactional outbox (jobs written with the changes that need them) and the inbox's replay memory. The
 * migration's transaction is joined by these queries through the transaction context.
 */
export const up: Migration['up'] = async () => {
  await OutboxEntryModel.sync()
  await ReceivedSignatureModel.sync()
}
