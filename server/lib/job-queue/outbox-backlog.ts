import { OutboxEntryModel } from '../../models/outbox/outbox-entry.js'

/** How many outbox entries wait, run or failed, per state and job type (the delivery-health page). */
export async function outboxBacklog () {
  const rows = await OutboxEntryModel.countByState()
  return rows.map(row => ({ state: row.state, jobType: row.jobType, count: Number(row.count) }))
}
