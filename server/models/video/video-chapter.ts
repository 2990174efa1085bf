import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize, type Transaction
} from 'sequelize'
import { VideoModel } from './video.js'

/** One chapter of a video: where it starts (seconds) and its title. */
export class VideoChapterModel extends Model<InferAttributes<VideoChapterModel>, InferCreationAttributes<VideoChapterModel>> {
  declare id: CreationOptional<number>
  declare timecode: number
  declare title: string
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    VideoChapterModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      timecode: { type: DataTypes.INTEGER, allowNull: false },
      title: { type: DataTypes.STRING(100), allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoChapter',
      tableName: 'videoChapter',
      indexes: [ { fields: [ 'videoId', 'timecode' ], unique: true } ]
    })
  }

  static associate () {
    VideoChapterModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
  }

  static async listOfVideo (videoId: number) {
    return VideoChapterModel.findAll({ where: { videoId }, order: [ [ 'timecode', 'ASC' ] ] })
  }

  /** Replaces every chapter of a video (in the current transaction). */
  static async replaceOfVideo (videoId: number, chapters: { timecode: number, title: string }[], transaction?: Transaction) {
    await VideoChapterModel.destroy({ where: { videoId }, transaction })
    if (chapters.length !== 0) await VideoChapterModel.bulkCreate(chapters.map(c => ({ ...c, videoId })), { transaction })
  }
}
