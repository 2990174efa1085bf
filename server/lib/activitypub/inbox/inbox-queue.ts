import { loggerWithTags } from '../../../helpers/logger.js'
import { INBOX } from '../../../initializers/constants/federation.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import type { Activity } from '../activity-types.js'
import { processActivity } from '../process/index.js'

const log = loggerWithTags('activitypub', 'inbox')

interface InboxTask {
  activities: Activity[]
  byActors: ActorModel[]
  inboxActor?: ActorModel
}

const waiting: InboxTask[] = []
let running = 0

/**
 * Activities accepted by an inbox (answered 204) wait here and are processed a few at a time, in memory, as
 * PeerTube does. Activities of one request run in their order.
 */
export function queueInboxActivities (task: InboxTask) {
  waiting.push(task)
  drain()
}

/** Number of requests received but not processed yet (tests and shutdown). */
export function pendingInboxTasks () {
  return waiting.length + running
}

function drain () {
  while (running < INBOX.PROCESSING_CONCURRENCY && waiting.length !== 0) {
    const task = waiting.shift()!
    running++
    run(task)
      .catch(err => log.error('Inbox task failed', { err }))
      .finally(() => {
        running--
        drain()
      })
  }
}

async function run (task: InboxTask) {
  for (let i = 0; i < task.activities.length; i++) {
    await processActivity({ activity: task.activities[i], byActor: task.byActors[i], inboxActor: task.inboxActor })
  }
}
