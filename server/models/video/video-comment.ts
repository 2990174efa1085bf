import {
  DataTypes, literal, Model, Op,
  type CreationOptional, type ForeignKey, type Includeable, type InferAttributes, type InferCreationAttributes, type NonAttribute,
  type Sequelize, type Transaction
} from 'sequelize'
import { VIDEO_COMMENT_CONSTRAINTS } from '../../initializers/constants/video-comments.js'
import { AccountModel } from '../account/account.js'
import { VideoChannelModel } from '../account/video-channel.js'
import { ActorModel } from '../actor/actor.js'
import { notMutedAccountSql } from '../moderation/queries/video-moderation-filters.js'
import { ServerModel } from '../server/server.js'
import { VideoModel } from './video.js'

/**
 * A comment on a video, local or remote. A thread is a comment replying to the video itself; its replies point
 * at it (`originCommentId`) and at the comment they answer (`inReplyToCommentId`). A deleted comment stays as
 * a tombstone (no text, `deletedAt` set) so the replies under it keep their place. `accountId` is kept even
 * on tombstones: moderation can still tell whose comment it was. Listing queries live in
 * queries/video-comment-queries.ts, JSON shapes in formatters/video-comment-formatter.ts.
 */
export class VideoCommentModel extends Model<InferAttributes<VideoCommentModel>, InferCreationAttributes<VideoCommentModel>> {
  declare id: CreationOptional<number>
  /** The Note's ActivityPub id. */
  declare url: string
  /** Markdown (the safe subset the clients render); empty once deleted. */
  declare text: string
  declare heldForReview: CreationOptional<boolean>
  /** The id of the video owner's ApproveReply, for replies that the owner approved. */
  declare replyApproval: CreationOptional<string | null>
  declare originCommentId: ForeignKey<VideoCommentModel['id']> | null
  declare inReplyToCommentId: ForeignKey<VideoCommentModel['id']> | null
  declare videoId: ForeignKey<VideoModel['id']>
  /** Null only for a remote tombstone read without its author. */
  declare accountId: ForeignKey<AccountModel['id']> | null
  declare deletedAt: CreationOptional<Date | null>
  /** Remote comments: the origin's `updated` of the text we hold (an older Update is ignored). */
  declare originUpdatedAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Video?: NonAttribute<VideoModel>
  declare Account?: NonAttribute<AccountModel | null>
  declare InReplyToVideoComment?: NonAttribute<VideoCommentModel | null>

