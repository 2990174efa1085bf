import { DataTypes, Model, Op, type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'
import { VideoModel } from '../video/video.js'

/**
 * Our failed attempts at mirroring a remote video (the origin answers errors, bytes that do not match): the
 * redundancy scheduler leaves the video aside until `retryAfter`, longer after each failure, so one video that
 * keeps failing does not take every interval from the other candidates. Removed when a mirror succeeds.
 */
export class VideoRedundancyAttemptModel extends Model<InferAttributes<VideoRedundancyAttemptModel>, InferCreationAttributes<VideoRedundancyAttemptModel>> {
  declare id: CreationOptional<number>
  declare videoId: ForeignKey<VideoModel['id']>
  declare failures: number
  declare lastError: string | null
  declare retryAfter: Date
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    VideoRedundancyAttemptModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      lastError: { type: DataTypes.STRING(1000), allowNull: true },
      retryAfter: { type: DataTypes.DATE, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoRedundancyAttempt',
      tableName: 'videoRedundancyAttempt',
      indexes: [ { fields: [ 'videoId' ], unique: true } ]
    })
  }

  static associate () {
    VideoRedundancyAttemptModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
  }

  /** One more failure: the video waits `backoff(failures)` before the scheduler picks it again. */
  static async recordFailure (videoId: number, error: string, backoff: (failures: number) => number) {
    const existing = await VideoRedundancyAttemptModel.findOne({ where: { videoId } })
    const failures = (existing?.failures ?? 0) + 1
    const values = { failures, lastError: error.slice(0, 1000), retryAfter: new Date(Date.now() + backoff(failures)) }
    if (existing) return existing.update(values)
    return VideoRedundancyAttemptModel.create({ videoId, ...values })
  }

  static async clear (videoId: number) {
    await VideoRedundancyAttemptModel.destroy({ where: { videoId } })
  }

  static async listWaiting () {
    return VideoRedundancyAttemptModel.findAll({ where: { retryAfter: { [Op.gt]: new Date() } } })
  }
}
