import {
  ABUSE_PREDEFINED_REASONS, ABUSE_STATE_LABELS, type AbusePredefinedReason
} from '../../../../shared/models/client-moderation.js'
import { toShortUuid } from '../../../helpers/uuid.js'
import { formatAccount, formatAccountSummary } from '../../account/formatters/account-formatter.js'
import { formatVideoChannel } from '../../account/formatters/video-channel-formatter.js'
import { formatVideo } from '../../video/formatters/video-formatter.js'
import type { AbuseMessageModel } from '../abuse-message.js'
import type { AbuseModel, AbuseVideoSnapshot } from '../abuse.js'
import type { AbuseWithVideo } from '../moderation-loaded.js'
import type { AbuseFigures } from '../queries/abuse-list-query.js'
import type { VideoModel } from '../../video/video.js'

const REASON_NAMES = new Map(Object.entries(ABUSE_PREDEFINED_REASONS).map(([ name, value ]) => [ value as number, name as AbusePredefinedReason ]))

export function predefinedReasonNames (values: number[] | null | undefined): AbusePredefinedReason[] {
  return (values ?? []).map(value => REASON_NAMES.get(value)).filter((name): name is AbusePredefinedReason => name !== undefined)
}

/** What a video report keeps of its video, so the report still reads well once the video is deleted. */
export function videoSnapshotOf (video: VideoModel): AbuseVideoSnapshot {
  return {
    id: video.id,
    uuid: video.uuid,
    name: video.name,
    nsfw: video.nsfw,
    url: video.url,
    channel: video.VideoChannel ? formatVideoChannel(video.VideoChannel) : null
  }
}

function formatAbuseVideo (abuse: AbuseWithVideo) {
  const snapshot = abuse.videoSnapshot
  if (abuse.type !== 'video' || !snapshot) return null
  const video = abuse.Video
  const current = video ? formatVideo(video) : undefined

  return {
    id: video?.id ?? snapshot.id,
    name: video?.name ?? snapshot.name,
    uuid: snapshot.uuid,
    shortUUID: toShortUuid(snapshot.uuid),
    nsfw: video?.nsfw ?? snapshot.nsfw,
    deleted: !video,
    blacklisted: !!video?.VideoBlacklist,
    startAt: abuse.startAt,
    endAt: abuse.endAt,
    thumbnailPath: current?.thumbnailPath ?? null,
    channel: video?.VideoChannel ? formatVideoChannel(video.VideoChannel) : snapshot.channel
  }
}

function formatAbuseComment (abuse: AbuseModel) {
  const snapshot = abuse.commentSnapshot
  if (abuse.type !== 'comment' || !snapshot) return null
  return {
    id: snapshot.id,
    threadId: snapshot.threadId,
    video: snapshot.video,
    text: snapshot.text,
    // Gone with its video (the reference is null), or deleted and left as a tombstone.
    deleted: !abuse.VideoComment || abuse.VideoComment.isDeleted()
  }
}

/** PeerTube's `UserAbuse`: what the reporter sees of their own report. */
export function formatUserAbuse (abuse: AbuseWithVideo, figures?: AbuseFigures) {
  return {
    id: abuse.id,
    reason: abuse.reason,
    predefinedReasons: predefinedReasonNames(abuse.predefinedReasons),
    flaggedAccount: abuse.FlaggedAccount ? formatAccount(abuse.FlaggedAccount) : null,
    state: { id: abuse.state, label: ABUSE_STATE_LABELS[abuse.state] ?? 'Unknown' },
    countMessages: figures?.countMessages ?? 0,
    video: formatAbuseVideo(abuse),
    comment: formatAbuseComment(abuse),
    createdAt: abuse.createdAt,
    updatedAt: abuse.updatedAt
  }
}

/** PeerTube's `AdminAbuse`: the moderators' view, with the reporter, the moderation note and the triage figures. */
export function formatAdminAbuse (abuse: AbuseWithVideo, figures?: AbuseFigures) {
  const base = formatUserAbuse(abuse, figures)
  return {
    ...base,
    video: base.video ? { ...base.video, countReports: figures?.countReports ?? 1, nthReport: figures?.nthReport ?? 1 } : null,
    moderationComment: abuse.moderationComment ?? null,
    reporterAccount: abuse.ReporterAccount ? formatAccount(abuse.ReporterAccount) : null,
    countReportsForReporter: figures?.countReportsForReporter ?? 0,
    countReportsForReportee: figures?.countReportsForReportee ?? 0
  }
}

/** PeerTube's `AbuseMessage`. */
export function formatAbuseMessage (message: AbuseMessageModel) {
  return {
    id: message.id,
    message: message.message,
    byModerator: message.byModerator,
    createdAt: message.createdAt,
    account: message.Account ? formatAccountSummary(message.Account) : null
  }
}
