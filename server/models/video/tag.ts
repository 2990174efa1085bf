import {
  DataTypes, Model, Op,
  type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize, type Transaction
} from 'sequelize'
import { VideoModel } from './video.js'

export class TagModel extends Model<InferAttributes<TagModel>, InferCreationAttributes<TagModel>> {
  declare id: CreationOptional<number>
  declare name: string
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    TagModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      name: { type: DataTypes.STRING, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, { sequelize, modelName: 'Tag', tableName: 'tag', indexes: [ { fields: [ 'name' ], unique: true } ] })
  }

  static associate () {
    // The join table is created by Sequelize as "videoTag" (videoId, tagId).
    TagModel.belongsToMany(VideoModel, { through: 'videoTag', foreignKey: 'tagId', otherKey: 'videoId', onDelete: 'CASCADE' })
    VideoModel.belongsToMany(TagModel, { through: 'videoTag', foreignKey: 'videoId', otherKey: 'tagId', onDelete: 'CASCADE' })
  }

  /** Replaces a video's tags with these names. */
  static async setVideoTags (videoId: number, names: string[], transaction?: Transaction) {
    const tags = await TagModel.findOrCreateAll(names, transaction)
    const join = TagModel.sequelize!.models.videoTag
    await join.destroy({ where: { videoId }, transaction })
    if (tags.length !== 0) await join.bulkCreate(tags.map(tag => ({ videoId, tagId: tag.id })), { transaction })
  }

  /** The tag rows for these names, created when missing. */
  static async findOrCreateAll (names: string[], transaction?: Transaction) {
    const unique = [ ...new Set(names.map(n => n.trim()).filter(Boolean)) ]
    if (unique.length === 0) return []
    await TagModel.bulkCreate(unique.map(name => ({ name })), { ignoreDuplicates: true, transaction })
    return TagModel.findAll({ where: { name: { [Op.in]: unique } }, transaction })
  }
}
