import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'

/** A video's miniature (type 1) or preview (type 2) image; remote ones keep their origin URL. */
export class ThumbnailModel extends Model<InferAttributes<ThumbnailModel>, InferCreationAttributes<ThumbnailModel>> {
  declare id: CreationOptional<number>
  declare filename: string
  declare type: number
  declare width: number | null
  declare height: number | null
  declare fileUrl: string | null
  declare onDisk: boolean
  /** VideoFileStorage: in the thumbnails folders, or in the object storage's bucket. */
  declare storage: CreationOptional<number>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    ThumbnailModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      filename: { type: DataTypes.STRING, allowNull: false },
      type: { type: DataTypes.INTEGER, allowNull: false },
      width: { type: DataTypes.INTEGER, allowNull: true },
      height: { type: DataTypes.INTEGER, allowNull: true },
      fileUrl: { type: DataTypes.STRING(2000), allowNull: true },
      onDisk: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      storage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'Thumbnail',
      tableName: 'thumbnail',
      indexes: [ { fields: [ 'filename' ], unique: true }, { fields: [ 'videoId', 'type' ], unique: true } ]
    })
  }

  static associate () {
    ThumbnailModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasMany(ThumbnailModel, { foreignKey: 'videoId' })
  }
}
