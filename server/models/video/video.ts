import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize, type Transaction
} from 'sequelize'
import { VideoPrivacy, VideoState, type VideoPrivacyType, type VideoStateType } from '../../../shared/models/videos.js'
import { VideoCommentPolicy, type VideoCommentPolicyType } from '../../../shared/models/video-comments.js'
import { VideoChannelModel } from '../account/video-channel.js'
import type { TagModel } from './tag.js'
import type { ThumbnailModel } from './thumbnail.js'
import type { TrackerModel } from './tracker.js'
import type { VideoFileModel } from './video-file.js'
import type { VideoStreamingPlaylistModel } from './video-streaming-playlist.js'
import type { VideoBlacklistModel } from '../moderation/video-blacklist.js'
import type { VideoLiveModel } from '../live/video-live.js'

/**
 * A video, local or remote. Files, playlists, thumbnails and tags are their own tables; listing queries live in
 * queries/, JSON shapes in formatters/.
 */
/** Namespace of video locks among PostgreSQL advisory locks (the migration lock uses a single-key lock). */
const VIDEO_LOCK_NAMESPACE = 7_356_242

export class VideoModel extends Model<InferAttributes<VideoModel>, InferCreationAttributes<VideoModel>> {
  declare id: CreationOptional<number>
  declare uuid: string
  declare name: string
  declare category: number | null
  declare licence: number | null
  declare language: string | null
  declare privacy: VideoPrivacyType
  declare nsfw: boolean
  declare description: string | null
  declare support: string | null
  /** Seconds. */
  declare duration: number
  declare aspectRatio: number | null
  declare views: CreationOptional<number>
  /** Live videos: people watching now (ours, and those remote instances reported; a remote live's origin count). */
  declare viewers: CreationOptional<number>
  declare likes: CreationOptional<number>
  declare dislikes: CreationOptional<number>
  declare remote: boolean
  declare isLive: CreationOptional<boolean>
  /** The ActivityPub id of the video. */
  declare url: string
  /** Kept equal to `commentsPolicy !== DISABLED` (older clients and peers read it). */
  declare commentsEnabled: boolean
  declare commentsPolicy: CreationOptional<VideoCommentPolicyType>
  declare downloadEnabled: boolean
  declare waitTranscoding: boolean
  declare state: VideoStateType
  /** Why the last processing failed, for the owner and admins. */
  declare stateReason: CreationOptional<string | null>
  declare channelId: ForeignKey<VideoChannelModel['id']>
  declare publishedAt: Date
  declare originallyPublishedAt: Date | null
  declare inputFileUpdatedAt: CreationOptional<Date | null>
  /** Remote videos: the origin's `updated` of the state we hold (an older Update is ignored). */
  declare originUpdatedAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare VideoChannel?: NonAttribute<VideoChannelModel>
  declare VideoFiles?: NonAttribute<VideoFileModel[]>
  declare VideoStreamingPlaylists?: NonAttribute<VideoStreamingPlaylistModel[]>
  declare Thumbnails?: NonAttribute<ThumbnailModel[]>
  declare Tags?: NonAttribute<TagModel[]>
  /** Remote videos only: their origin's trackers. */
  declare Trackers?: NonAttribute<TrackerModel[]>
  /** Its block by a moderator, if any (loaded with every video read: see video-includes). */
  declare VideoBlacklist?: NonAttribute<VideoBlacklistModel | null>
  /** Live videos: their settings (loaded with the details includes). */
  declare VideoLive?: NonAttribute<VideoLiveModel | null>

  static initModel (sequelize: Sequelize) {
    VideoModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      uuid: { type: DataTypes.UUID, allowNull: false },
      name: { type: DataTypes.STRING, allowNull: false },
      category: { type: DataTypes.INTEGER, allowNull: true },
      licence: { type: DataTypes.INTEGER, allowNull: true },
      language: { type: DataTypes.STRING, allowNull: true },
      privacy: { type: DataTypes.INTEGER, allowNull: false },
      nsfw: { type: DataTypes.BOOLEAN, allowNull: false },
      description: { type: DataTypes.STRING(10_000), allowNull: true },
      support: { type: DataTypes.STRING(1000), allowNull: true },
      duration: { type: DataTypes.INTEGER, allowNull: false },
      aspectRatio: { type: DataTypes.FLOAT, allowNull: true },
      views: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      viewers: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      likes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      dislikes: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      remote: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      isLive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      url: { type: DataTypes.STRING(2000), allowNull: false },
      commentsEnabled: { type: DataTypes.BOOLEAN, allowNull: false },
      commentsPolicy: { type: DataTypes.INTEGER, allowNull: false, defaultValue: VideoCommentPolicy.ENABLED },
      downloadEnabled: { type: DataTypes.BOOLEAN, allowNull: false },
      waitTranscoding: { type: DataTypes.BOOLEAN, allowNull: false },
      state: { type: DataTypes.INTEGER, allowNull: false },
      stateReason: { type: DataTypes.STRING(2000), allowNull: true },
      channelId: { type: DataTypes.INTEGER, allowNull: false },
      publishedAt: { type: DataTypes.DATE, allowNull: false },
      originallyPublishedAt: { type: DataTypes.DATE, allowNull: true },
      inputFileUpdatedAt: { type: DataTypes.DATE, allowNull: true },
      originUpdatedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'Video',
      tableName: 'video',
      indexes: [
        { fields: [ 'uuid' ], unique: true },
        { fields: [ 'url' ], unique: true },
        // Channel pages: the channel's videos newest first (also serves lookups by channel).
        { name: 'video_channel_id_published_at', fields: [ 'channelId', 'publishedAt', 'id' ] },
        { fields: [ 'publishedAt' ] },
        { fields: [ 'views' ] },
        { fields: [ 'privacy', 'state' ] }
      ]
    })
  }

  static associate () {
    VideoModel.belongsTo(VideoChannelModel, { foreignKey: { name: 'channelId', allowNull: false }, onDelete: 'CASCADE' })
    VideoChannelModel.hasMany(VideoModel, { foreignKey: 'channelId' })
  }

  isOwned () {
    return !this.remote
  }

  /** Listed and federated: public, and either published or not waiting for its transcoding. */
  isPubliclyVisible () {
    return this.privacy === VideoPrivacy.PUBLIC && this.isPlayable()
  }

  isPlayable () {
    return this.state === VideoState.PUBLISHED || (this.state === VideoState.TO_TRANSCODE && !this.waitTranscoding && this.hasAnyFile())
  }

  hasAnyFile () {
    return (this.VideoFiles?.length ?? 0) !== 0 || (this.VideoStreamingPlaylists ?? []).some(p => (p.VideoFiles?.length ?? 0) !== 0)
  }

  /**
   * Takes this video's lock until the current transaction ends (a PostgreSQL advisory lock: released even if
   * the process dies). Call it inside a unit of work.
   */
  static async lockForFileChanges (videoId: number) {
    await VideoModel.sequelize!.query('SELECT pg_advisory_xact_lock(:namespace, :videoId)', {
      replacements: { namespace: VIDEO_LOCK_NAMESPACE, videoId }
    })
  }

  static async loadByUuid (uuid: string, transaction?: Transaction) {
    return VideoModel.findOne({ where: { uuid }, transaction })
  }

  static async loadByUrl (url: string, transaction?: Transaction) {
    return VideoModel.findOne({ where: { url }, transaction })
  }
}
