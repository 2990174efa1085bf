import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import type { VideoBlockTypeId } from '../../../shared/models/client-moderation.js'
import { VideoModel } from '../video/video.js'

/**
 * A video hidden by a moderator (or auto-blocked until reviewed): only its owner and moderators see it.
 * `unfederated` (local videos only) also takes it away from remote instances until it is unblocked.
 * PeerTube's name (videoBlacklist), which its API keeps in the routes.
 */
export class VideoBlacklistModel extends Model<InferAttributes<VideoBlacklistModel>, InferCreationAttributes<VideoBlacklistModel>> {
  declare id: CreationOptional<number>
  declare videoId: ForeignKey<VideoModel['id']>
  declare reason: string | null
  declare unfederated: boolean
  declare type: VideoBlockTypeId
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Video?: NonAttribute<VideoModel>

  static initModel (sequelize: Sequelize) {
    VideoBlacklistModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      reason: { type: DataTypes.STRING(300), allowNull: true },
      unfederated: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      type: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoBlacklist',
      tableName: 'videoBlacklist',
      indexes: [ { fields: [ 'videoId' ], unique: true } ]
    })
  }

  static associate () {
    VideoBlacklistModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasOne(VideoBlacklistModel, { foreignKey: 'videoId' })
  }

  static async loadByVideoId (videoId: number) {
    return VideoBlacklistModel.findOne({ where: { videoId } })
  }
}
