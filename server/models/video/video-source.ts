import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'

/**
 * The uploaded source of a local video, kept once its ladder exists when `transcoding.original_file.keep` is on
 * (PeerTube's "video source"): the scrub re-transcodes a damaged rendition from it.
 */
export class VideoSourceModel extends Model<InferAttributes<VideoSourceModel>, InferCreationAttributes<VideoSourceModel>> {
  declare id: CreationOptional<number>
  /** The name the uploader gave the file. */
  declare inputFilename: string
  /** Our name for the kept file (a fresh UUID), in storage.original_video_files or its bucket. */
  declare keptOriginalFilename: string
  declare size: number
  declare sha256: string
  declare storage: CreationOptional<number>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    VideoSourceModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      inputFilename: { type: DataTypes.STRING(1000), allowNull: false },
      keptOriginalFilename: { type: DataTypes.STRING, allowNull: false },
      size: { type: DataTypes.BIGINT, allowNull: false, get (this: VideoSourceModel) { return Number(this.getDataValue('size')) } },
      sha256: { type: DataTypes.STRING(64), allowNull: false },
      storage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoSource',
      tableName: 'videoSource',
      indexes: [ { fields: [ 'videoId' ], unique: true }, { fields: [ 'keptOriginalFilename' ], unique: true } ]
    })
  }

  static associate () {
    VideoSourceModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasOne(VideoSourceModel, { foreignKey: 'videoId' })
  }
}
