import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize, type Transaction
} from 'sequelize'
import { ActorModel } from '../actor/actor.js'
import { VideoModel } from './video.js'

/**
 * One Announce of a video by an actor: ours (the channel and the server actor announce every local video they
 * federate) or a remote one (an instance that re-shared a video). `url` is the Announce activity's id.
 */
export class VideoShareModel extends Model<InferAttributes<VideoShareModel>, InferCreationAttributes<VideoShareModel>> {
  declare id: CreationOptional<number>
  declare url: string
  declare actorId: ForeignKey<ActorModel['id']>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Actor?: NonAttribute<ActorModel>

  static initModel (sequelize: Sequelize) {
    VideoShareModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      url: { type: DataTypes.STRING(2000), allowNull: false },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoShare',
      tableName: 'videoShare',
      indexes: [ { fields: [ 'url' ], unique: true }, { fields: [ 'actorId', 'videoId' ], unique: true }, { fields: [ 'videoId' ] } ]
    })
  }

  static associate () {
    VideoShareModel.belongsTo(ActorModel, { foreignKey: { name: 'actorId', allowNull: false }, onDelete: 'CASCADE' })
    VideoShareModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasMany(VideoShareModel, { foreignKey: 'videoId' })
  }

  /** The share of this actor and video, created when missing (an Announce received twice is one share). */
  static async findOrCreateShare (values: { url: string, actorId: number, videoId: number }, transaction?: Transaction) {
    const existing = await VideoShareModel.findOne({ where: { actorId: values.actorId, videoId: values.videoId }, transaction })
    if (existing) return existing
    const [ share ] = await VideoShareModel.findOrCreate({ where: { url: values.url }, defaults: values, transaction })
    return share
  }

  /** The share of this actor and video, with its actor (for its Announce). */
  static async loadWithActor (actorId: number, videoId: number) {
    return VideoShareModel.findOne({ where: { actorId, videoId }, include: [ { model: ActorModel, required: true } ] })
  }

  static async isSharedBy (actorId: number, videoId: number) {
    return (await VideoShareModel.count({ where: { actorId, videoId } })) !== 0
  }

  static async destroyByVideo (videoId: number, transaction?: Transaction) {
    await VideoShareModel.destroy({ where: { videoId }, transaction })
  }

  /** Undo of an Announce: only its author can take it back. */
  static async destroyByUrlAndActor (url: string, actorId: number) {
    return VideoShareModel.destroy({ where: { url, actorId } })
  }

  /** The announces collection of a video: Announce ids, oldest first. */
  static async listUrlsByVideo (videoId: number, start: number, count: number) {
    const { rows, count: total } = await VideoShareModel.findAndCountAll({
      where: { videoId },
      attributes: [ 'url' ],
      order: [ [ 'createdAt', 'ASC' ], [ 'id', 'ASC' ] ],
      offset: start,
      limit: count
    })
    return { total, data: rows.map(r => r.url) }
  }

  /** Ids of the videos among `videoIds` that `actorId` shared. */
  static async listSharedVideoIds (actorId: number, videoIds: number[]) {
    if (videoIds.length === 0) return new Map<number, string>()
    const rows = await VideoShareModel.findAll({ where: { actorId, videoId: { [Op.in]: videoIds } }, attributes: [ 'videoId', 'url' ] })
    return new Map(rows.map(r => [ r.videoId as number, r.url ]))
  }
}
