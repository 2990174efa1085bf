import { ABUSE_PREDEFINED_REASONS, type AbusePredefinedReason } from '../../../../shared/models/client-moderation.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { ABUSE_CONSTRAINTS } from '../../../initializers/constants/moderation.js'
import { AccountModel } from '../../../models/account/account.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { AbuseModel } from '../../../models/moderation/abuse.js'
import { summaryIncludes } from '../../../models/video/queries/video-includes.js'
import { VideoModel } from '../../../models/video/video.js'
import { flaggedAccountOf, type AbuseTarget } from '../../moderation/abuses/abuse-target.js'
import { createAbuse } from '../../moderation/abuses/create-abuse.js'
import { loadReportableCommentByUrl } from '../../moderation/abuses/reportable-comments.js'
import { getObjectId, isObject } from '../activity-types.js'
import type { ActivityContext } from '../process/activity-context.js'

const log = loggerWithTags('activitypub', 'abuses')

/** The video, comment or account a Flag names, if we have it. */
async function findTarget (url: string, startAt: number | undefined, endAt: number | undefined): Promise<AbuseTarget | undefined> {
  const video = await VideoModel.findOne({ where: { url }, include: summaryIncludes() })
  if (video) return { type: 'video', video, startAt, endAt }

  const comment = await loadReportableCommentByUrl(url)
  if (comment) return { type: 'comment', comment }

  const actor = await ActorModel.loadByUrl(url)
  const account = actor ? await AccountModel.findOne({ where: { actorId: actor.id }, include: [ AccountModel.withActor() ] }) : null
  return account ? { type: 'account', account } : undefined
}

function secondsOrUndefined (value: unknown) {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

/**
 * A Flag from another instance (PeerTube sends them from its server actor, Mastodon from its instance actor):
 * each object we have becomes a report here, by the sender's account, with the reasons its Hashtags name. A Flag
 * delivered twice makes its reports once. Objects we do not know are ignored.
 */
export async function processFlag ({ activity, byActor }: ActivityContext) {
  if (byActor.isLocal()) return true
  const reporter = await AccountModel.findOne({ where: { actorId: byActor.id }, include: [ AccountModel.withActor() ] })
  if (!reporter) {
    log.warn(`Flag ${activity.id} by ${byActor.url}, which is not an account: ignored`)
    return true
  }

  const reason = (typeof activity.content === 'string' ? activity.content : '').slice(0, ABUSE_CONSTRAINTS.REASON.max)
  const tags = Array.isArray(activity.tag) ? activity.tag : []
  const predefinedReasons = tags
    // Own keys only: a Hashtag named "constructor" must not read what every object inherits.
    .map(tag => (isObject(tag) && typeof tag.name === 'string' && Object.hasOwn(ABUSE_PREDEFINED_REASONS, tag.name)
      ? ABUSE_PREDEFINED_REASONS[tag.name as AbusePredefinedReason]
      : undefined))
    .filter((value): value is NonNullable<typeof value> => value !== undefined)
  const startAt = secondsOrUndefined(activity.startAt)
  const endAt = secondsOrUndefined(activity.endAt)

  const objects = Array.isArray(activity.object) ? activity.object : [ activity.object ]
  for (const object of objects.slice(0, 20)) {
    const url = getObjectId(object)
    if (!url) continue
    const target = await findTarget(url, startAt, endAt)
    if (!target) {
      log.info(`Flag ${activity.id} by ${byActor.url} of ${url}, which we do not have: ignored`)
      continue
    }

    const flagged = flaggedAccountOf(target)
    const videoId = target.type === 'video' ? target.video.id : null
    const commentId = target.type === 'comment' ? target.comment.id : null
    if (await AbuseModel.loadByActivity(activity.id, flagged.id, videoId, commentId)) continue

    const abuse = await createAbuse({ reporterAccount: reporter, reason, predefinedReasons: [ ...new Set(predefinedReasons) ], target, activityUrl: activity.id })
    log.info(`Flag ${activity.id} by ${byActor.url}: report ${abuse.id} about ${url}`)
  }
  return true
}
