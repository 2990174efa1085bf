import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import type { AbuseFilter, AbuseStateId } from '../../../shared/models/client-moderation.js'
import { AccountModel } from '../account/account.js'
import { VideoModel } from '../video/video.js'

/** What a video report shows once the video is gone (taken when the report is made). */
export interface AbuseVideoSnapshot {
  id: number
  uuid: string
  name: string
  nsfw: boolean
  url: string
  channel: unknown
}

/** The same for a comment report (comments are issue 11's: the snapshot is filled by their module). */
export interface AbuseCommentSnapshot {
  id: number
  url: string
  text: string
  threadId: number
  video: { id: number, name: string, uuid: string }
}

/**
 * A report about a video (optionally a time range of it), a comment or an account, made here by a local user or
 * received as a Flag from another instance. One table for the three kinds: `type` says which, the video and
 * comment references are nullable (the report outlives its object, whose snapshot it keeps). The account
 * responsible for the object is the flagged account; Flags about remote objects go to that account's instance.
 */
export class AbuseModel extends Model<InferAttributes<AbuseModel>, InferCreationAttributes<AbuseModel>> {
  declare id: CreationOptional<number>
  declare type: AbuseFilter
  declare reason: string
  /** ABUSE_PREDEFINED_REASONS values. */
  declare predefinedReasons: number[] | null
  declare state: AbuseStateId
  declare moderationComment: CreationOptional<string | null>
  declare reporterAccountId: ForeignKey<AccountModel['id']> | null
  declare flaggedAccountId: ForeignKey<AccountModel['id']> | null
  declare videoId: ForeignKey<VideoModel['id']> | null
  /** Seconds into the video, for video reports. */
  declare startAt: number | null
  declare endAt: number | null
  /** The reported comment's id. No foreign key until the comment table exists (issue 11 adds it, ON DELETE SET NULL). */
  declare videoCommentId: number | null
  declare videoSnapshot: AbuseVideoSnapshot | null
  declare commentSnapshot: AbuseCommentSnapshot | null
  /** The Flag's id for a report received from another instance (makes a redelivered Flag a no-op). */
  declare activityUrl: string | null
  /** When a moderator first answered or changed its state. */
  declare processedAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare ReporterAccount?: NonAttribute<AccountModel | null>
  declare FlaggedAccount?: NonAttribute<AccountModel | null>
  declare Video?: NonAttribute<VideoModel | null>

  static initModel (sequelize: Sequelize) {
    AbuseModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      type: { type: DataTypes.STRING(10), allowNull: false },
      reason: { type: DataTypes.STRING(3000), allowNull: false },
      predefinedReasons: { type: DataTypes.ARRAY(DataTypes.INTEGER), allowNull: true },
      state: { type: DataTypes.INTEGER, allowNull: false },
      moderationComment: { type: DataTypes.STRING(3000), allowNull: true },
      reporterAccountId: { type: DataTypes.INTEGER, allowNull: true },
      flaggedAccountId: { type: DataTypes.INTEGER, allowNull: true },
      videoId: { type: DataTypes.INTEGER, allowNull: true },
      startAt: { type: DataTypes.INTEGER, allowNull: true },
      endAt: { type: DataTypes.INTEGER, allowNull: true },
      videoCommentId: { type: DataTypes.INTEGER, allowNull: true },
      videoSnapshot: { type: DataTypes.JSONB, allowNull: true },
      commentSnapshot: { type: DataTypes.JSONB, allowNull: true },
      activityUrl: { type: DataTypes.STRING(2000), allowNull: true },
      processedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'Abuse',
      tableName: 'abuse',
      indexes: [
        { fields: [ 'reporterAccountId' ] },
        { fields: [ 'flaggedAccountId' ] },
        { fields: [ 'videoId' ] },
        { fields: [ 'videoCommentId' ] },
        { fields: [ 'activityUrl' ] }
      ]
    })
  }

  static associate () {
    AbuseModel.belongsTo(AccountModel, { as: 'ReporterAccount', foreignKey: { name: 'reporterAccountId', allowNull: true }, onDelete: 'SET NULL' })
    AbuseModel.belongsTo(AccountModel, { as: 'FlaggedAccount', foreignKey: { name: 'flaggedAccountId', allowNull: true }, onDelete: 'SET NULL' })
    AbuseModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: true }, onDelete: 'SET NULL' })
  }

  /** A report already made from this Flag about this account's object, if any. */
  static async loadByActivity (activityUrl: string, flaggedAccountId: number, videoId: number | null, videoCommentId: number | null) {
    return AbuseModel.findOne({ where: { activityUrl, flaggedAccountId, videoId, videoCommentId } })
  }
}
