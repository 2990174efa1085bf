import type { AbuseModel } from '../../../models/moderation/abuse.js'
import { onModerationEvent } from '../../moderation/moderation-events.js'
import {
  notifyAbuseNewMessage, notifyAbuseStateChange, notifyMyVideoPublished, notifyNewAbuse, notifyNewRegistrationRequest,
  notifyVideoAutoBlocked, notifyVideoBlocked, notifyVideoUnblocked
} from '../index.js'
import type { AbusePayload } from '../events/abuse-events.js'

// Moderation notifies from the unit of work of each decision (the notify job commits with it).

function abusePayload (abuse: AbuseModel): AbusePayload {
  return {
    abuseId: abuse.id,
    state: abuse.state,
    // A comment's report names its video (and thread) through the comment's snapshot.
    videoId: abuse.videoId ?? abuse.commentSnapshot?.video.id ?? null,
    commentThreadId: abuse.commentSnapshot?.threadId ?? null,
    flaggedAccountId: abuse.flaggedAccountId,
    reporterAccountId: abuse.reporterAccountId
  }
}

export function registerModerationNotifications () {
  onModerationEvent('abuse-created', async ({ abuse }) => {
    await notifyNewAbuse({ ...abusePayload(abuse), reason: abuse.reason })
  })
  onModerationEvent('abuse-state-changed', async ({ abuse }) => {
    await notifyAbuseStateChange(abusePayload(abuse))
  })
  onModerationEvent('abuse-message-added', async ({ abuse, message }) => {
    if (message.accountId === null) return
    await notifyAbuseNewMessage({ ...abusePayload(abuse), messageId: message.id, messageAccountId: message.accountId, message: message.message })
  })

  onModerationEvent('video-blocked', async ({ block, video }) => {
    await notifyVideoBlocked({ videoId: video.id, videoBlacklistId: block.id, reason: block.reason })
  })
  onModerationEvent('video-auto-blocked', async ({ block, video }) => {
    await notifyVideoAutoBlocked({ videoId: video.id, videoBlacklistId: block.id })
  })
  onModerationEvent('video-unblocked', async ({ video, block, wasAutoBlock }) => {
    await notifyVideoUnblocked({ videoId: video.id, videoBlacklistId: block.id })
    // Accepted after review: published now, as far as its owner is concerned (the builder waits for the
    // transcoding to be done; its end reports the event again). Subscribers hear of it from its first Create.
    if (wasAutoBlock) await notifyMyVideoPublished(video)
  })

  // The request's only notification: recorded with the request itself (lib/users/registrations.ts).
  onModerationEvent('registration-requested', async ({ registration }) => {
    await notifyNewRegistrationRequest(registration)
  })
}
