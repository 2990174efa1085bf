import {
  DataTypes, Model, Op,
  type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize, type Transaction
} from 'sequelize'
import { VideoModel } from './video.js'

/**
 * A BitTorrent tracker of remote videos: peers of a remote video meet on its origin's tracker, as its magnet
 * links and `tracker` Links say. Local videos use our own tracker and have no rows here.
 */
export class TrackerModel extends Model<InferAttributes<TrackerModel>, InferCreationAttributes<TrackerModel>> {
  declare id: CreationOptional<number>
  declare url: string
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    TrackerModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      url: { type: DataTypes.STRING(2000), allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, { sequelize, modelName: 'Tracker', tableName: 'tracker', indexes: [ { fields: [ 'url' ], unique: true } ] })
  }

  static associate () {
    // The join table is created by Sequelize as "videoTracker" (videoId, trackerId).
    TrackerModel.belongsToMany(VideoModel, { through: 'videoTracker', foreignKey: 'trackerId', otherKey: 'videoId', onDelete: 'CASCADE' })
    VideoModel.belongsToMany(TrackerModel, { through: 'videoTracker', foreignKey: 'videoId', otherKey: 'trackerId', onDelete: 'CASCADE' })
  }

  /** Replaces a video's trackers with these URLs, in this order of preference. */
  static async setVideoTrackers (videoId: number, urls: string[], transaction?: Transaction) {
    const unique = [ ...new Set(urls) ]
    const join = TrackerModel.sequelize!.models.videoTracker
    await join.destroy({ where: { videoId }, transaction })
    if (unique.length === 0) return

    await TrackerModel.bulkCreate(unique.map(url => ({ url })), { ignoreDuplicates: true, transaction })
    const trackers = await TrackerModel.findAll({ where: { url: { [Op.in]: unique } }, transaction })
    await join.bulkCreate(trackers.map(tracker => ({ videoId, trackerId: tracker.id })), { transaction })
  }
}
