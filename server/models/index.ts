import type { Sequelize } from 'sequelize'
import { AccountModel } from './account/account.js'
import { ReceivedSignatureModel } from './activitypub/received-signature.js'
import { IdentityConflictModel } from './activitypub/identity-conflict.js'
import { OutboxEntryModel } from './outbox/outbox-entry.js'
import { VideoChannelModel } from './account/video-channel.js'
import { ActorImageModel } from './actor/actor-image.js'
import { ActorFollowModel } from './actor/actor-follow.js'
import { ActorModel } from './actor/actor.js'
import { ApplicationModel } from './application/application.js'
import { OAuthClientModel } from './oauth/oauth-client.js'
import { OAuthTokenModel } from './oauth/oauth-token.js'
import { CustomConfigModel } from './server/custom-config.js'
import { ServerModel } from './server/server.js'
import { UserRegistrationModel } from './user/user-registration.js'
import { UserModel } from './user/user.js'
import { TagModel } from './video/tag.js'
import { ThumbnailModel } from './video/thumbnail.js'
import { TrackerModel } from './video/tracker.js'
import { VideoFileModel } from './video/video-file.js'
import { VideoShareModel } from './video/video-share.js'
import { VideoStreamingPlaylistModel } from './video/video-streaming-playlist.js'
import { VideoModel } from './video/video.js'
import { VideoCommentModel } from './video/video-comment.js'
import { AccountVideoRateModel } from './account/account-video-rate.js'
import { AbuseMessageModel } from './moderation/abuse-message.js'
import { AbuseModel } from './moderation/abuse.js'
import { AccountBlocklistModel } from './moderation/account-blocklist.js'
import { ServerBlocklistModel } from './moderation/server-blocklist.js'
import { VideoBlacklistModel } from './moderation/video-blacklist.js'
import { ActorOutboxSyncModel } from './actor/actor-outbox-sync.js'
import { UserNotificationSettingModel } from './user/user-notification-setting.js'
import { UserNotificationModel } from './user/user-notification.js'
import { UserVideoHistoryModel } from './user/user-video-history.js'
import { VideoPlaylistElementModel } from './video/video-playlist-element.js'
import { VideoPlaylistModel } from './video/video-playlist.js'
import { ScheduleVideoUpdateModel } from './video/schedule-video-update.js'
import { VideoSourceModel } from './video/video-source.js'
import { VideoNameWordModel } from './video/video-name-word.js'
import { VideoLiveModel } from './live/video-live.js'
import { VideoLiveSessionModel } from './live/video-live-session.js'
import { RunnerRegistrationTokenModel } from './runner/runner-registration-token.js'
import { RunnerModel } from './runner/runner.js'
import { RunnerJobModel } from './runner/runner-job.js'
import { VideoCaptionModel } from './video/video-caption.js'
import { StoryboardModel } from './video/storyboard.js'
import { VideoChapterModel } from './video/video-chapter.js'
import { VideoRedundancyModel } from './redundancy/video-redundancy.js'
import { VideoRedundancyAttemptModel } from './redundancy/video-redundancy-attempt.js'
import { StorageScrubRunModel } from './storage/storage-scrub-run.js'
import { VideoImportModel } from './video/video-import.js'

interface RegisteredModel {
  initModel: (sequelize: Sequelize) => void
  associate?: () => void
}

/**
 * Every model of the schema. A new model is added here, and nowhere else, to exist in the database
 * (fresh installs create the schema from these; existing ones get it through a migration).
 * Each model's `modelName` is also its association alias: user.Account, video.VideoFiles...
 */
const MODELS: RegisteredModel[] = [
  ApplicationModel,
  ServerModel,
  CustomConfigModel,
  ActorModel,
  ActorFollowModel,
  ActorImageModel,
  UserModel,
  UserRegistrationModel,
  AccountModel,
  VideoChannelModel,
  OAuthClientModel,
  OAuthTokenModel,
  VideoModel,
  VideoStreamingPlaylistModel,
  VideoFileModel,
  ThumbnailModel,
  TagModel,
  TrackerModel,
  VideoShareModel,
  OutboxEntryModel,
  ReceivedSignatureModel,
  VideoCommentModel,
  AccountVideoRateModel,
  VideoBlacklistModel,
  AccountBlocklistModel,
  ServerBlocklistModel,
  AbuseModel,
  AbuseMessageModel,
  ActorOutboxSyncModel,
  UserNotificationSettingModel,
  UserNotificationModel,
  UserVideoHistoryModel,
  VideoPlaylistModel,
  VideoPlaylistElementModel,
  ScheduleVideoUpdateModel,
  VideoSourceModel,
  IdentityConflictModel,
  VideoNameWordModel,
  VideoLiveModel,
  VideoLiveSessionModel,
  RunnerRegistrationTokenModel,
  RunnerModel,
  RunnerJobModel,
  VideoCaptionModel,
  VideoChapterModel,
  VideoRedundancyModel,
  StorageScrubRunModel,
  VideoImportModel,
  StoryboardModel,
  VideoRedundancyAttemptModel
]

export function registerModels (sequelize: Sequelize) {
  for (const model of MODELS) model.initModel(sequelize)
  for (const model of MODELS) model.associate?.()
}
