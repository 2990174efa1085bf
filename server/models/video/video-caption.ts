import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'

/**
 * A video's subtitles in one language, stored as WebVTT. Local ones are files in storage.captions; remote ones
 * keep their origin's URL and are fetched the first time someone asks (onDisk then becomes true).
 */
export class VideoCaptionModel extends Model<InferAttributes<VideoCaptionModel>, InferCreationAttributes<VideoCaptionModel>> {
  declare id: CreationOptional<number>
  declare language: string
  /** A fresh UUID and the language (`<uuid>-<lang>.vtt`) at every upload: cached copies never go stale. */
  declare filename: string
  declare fileUrl: string | null
  declare onDisk: CreationOptional<boolean>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    VideoCaptionModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      language: { type: DataTypes.STRING, allowNull: false },
      filename: { type: DataTypes.STRING, allowNull: false },
      fileUrl: { type: DataTypes.STRING(2000), allowNull: true },
      onDisk: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoCaption',
      tableName: 'videoCaption',
      indexes: [ { fields: [ 'filename' ], unique: true }, { fields: [ 'videoId', 'language' ], unique: true } ]
    })
  }

  static associate () {
    VideoCaptionModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasMany(VideoCaptionModel, { foreignKey: 'videoId' })
  }

  static async listOfVideo (videoId: number) {
    return VideoCaptionModel.findAll({ where: { videoId }, order: [ [ 'language', 'ASC' ] ] })
  }

  static async listOfVideos (videoIds: number[]) {
    if (videoIds.length === 0) return []
    return VideoCaptionModel.findAll({ where: { videoId: { [Op.in]: videoIds } }, order: [ [ 'language', 'ASC' ] ] })
  }

  static async loadByVideoAndLanguage (videoId: number, language: string) {
    return VideoCaptionModel.findOne({ where: { videoId, language } })
  }

  static async loadByFilename (filename: string) {
    return VideoCaptionModel.findOne({ where: { filename } })
  }
}

declare module './video.js' {
  interface VideoModel {
    VideoCaptions?: NonAttribute<VideoCaptionModel[]>
  }
}
