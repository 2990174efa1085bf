import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import type { LiveVideoErrorType } from '../../../shared/models/lives.js'
import type { VideoPrivacyType } from '../../../shared/models/videos.js'
import { VideoModel } from '../video/video.js'

/**
 * One streaming session of a live (PeerTube's `videoLiveSession`): when it started and ended, why it ended early,
 * and the video its replay became. A session without an end date at start-up was cut by a crash.
 */
export class VideoLiveSessionModel extends Model<InferAttributes<VideoLiveSessionModel>, InferCreationAttributes<VideoLiveSessionModel>> {
  declare id: CreationOptional<number>
  declare liveVideoId: ForeignKey<VideoModel['id']> | null
  declare replayVideoId: ForeignKey<VideoModel['id']> | null
  declare startDate: Date
  declare endDate: Date | null
  declare error: LiveVideoErrorType | null
  declare saveReplay: boolean
  declare replayPrivacy: VideoPrivacyType | null
  /** The session's end is fully recorded (state, replay job). */
  declare endingProcessed: CreationOptional<boolean>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare ReplayVideo?: NonAttribute<VideoModel | null>

  static initModel (sequelize: Sequelize) {
    VideoLiveSessionModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      liveVideoId: { type: DataTypes.INTEGER, allowNull: true },
      replayVideoId: { type: DataTypes.INTEGER, allowNull: true },
      startDate: { type: DataTypes.DATE, allowNull: false },
      endDate: { type: DataTypes.DATE, allowNull: true },
      error: { type: DataTypes.INTEGER, allowNull: true },
      saveReplay: { type: DataTypes.BOOLEAN, allowNull: false },
      replayPrivacy: { type: DataTypes.INTEGER, allowNull: true },
      endingProcessed: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoLiveSession',
      tableName: 'videoLiveSession',
      indexes: [ { fields: [ 'liveVideoId' ] }, { fields: [ 'replayVideoId' ], unique: true } ]
    })
  }

  static associate () {
    VideoLiveSessionModel.belongsTo(VideoModel, { as: 'LiveVideo', foreignKey: { name: 'liveVideoId', allowNull: true }, onDelete: 'SET NULL' })
    VideoLiveSessionModel.belongsTo(VideoModel, { as: 'ReplayVideo', foreignKey: { name: 'replayVideoId', allowNull: true }, onDelete: 'SET NULL' })
  }

  static async listOfLive (liveVideoId: number) {
    return VideoLiveSessionModel.findAll({
      where: { liveVideoId },
      order: [ [ 'startDate', 'ASC' ] ],
      include: [ { model: VideoModel, as: 'ReplayVideo', required: false, attributes: [ 'id', 'uuid' ] } ]
    })
  }

  static async loadOfReplay (replayVideoId: number) {
    return VideoLiveSessionModel.findOne({
      where: { replayVideoId },
      include: [ { model: VideoModel, as: 'ReplayVideo', required: false, attributes: [ 'id', 'uuid' ] } ]
    })
  }

  /** Whether this video is the replay of a live's session. */
  static async isReplay (videoId: number) {
    return (await VideoLiveSessionModel.count({ where: { replayVideoId: videoId } })) !== 0
  }

  /** Sessions whose end was never recorded (the instance died while they streamed, or while ending them). */
  static async listUnfinished () {
    return VideoLiveSessionModel.findAll({ where: { endingProcessed: false, liveVideoId: { [Op.ne]: null } }, order: [ [ 'id', 'ASC' ] ] })
  }
}