  static initModel (sequelize: Sequelize) {
    VideoCommentModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      url: { type: DataTypes.STRING(VIDEO_COMMENT_CONSTRAINTS.URL_MAX), allowNull: false },
      text: { type: DataTypes.TEXT, allowNull: false },
      heldForReview: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      replyApproval: { type: DataTypes.STRING(VIDEO_COMMENT_CONSTRAINTS.URL_MAX), allowNull: true },
      originCommentId: { type: DataTypes.INTEGER, allowNull: true },
      inReplyToCommentId: { type: DataTypes.INTEGER, allowNull: true },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      deletedAt: { type: DataTypes.DATE, allowNull: true },
      originUpdatedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoComment',
      tableName: 'videoComment',
      indexes: [
        { fields: [ 'url' ], unique: true },
        { fields: [ 'videoId', 'originCommentId' ] },
        { fields: [ 'inReplyToCommentId' ] },
        { fields: [ 'accountId' ] },
        { fields: [ 'createdAt' ] }
      ]
    })
  }

  static associate () {
    VideoCommentModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasMany(VideoCommentModel, { foreignKey: 'videoId' })
    VideoCommentModel.belongsTo(AccountModel, { foreignKey: { name: 'accountId', allowNull: true }, onDelete: 'CASCADE' })
    AccountModel.hasMany(VideoCommentModel, { foreignKey: 'accountId' })
    VideoCommentModel.belongsTo(VideoCommentModel, { as: 'OriginVideoComment', foreignKey: { name: 'originCommentId', allowNull: true }, onDelete: 'CASCADE' })
    VideoCommentModel.belongsTo(VideoCommentModel, { as: 'InReplyToVideoComment', foreignKey: { name: 'inReplyToCommentId', allowNull: true }, onDelete: 'CASCADE' })
  }

  isDeleted () {
    return this.deletedAt !== null && this.deletedAt !== undefined
  }

  /** Written by one of our accounts (needs Account.Actor loaded). */
  isLocal () {
    return !!this.Account?.Actor?.isLocal()
  }

  threadId () {
    return this.originCommentId ?? this.id
  }

  /** What a comment becomes when deleted: a tombstone that keeps its place (and its author, for moderation). */
  markAsDeleted () {
    this.text = ''
    this.deletedAt = new Date()
    this.heldForReview = false
  }

  /** Author (with its actor and server), video (with its channel's account actor) and the comment it answers. */
  static fullIncludes (): Includeable[] {
    return [
      { model: AccountModel, required: false, include: [ AccountModel.withActor() ] },
      {
        model: VideoModel,
        required: true,
        include: [ {
          model: VideoChannelModel,
          required: true,
          include: [
            { model: ActorModel, required: true, include: [ { model: ServerModel, required: false } ] },
            { model: AccountModel, required: true, include: [ { model: ActorModel, required: true, include: [ { model: ServerModel, required: false } ] } ] }
          ]
        } ]
      },
      { model: VideoCommentModel, as: 'InReplyToVideoComment', required: false }
    ]
  }

  static async loadFull (id: number, transaction?: Transaction) {
    return VideoCommentModel.findByPk(id, { include: VideoCommentModel.fullIncludes(), transaction })
  }

  static async loadFullByUrl (url: string, transaction?: Transaction) {
    return VideoCommentModel.findOne({ where: { url }, include: VideoCommentModel.fullIncludes(), transaction })
  }

  /** A comment of that video (by id), with everything the formatters and senders need. */
  static async loadOfVideo (id: number, videoId: number, transaction?: Transaction) {
    return VideoCommentModel.findOne({ where: { id, videoId }, include: VideoCommentModel.fullIncludes(), transaction })
  }

  static async loadByUrl (url: string, transaction?: Transaction) {
    return VideoCommentModel.findOne({ where: { url }, transaction })
  }

  /** The thread's first comment (a comment that answers the video itself). */
  static async loadThreadOfVideo (threadId: number, videoId: number) {
    return VideoCommentModel.findOne({ where: { id: threadId, videoId, inReplyToCommentId: null } })
  }

  /**
   * The comments `comment` answers, from the thread's first down to its direct parent, with their authors'
   * actors (the Note's mentions and audience name them).
   */
  static async listAncestors (comment: Pick<VideoCommentModel, 'id' | 'inReplyToCommentId'>, transaction?: Transaction) {
    if (comment.inReplyToCommentId === null || comment.inReplyToCommentId === undefined) return []
    const ancestors = await VideoCommentModel.findAll({
      where: {
        id: {
          [Op.in]: VideoCommentModel.sequelize!.literal(`(
            WITH RECURSIVE parents (id, "inReplyToCommentId") AS (
              SELECT id, "inReplyToCommentId" FROM "videoComment" WHERE id = ${Number(comment.inReplyToCommentId)}
              UNION
              SELECT p.id, p."inReplyToCommentId" FROM "videoComment" p JOIN parents ON parents."inReplyToCommentId" = p.id
            ) SELECT id FROM parents)`)
        }
      },
      include: [ { model: AccountModel, required: false, include: [ AccountModel.withActor() ] } ],
      order: [ [ 'createdAt', 'ASC' ], [ 'id', 'ASC' ] ],
      transaction
    })
    return ancestors
  }

  /** The comments collection of a video: Note ids, oldest first, held ones left out (tombstones stay). */
  /** The video's `comments` collection: what anyone sees (not held, not by an account or server `mutedBy` muted). */
  static async listUrlsForActivityPub (videoId: number, start: number, count: number, mutedBy: number[] = []) {
    const muted = notMutedAccountSql('"VideoComment"."accountId"', mutedBy)
    const where = { videoId, heldForReview: false, ...(muted === 'TRUE' ? {} : { [Op.and]: [ literal(muted) ] }) }
    const [ total, rows ] = await Promise.all([
      VideoCommentModel.count({ where }),
      VideoCommentModel.findAll({ where, attributes: [ 'url' ], order: [ [ 'createdAt', 'ASC' ], [ 'id', 'ASC' ] ], offset: start, limit: count })
    ])
    return { total, data: rows.map(r => r.url) }
  }
}
