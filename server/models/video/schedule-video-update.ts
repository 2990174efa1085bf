import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import type { VideoPrivacyType } from '../../../shared/models/videos.js'
import { VideoModel } from './video.js'

/**
 * A privacy change planned for a local video (PeerTube's "scheduled publication"): at `updateAt` the video takes
 * `privacy` (public, unlisted or internal), then the row goes. One per video.
 */
export class ScheduleVideoUpdateModel extends Model<InferAttributes<ScheduleVideoUpdateModel>, InferCreationAttributes<ScheduleVideoUpdateModel>> {
  declare id: CreationOptional<number>
  declare updateAt: Date
  /** null keeps the privacy (PeerTube allows it; nothing changes then but the publication date). */
  declare privacy: VideoPrivacyType | null
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    ScheduleVideoUpdateModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      updateAt: { type: DataTypes.DATE, allowNull: false },
      privacy: { type: DataTypes.INTEGER, allowNull: true },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'ScheduleVideoUpdate',
      tableName: 'scheduleVideoUpdate',
      indexes: [ { fields: [ 'videoId' ], unique: true }, { fields: [ 'updateAt' ] } ]
    })
  }

  static associate () {
    ScheduleVideoUpdateModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasOne(ScheduleVideoUpdateModel, { foreignKey: 'videoId' })
  }

  static loadByVideo (videoId: number) {
    return ScheduleVideoUpdateModel.findOne({ where: { videoId } })
  }

  /** Sets (or replaces) the video's schedule. */
  static async upsertForVideo (videoId: number, updateAt: Date, privacy: VideoPrivacyType | null) {
    await ScheduleVideoUpdateModel.destroy({ where: { videoId } })
    return ScheduleVideoUpdateModel.create({ videoId, updateAt, privacy })
  }

  static listByVideos (videoIds: number[]) {
    if (videoIds.length === 0) return Promise.resolve([])
    return ScheduleVideoUpdateModel.findAll({ where: { videoId: { [Op.in]: videoIds } } })
  }

  static removeForVideo (videoId: number) {
    return ScheduleVideoUpdateModel.destroy({ where: { videoId } })
  }

  /** Schedules whose time has come, oldest first. */
  static listDue (now: Date, limit: number) {
    return ScheduleVideoUpdateModel.findAll({ where: { updateAt: { [Op.lte]: now } }, order: [ [ 'updateAt', 'ASC' ] ], limit })
  }

  /** Removes this schedule only if it is still the one that was applied (the owner may have set a new one since). */
  static removeIfUnchanged (schedule: ScheduleVideoUpdateModel) {
    return ScheduleVideoUpdateModel.destroy({ where: { id: schedule.id, updateAt: schedule.updateAt } })
  }

  toFormattedJSON () {
    return { updateAt: this.updateAt.toISOString(), privacy: this.privacy ?? undefined }
  }
}
