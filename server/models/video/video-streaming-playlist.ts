import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'
import type { VideoFileModel } from './video-file.js'

/** A video's HLS rendition set: master playlist, per-resolution fragmented MP4s (VideoFiles), segment hashes. */
export class VideoStreamingPlaylistModel extends Model<InferAttributes<VideoStreamingPlaylistModel>, InferCreationAttributes<VideoStreamingPlaylistModel>> {
  declare id: CreationOptional<number>
  declare type: number
  declare playlistFilename: string
  declare playlistUrl: string | null
  declare segmentsSha256Filename: string
  declare segmentsSha256Url: string | null
  declare p2pMediaLoaderInfohashes: string[]
  declare p2pMediaLoaderPeerVersion: number
  declare storage: CreationOptional<number>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare VideoFiles?: NonAttribute<VideoFileModel[]>
  declare Video?: NonAttribute<VideoModel>

  static initModel (sequelize: Sequelize) {
    VideoStreamingPlaylistModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      type: { type: DataTypes.INTEGER, allowNull: false },
      playlistFilename: { type: DataTypes.STRING, allowNull: false },
      playlistUrl: { type: DataTypes.STRING(2000), allowNull: true },
      segmentsSha256Filename: { type: DataTypes.STRING, allowNull: false },
      segmentsSha256Url: { type: DataTypes.STRING(2000), allowNull: true },
      p2pMediaLoaderInfohashes: { type: DataTypes.ARRAY(DataTypes.STRING), allowNull: false, defaultValue: [] },
      p2pMediaLoaderPeerVersion: { type: DataTypes.INTEGER, allowNull: false },
      storage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoStreamingPlaylist',
      tableName: 'videoStreamingPlaylist',
      indexes: [
        { fields: [ 'videoId', 'type' ], unique: true },
        // The tracker asks "is this swarm ours?" on every unknown announce.
        { fields: [ 'p2pMediaLoaderInfohashes' ], using: 'gin' }
      ]
    })
  }

  static associate () {
    VideoStreamingPlaylistModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
    VideoModel.hasMany(VideoStreamingPlaylistModel, { foreignKey: 'videoId' })
  }
}
