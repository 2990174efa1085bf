import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize, type Transaction
} from 'sequelize'
import type { VideoSummary } from '../video/video-loaded.js'
import { VIDEO_RATE_TYPES, type VideoRateType } from '../../../shared/models/video-comments.js'
import { VIDEO_COMMENT_CONSTRAINTS } from '../../initializers/constants/video-comments.js'
import { summaryIncludes } from '../video/queries/video-includes.js'
import { VideoModel } from '../video/video.js'
import { AccountModel } from './account.js'

/**
 * One account's like or dislike of a video: our users' ratings of any video, and remote accounts' ratings of
 * our videos (their origin keeps those of remote videos; we only keep its counts). `url` is the Like or
 * Dislike activity's id, which the video's likes/dislikes collections list.
 */
export class AccountVideoRateModel extends Model<InferAttributes<AccountVideoRateModel>, InferCreationAttributes<AccountVideoRateModel>> {
  declare id: CreationOptional<number>
  declare type: VideoRateType
  declare url: string
  declare accountId: ForeignKey<AccountModel['id']>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Account?: NonAttribute<AccountModel>
  declare Video?: NonAttribute<VideoModel>

  static initModel (sequelize: Sequelize) {
    AccountVideoRateModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      type: { type: DataTypes.ENUM(...VIDEO_RATE_TYPES), allowNull: false },
      url: { type: DataTypes.STRING(VIDEO_COMMENT_CONSTRAINTS.URL_MAX), allowNull: false },
      accountId: { type: DataTypes.INTEGER, allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'AccountVideoRate',
      tableName: 'accountVideoRate',
      indexes: [
        { fields: [ 'accountId', 'videoId' ], unique: true },
        { fields: [ 'url' ], unique: true },
        { fields: [ 'videoId', 'type' ] }
      ]
    })
  }

  static associate () {
    AccountVideoRateModel.belongsTo(AccountModel, { foreignKey: { name: 'accountId', allowNull: false }, onDelete: 'CASCADE' })
    AccountVideoRateModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasMany(AccountVideoRateModel, { foreignKey: 'videoId' })
  }

  /** The rating of this account on this video, locked for the rest of the transaction (a change reads then writes). */
  static async loadForUpdate (accountId: number, videoId: number, transaction: Transaction) {
    return AccountVideoRateModel.findOne({ where: { accountId, videoId }, transaction, lock: transaction.LOCK.UPDATE })
  }

  static async load (accountId: number, videoId: number) {
    return AccountVideoRateModel.findOne({ where: { accountId, videoId } })
  }

  /** A rating dereferenced by its activity id, with its account actor and video. */
  static async loadByUrl (url: string) {
    return AccountVideoRateModel.findOne({
      where: { url },
      include: [ { model: AccountModel, required: true, include: [ AccountModel.withActor() ] }, { model: VideoModel, required: true } ]
    })
  }

  /** The likes or dislikes collection of a video: the rating activities' ids, oldest first. */
  static async listUrlsByVideo (videoId: number, type: VideoRateType, start: number, count: number) {
    const { rows, count: total } = await AccountVideoRateModel.findAndCountAll({
      where: { videoId, type },
      attributes: [ 'url' ],
      order: [ [ 'createdAt', 'ASC' ], [ 'id', 'ASC' ] ],
      offset: start,
      limit: count
    })
    return { total, data: rows.map(r => r.url) }
  }

  static async countByVideo (videoId: number) {
    const rows = await AccountVideoRateModel.count({ where: { videoId }, group: [ 'type' ] }) as unknown as { type: VideoRateType, count: number }[]
    const of = (type: VideoRateType) => Number(rows.find(r => r.type === type)?.count ?? 0)
    return { likes: of('like'), dislikes: of('dislike') }
  }

  /** An account's ratings, newest first by default, with the videos as list items. */
  static async listForAccount (options: { accountId: number, type?: VideoRateType, start: number, count: number, sort: string }) {
    const where = { accountId: options.accountId, ...(options.type ? { type: options.type } : {}) }
    const direction = options.sort.startsWith('-') ? 'DESC' : 'ASC'
    const { rows, count } = await AccountVideoRateModel.findAndCountAll({
      where,
      include: [ { model: VideoModel, required: true, include: summaryIncludes() } ],
      order: [ [ 'createdAt', direction ], [ 'id', direction ] ],
      offset: options.start,
      limit: options.count,
      distinct: true
    })
    return { total: count, data: rows as (AccountVideoRateModel & { Video: VideoSummary })[] }
  }

  /** Ratings of `accountId` among `videoIds`. */
  static async listOfAccountForVideos (accountId: number, videoIds: number[]) {
    if (videoIds.length === 0) return []
    return AccountVideoRateModel.findAll({ where: { accountId, videoId: { [Op.in]: videoIds } } })
  }
}
