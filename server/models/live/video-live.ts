import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { LiveVideoLatencyMode, type LiveVideoLatencyModeType } from '../../../shared/models/lives.js'
import { VideoState, type VideoPrivacyType } from '../../../shared/models/videos.js'
import { VideoChannelModel } from '../account/video-channel.js'
import { AccountModel } from '../account/account.js'
import { VideoModel } from '../video/video.js'

/**
 * The live part of a local live video (PeerTube's `videoLive`): its stream key and settings. Remote lives have
 * one too (without a key), holding what their Video object says (replay, permanence, latency mode).
 */
export class VideoLiveModel extends Model<InferAttributes<VideoLiveModel>, InferCreationAttributes<VideoLiveModel>> {
  declare id: CreationOptional<number>
  declare videoId: ForeignKey<VideoModel['id']>
  /** Null for remote lives. */
  declare streamKey: string | null
  declare saveReplay: boolean
  declare permanentLive: boolean
  declare latencyMode: LiveVideoLatencyModeType
  /** Privacy the replay gets (PeerTube keeps it in videoLiveReplaySetting); null when no replay is saved. */
  declare replayPrivacy: VideoPrivacyType | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Video?: NonAttribute<VideoModel>

  static initModel (sequelize: Sequelize) {
    VideoLiveModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      streamKey: { type: DataTypes.STRING, allowNull: true },
      saveReplay: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      permanentLive: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      latencyMode: { type: DataTypes.INTEGER, allowNull: false, defaultValue: LiveVideoLatencyMode.DEFAULT },
      replayPrivacy: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoLive',
      tableName: 'videoLive',
      indexes: [ { fields: [ 'videoId' ], unique: true }, { fields: [ 'streamKey' ], unique: true } ]
    })
  }

  static associate () {
    VideoLiveModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasOne(VideoLiveModel, { foreignKey: 'videoId' })
  }

  static async loadByStreamKey (streamKey: string) {
    return VideoLiveModel.findOne({
      where: { streamKey },
      include: [ { model: VideoModel, required: true, where: { remote: false } } ]
    })
  }

  static async loadByVideoId (videoId: number) {
    return VideoLiveModel.findOne({ where: { videoId } })
  }

  /** Local lives that are not over (PeerTube's count for max_instance_lives / max_user_lives). */
  static async countActiveLocal (accountId?: number) {
    return VideoModel.count({
      where: { remote: false, isLive: true, state: { [Op.ne]: VideoState.LIVE_ENDED } },
      include: accountId === undefined ? [] : [ { model: VideoChannelModel, required: true, attributes: [], where: { accountId } } ]
    })
  }

  /** The owner's user id of a local live (quota, blocked users). */
  static async loadOwnerUserId (videoId: number) {
    const video = await VideoModel.findByPk(videoId, {
      attributes: [ 'id' ],
      include: [ { model: VideoChannelModel, required: true, attributes: [ 'id' ], include: [ { model: AccountModel, required: true, attributes: [ 'id', 'userId' ] } ] } ]
    })
    return video?.VideoChannel?.Account?.userId ?? null
  }
}
