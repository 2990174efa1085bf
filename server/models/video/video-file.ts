import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { VideoModel } from './video.js'
import { VideoStreamingPlaylistModel } from './video-streaming-playlist.js'

/**
 * One playable file: a web video MP4 (videoId set) or the fragmented MP4 of an HLS rendition
 * (videoStreamingPlaylistId set). Remote files keep their origin's URLs.
 */
export class VideoFileModel extends Model<InferAttributes<VideoFileModel>, InferCreationAttributes<VideoFileModel>> {
  declare id: CreationOptional<number>
  /** Height in pixels (PeerTube's "resolution"); 0 for audio only. */
  declare resolution: number
  declare width: number | null
  declare height: number | null
  declare size: number
  declare extname: string
  declare fps: number
  declare filename: string
  declare fileUrl: string | null
  /** Remote files: where the origin serves the file's ffprobe metadata. */
  declare metadataUrl: CreationOptional<string | null>
  declare torrentFilename: string | null
  declare torrentUrl: string | null
  declare infoHash: string | null
  declare hasAudio: boolean
  declare hasVideo: boolean
  declare storage: CreationOptional<number>
  /** SHA-256 of the bytes as written (local files); the scrub checks every copy against it. */
  declare sha256: CreationOptional<string | null>
  declare videoId: ForeignKey<VideoModel['id']> | null
  declare videoStreamingPlaylistId: ForeignKey<VideoStreamingPlaylistModel['id']> | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    VideoFileModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      resolution: { type: DataTypes.INTEGER, allowNull: false },
      width: { type: DataTypes.INTEGER, allowNull: true },
      height: { type: DataTypes.INTEGER, allowNull: true },
      size: {
        type: DataTypes.BIGINT,
        allowNull: false,
        get (this: VideoFileModel) {
          return Number(this.getDataValue('size'))
        }
      },
      extname: { type: DataTypes.STRING, allowNull: false },
      fps: { type: DataTypes.INTEGER, allowNull: false },
      filename: { type: DataTypes.STRING, allowNull: false },
      fileUrl: { type: DataTypes.STRING(2000), allowNull: true },
      metadataUrl: { type: DataTypes.STRING(2000), allowNull: true },
      torrentFilename: { type: DataTypes.STRING, allowNull: true },
      torrentUrl: { type: DataTypes.STRING(2000), allowNull: true },
      infoHash: { type: DataTypes.STRING, allowNull: true },
      hasAudio: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      hasVideo: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      storage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      sha256: { type: DataTypes.STRING(64), allowNull: true },
      videoId: { type: DataTypes.INTEGER, allowNull: true },
      videoStreamingPlaylistId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoFile',
      tableName: 'videoFile',
      indexes: [
        { fields: [ 'videoId' ] },
        { fields: [ 'videoStreamingPlaylistId' ] },
        { fields: [ 'infoHash' ] },
        { fields: [ 'filename' ], unique: true },
        { fields: [ 'torrentFilename' ], unique: true },
        // One file per resolution and per owner (web videos or one HLS playlist).
        { fields: [ 'videoId', 'resolution' ], unique: true, where: { videoId: { [Op.ne]: null } } },
        { fields: [ 'videoStreamingPlaylistId', 'resolution' ], unique: true, where: { videoStreamingPlaylistId: { [Op.ne]: null } } }
      ]
    })
  }

  static associate () {
    VideoFileModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: true }, onDelete: 'CASCADE' })
    VideoModel.hasMany(VideoFileModel, { foreignKey: 'videoId' })
    VideoFileModel.belongsTo(VideoStreamingPlaylistModel, { foreignKey: { name: 'videoStreamingPlaylistId', allowNull: true }, onDelete: 'CASCADE' })
    VideoStreamingPlaylistModel.hasMany(VideoFileModel, { foreignKey: 'videoStreamingPlaylistId' })
  }

  isHls () {
    return this.videoStreamingPlaylistId !== null && this.videoStreamingPlaylistId !== undefined
  }
}
