/**
 * The federation core, for the modules that federate their objects (videos...). Everything else in this folder
 * is internal.
 */

// Sending
export { sendActivity } from './send/send-activity.js'
export { forwardActivity } from './send/forward-activity.js'
export type { SendActivityOptions } from './send/send-activity.js'
export { getFollowersInboxes, sendToFollowers } from './send/recipients.js'
export type { OutgoingActivity, Activity, ApObject } from './activity-types.js'
export { getObjectId, getObjectType, getActivityActorUrl, isObject } from './activity-types.js'

// Receiving: plug object handlers (Create/Update/Delete/Announce/Like/... of Videos) and crawls
export { registerActivityProcessor, registerDeleteAuthority, registerObjectActivityHandler, processActivity, inboxStats } from './process/index.js'
export type { ActivityContext, ActivityProcessor, ObjectActivityHandler, ObjectActivityType } from './process/index.js'
export { registerCrawlItemHandler } from './jobs/http-fetcher-job.js'
export { registerRefresher } from './jobs/refresher-job.js'
export { setOutboxItemsProvider } from './collections/outbox-items.js'
export type { OutboxItemsProvider } from './collections/outbox-items.js'

// Who may do what, and remote data
export { assertActorOwnsObject, canActorHandleObject, isSameOrigin, OwnershipError } from './ownership.js'
export { fetchRemoteObject } from './fetch-remote.js'
export { getOrCreateActorByUrl, refreshRemoteActor } from './actors/get-actor.js'
export { getServerActor, isServerActor } from './server-actor.js'
export { isLocalUrl } from './local-urls.js'
