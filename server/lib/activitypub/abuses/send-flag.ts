import { WEBSERVER } from '../../../initializers/config/index.js'
import { ABUSE_ACTIVITY_PATH } from '../../../initializers/constants/moderation.js'
import type { AccountModel } from '../../../models/account/account.js'
import type { AbuseModel } from '../../../models/moderation/abuse.js'
import { predefinedReasonNames } from '../../../models/moderation/formatters/abuse-formatter.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { targetObjectUrl, type AbuseTarget } from '../../moderation/abuses/abuse-target.js'
import type { OutgoingActivity } from '../activity-types.js'
import { sendActivity } from '../send/send-activity.js'
import { getServerActor } from '../server-actor.js'

const log = loggerWithTags('activitypub', 'abuses')

export function localAbuseActivityUrl (abuseId: number) {
  return `${WEBSERVER.URL}${ABUSE_ACTIVITY_PATH}${abuseId}`
}

/**
 * PeerTube's Flag: the report's reason (Markdown), its predefined reasons as Hashtags, the reported object's URL
 * and, for a video, the reported time range. Addressed to the flagged account only.
 */
export function buildFlagActivity (abuse: AbuseModel, target: AbuseTarget, byActorUrl: string, flaggedActorUrl: string): OutgoingActivity {
  const activity: OutgoingActivity = {
    type: 'Flag',
    id: localAbuseActivityUrl(abuse.id),
    actor: byActorUrl,
    to: [ flaggedActorUrl ],
    cc: [],
    content: abuse.reason,
    mediaType: 'text/markdown',
    object: targetObjectUrl(target),
    tag: predefinedReasonNames(abuse.predefinedReasons).map(name => ({ type: 'Hashtag', name }))
  }
  if (abuse.startAt !== null) activity.startAt = abuse.startAt
  if (abuse.endAt !== null) activity.endAt = abuse.endAt
  return activity
}

/**
 * Forwards a report about a remote object to its origin, from our server actor (as PeerTube: the reporter is not
 * named to the other instance). Call it inside the report's unit of work: the delivery is part of it.
 */
export async function sendFlag (options: { abuse: AbuseModel, target: AbuseTarget, flaggedAccount: AccountModel }) {
  const flaggedActor = options.flaggedAccount.Actor
  if (!flaggedActor || flaggedActor.isLocal()) return

  const serverActor = await getServerActor()
  const activity = buildFlagActivity(options.abuse, options.target, serverActor.url, flaggedActor.url)
  log.info(`Sending Flag ${activity.id} of ${String(activity.object)} to ${flaggedActor.url}`)
  await sendActivity(activity, { byActor: serverActor, toInboxes: [ flaggedActor.sharedInboxUrl ?? flaggedActor.inboxUrl ], contextType: 'Flag' })
}
