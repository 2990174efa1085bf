import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'

/**
 * What was uploaded for a local video (PeerTube's `videoSource`): the file's name and what ffprobe saw. The
 * transcoding plan is derived from it, so the owner can be told which renditions are still to come. When
 * `transcoding.original_file.keep` is on, the uploaded file itself is kept once its ladder exists (the scrub
 * re-transcodes a damaged rendition from it).
 */
export class VideoSourceModel extends Model<InferAttributes<VideoSourceModel>, InferCreationAttributes<VideoSourceModel>> {
  declare id: CreationOptional<number>
  /** The name the uploader gave the file. */
  declare inputFilename: string
  /** Displayed size (after rotation); null for audio-only sources. */
  declare width: CreationOptional<number | null>
  declare height: CreationOptional<number | null>
  declare fps: CreationOptional<number | null>
  declare size: number
  /** Our name for the kept file (a fresh UUID), in storage.original_video_files or its bucket; null: not kept. */
  declare keptOriginalFilename: CreationOptional<string | null>
  declare sha256: CreationOptional<string | null>
  declare storage: CreationOptional<number>
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
      size: { type: DataTypes.BIGINT, allowNull: false, get (this: VideoSourceModel) { return Number(this.getDataValue('size')) } },
      keptOriginalFilename: { type: DataTypes.STRING, allowNull: true },
      sha256: { type: DataTypes.STRING(64), allowNull: true },
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

  static loadByVideo (videoId: number) {
    return VideoSourceModel.findOne({ where: { videoId } })
  }
}
