import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'

/**
 * A video's storyboard: one JPEG sprite sheet of frames taken every `spriteDuration` seconds, laid out left to
 * right then top to bottom, for previews when hovering the progress bar. Local ones are made after transcoding;
 * remote ones keep their origin's URL and are fetched on first request (onDisk then becomes true).
 */
export class StoryboardModel extends Model<InferAttributes<StoryboardModel>, InferCreationAttributes<StoryboardModel>> {
  declare id: CreationOptional<number>
  /** A fresh UUID at every generation (`<uuid>.jpg`): cached copies never go stale. */
  declare filename: string
  declare totalHeight: number
  declare totalWidth: number
  declare spriteHeight: number
  declare spriteWidth: number
  declare spriteDuration: number
  declare fileUrl: string | null
  declare onDisk: CreationOptional<boolean>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    StoryboardModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      filename: { type: DataTypes.STRING, allowNull: false },
      totalHeight: { type: DataTypes.INTEGER, allowNull: false },
      totalWidth: { type: DataTypes.INTEGER, allowNull: false },
      spriteHeight: { type: DataTypes.INTEGER, allowNull: false },
      spriteWidth: { type: DataTypes.INTEGER, allowNull: false },
      spriteDuration: { type: DataTypes.INTEGER, allowNull: false },
      fileUrl: { type: DataTypes.STRING(2000), allowNull: true },
      onDisk: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'Storyboard',
      tableName: 'storyboard',
      indexes: [ { fields: [ 'filename' ], unique: true }, { fields: [ 'videoId' ], unique: true } ]
    })
  }

  static associate () {
    StoryboardModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasOne(StoryboardModel, { foreignKey: 'videoId' })
  }

  static async loadByVideo (videoId: number) {
    return StoryboardModel.findOne({ where: { videoId } })
  }

  static async loadByFilename (filename: string) {
    return StoryboardModel.findOne({ where: { filename } })
  }
}

declare module './video.js' {
  interface VideoModel {
    Storyboard?: NonAttribute<StoryboardModel | null>
  }
}
