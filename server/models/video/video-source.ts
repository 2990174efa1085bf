import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'

/**
 * What was uploaded for a local video (PeerTube's `videoSource`): the file's name and what ffprobe saw. The
 * transcoding plan is derived from it, so the owner can be told which renditions are still to come.
 */
export class VideoSourceModel extends Model<InferAttributes<VideoSourceModel>, InferCreationAttributes<VideoSourceModel>> {
  declare id: CreationOptional<number>
  declare inputFilename: string
  /** Displayed size (after rotation); null for audio-only sources. */
  declare width: number | null
  declare height: number | null
  declare fps: number | null
  declare size: number
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    VideoSourceModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      inputFilename: { type: DataTypes.STRING(255), allowNull: false },
      width: { type: DataTypes.INTEGER, allowNull: true },
      height: { type: DataTypes.INTEGER, allowNull: true },
      fps: { type: DataTypes.FLOAT, allowNull: true },
      size: { type: DataTypes.BIGINT, allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoSource',
      tableName: 'videoSource',
      indexes: [ { fields: [ 'videoId' ], unique: true } ]
    })
  }

  static associate () {
    VideoSourceModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasOne(VideoSourceModel, { foreignKey: 'videoId' })
  }

  static loadByVideo (videoId: number) {
    return VideoSourceModel.findOne({ where: { videoId } })
  }
}
