import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { ActorModel } from '../actor/actor.js'
import { VideoFileModel } from '../video/video-file.js'
import { VideoStreamingPlaylistModel } from '../video/video-streaming-playlist.js'

export const REDUNDANCY_STATES = [ 'pending', 'verified', 'rejected' ] as const
export type RedundancyState = typeof REDUNDANCY_STATES[number]

/**
 * A mirror of one web video file or of one HLS playlist (PeerTube's `videoRedundancy`, a `CacheFile` in
 * ActivityPub). Ours (actorId = our server actor, `strategy` set): a copy of a remote video we hold and serve.
 * Remote ones: another instance's announced copy, listed only once we checked it holds the right bytes
 * (`state = verified`).
 */
export class VideoRedundancyModel extends Model<InferAttributes<VideoRedundancyModel>, InferCreationAttributes<VideoRedundancyModel>> {
  declare id: CreationOptional<number>
  declare expiresOn: Date | null
  /** Where the mirror serves the file (web video) or its HLS base URL (playlist). */
  declare fileUrl: string
  /** The CacheFile's ActivityPub id. */
  declare url: string
  /** 'manual', 'most-views', 'trending', 'recently-added'; null for remote mirrors. */
  declare strategy: string | null
  declare state: CreationOptional<RedundancyState>
  /** Why a remote mirror was refused (what the check found). */
  declare stateReason: CreationOptional<string | null>
  declare verifiedAt: CreationOptional<Date | null>
  declare videoFileId: ForeignKey<VideoFileModel['id']> | null
  declare videoStreamingPlaylistId: ForeignKey<VideoStreamingPlaylistModel['id']> | null
  declare actorId: ForeignKey<ActorModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare VideoFile?: NonAttribute<VideoFileModel | null>
  declare VideoStreamingPlaylist?: NonAttribute<VideoStreamingPlaylistModel | null>
  declare Actor?: NonAttribute<ActorModel>

  static initModel (sequelize: Sequelize) {
    VideoRedundancyModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      expiresOn: { type: DataTypes.DATE, allowNull: true },
      fileUrl: { type: DataTypes.STRING(2000), allowNull: false },
      url: { type: DataTypes.STRING(2000), allowNull: false },
      strategy: { type: DataTypes.STRING, allowNull: true },
      state: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'pending' },
      stateReason: { type: DataTypes.STRING(1000), allowNull: true },
      verifiedAt: { type: DataTypes.DATE, allowNull: true },
      videoFileId: { type: DataTypes.INTEGER, allowNull: true },
      videoStreamingPlaylistId: { type: DataTypes.INTEGER, allowNull: true },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoRedundancy',
      tableName: 'videoRedundancy',
      indexes: [
        { fields: [ 'url' ], unique: true },
        { fields: [ 'videoFileId' ] },
        { fields: [ 'videoStreamingPlaylistId' ] },
        { fields: [ 'actorId' ] },
        { fields: [ 'expiresOn' ] }
      ]
    })
  }

  static associate () {
    VideoRedundancyModel.belongsTo(VideoFileModel, { foreignKey: { name: 'videoFileId', allowNull: true }, onDelete: 'CASCADE' })
    VideoFileModel.hasMany(VideoRedundancyModel, { foreignKey: 'videoFileId', as: 'RedundancyVideos' })
    VideoRedundancyModel.belongsTo(VideoStreamingPlaylistModel, { foreignKey: { name: 'videoStreamingPlaylistId', allowNull: true }, onDelete: 'CASCADE' })
    VideoStreamingPlaylistModel.hasMany(VideoRedundancyModel, { foreignKey: 'videoStreamingPlaylistId', as: 'RedundancyVideos' })
    VideoRedundancyModel.belongsTo(ActorModel, { foreignKey: { name: 'actorId', allowNull: false }, onDelete: 'CASCADE' })
  }
}
