import {
  DataTypes, Model, Op, QueryTypes,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { VideoPlaylistModel } from './video-playlist.js'
import { VideoModel } from './video.js'

/**
 * One video at one position of a playlist, optionally from `startTimestamp` to `stopTimestamp` (seconds). A video
 * may appear several times. When the video is deleted the element stays, without video (shown as deleted).
 */
export class VideoPlaylistElementModel extends Model<InferAttributes<VideoPlaylistElementModel>, InferCreationAttributes<VideoPlaylistElementModel>> {
  declare id: CreationOptional<number>
  /** The ActivityPub id; local ones are set once the id is known. */
  declare url: CreationOptional<string | null>
  /** 1 for the first element. */
  declare position: number
  declare startTimestamp: number | null
  declare stopTimestamp: number | null
  declare videoPlaylistId: ForeignKey<VideoPlaylistModel['id']>
  declare videoId: ForeignKey<VideoModel['id']> | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Video?: NonAttribute<VideoModel | null>
  declare VideoPlaylist?: NonAttribute<VideoPlaylistModel>

  static initModel (sequelize: Sequelize) {
    VideoPlaylistElementModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      url: { type: DataTypes.STRING(2000), allowNull: true },
      position: { type: DataTypes.INTEGER, allowNull: false },
      startTimestamp: { type: DataTypes.INTEGER, allowNull: true },
      stopTimestamp: { type: DataTypes.INTEGER, allowNull: true },
      videoPlaylistId: { type: DataTypes.INTEGER, allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoPlaylistElement',
      tableName: 'videoPlaylistElement',
      indexes: [
        { fields: [ 'videoPlaylistId', 'position' ] },
        { fields: [ 'videoId' ] },
        { fields: [ 'url' ] }
      ]
    })
  }

  static associate () {
    VideoPlaylistElementModel.belongsTo(VideoPlaylistModel, { foreignKey: { name: 'videoPlaylistId', allowNull: false }, onDelete: 'CASCADE' })
    VideoPlaylistElementModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: true }, onDelete: 'SET NULL' })
    VideoPlaylistModel.hasMany(VideoPlaylistElementModel, { foreignKey: 'videoPlaylistId' })
  }

  static async countOf (playlistId: number) {
    return VideoPlaylistElementModel.count({ where: { videoPlaylistId: playlistId } })
  }

  /** Position for an element appended at the end. */
  static async nextPositionOf (playlistId: number) {
    const max = await VideoPlaylistElementModel.max<number, VideoPlaylistElementModel>('position', { where: { videoPlaylistId: playlistId } })
    return (max ?? 0) + 1
  }

  static async loadInPlaylist (playlistId: number, elementId: number) {
    return VideoPlaylistElementModel.findOne({ where: { id: elementId, videoPlaylistId: playlistId } })
  }

  /** Moves the positions of [from, to] by `delta` (to = null: to the end). */
  static async shiftPositions (playlistId: number, from: number, to: number | null, delta: number) {
    await VideoPlaylistElementModel.sequelize!.query(
      'UPDATE "videoPlaylistElement" SET "position" = "position" + :delta, "updatedAt" = now() ' +
      'WHERE "videoPlaylistId" = :playlistId AND "position" >= :from' + (to === null ? '' : ' AND "position" <= :to'),
      { replacements: { playlistId, from, to, delta }, type: QueryTypes.UPDATE }
    )
  }

  /** Element URLs in order, a page at a time (the playlist's ActivityPub collection). */
  static async listUrlsForActivityPub (playlistId: number, start: number, count: number) {
    const where = { videoPlaylistId: playlistId, videoId: { [Op.ne]: null }, url: { [Op.ne]: null } }
    const [ total, rows ] = await Promise.all([
      VideoPlaylistElementModel.count({ where }),
      VideoPlaylistElementModel.findAll({ attributes: [ 'url' ], where, order: [ [ 'position', 'ASC' ], [ 'id', 'ASC' ] ], offset: start, limit: count })
    ])
    return { total, data: rows.map(row => row.url as string) }
  }
}
