import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize, type WhereOptions
} from 'sequelize'
import { VideoImportState, type VideoImportStateType } from '../../../shared/models/video-imports.js'
import { UserModel } from '../user/user.js'
import { summaryIncludes } from './queries/video-includes.js'
import { VideoModel } from './video.js'
import type { VideoImportWithVideo } from './video-loaded.js'
import { containsPattern } from '../../helpers/sql-like.js'

/** Import states that are over: the import can be deleted, never cancelled. */
export const ENDED_IMPORT_STATES: readonly number[] = [ VideoImportState.SUCCESS, VideoImportState.FAILED, VideoImportState.REJECTED, VideoImportState.CANCELLED ]

/**
 * A video brought in from elsewhere (a media URL, a .torrent or a magnet link). Its video row exists from the
 * request on (state "To import"); the download job fills it and hands it to transcoding.
 */
export class VideoImportModel extends Model<InferAttributes<VideoImportModel>, InferCreationAttributes<VideoImportModel>> {
  declare id: CreationOptional<number>
  declare targetUrl: string | null
  declare magnetUri: string | null
  declare torrentName: string | null
  /** The uploaded .torrent (at most a megabyte), kept so that a retried job reads the same one. */
  declare torrentFile: Buffer | null
  declare state: VideoImportStateType
  declare error: string | null
  declare userId: ForeignKey<UserModel['id']>
  declare videoId: ForeignKey<VideoModel['id']> | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Video?: VideoModel | null
  declare User?: UserModel

  static initModel (sequelize: Sequelize) {
    VideoImportModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      targetUrl: { type: DataTypes.STRING(2000), allowNull: true },
      magnetUri: { type: DataTypes.STRING(2000), allowNull: true },
      torrentName: { type: DataTypes.STRING(255), allowNull: true },
      torrentFile: { type: DataTypes.BLOB, allowNull: true },
      state: { type: DataTypes.INTEGER, allowNull: false },
      error: { type: DataTypes.TEXT, allowNull: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoImport',
      tableName: 'videoImport',
      indexes: [ { fields: [ 'userId', 'createdAt' ] }, { fields: [ 'videoId' ], unique: true } ]
    })
  }

  static associate () {
    VideoImportModel.belongsTo(UserModel, { foreignKey: { name: 'userId', allowNull: false }, onDelete: 'CASCADE' })
    // The import outlives its video (its history stays in the user's list), as PeerTube's does.
    VideoImportModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: true }, onDelete: 'SET NULL' })
  }

  static async loadWithVideo (id: number) {
    return VideoImportModel.findByPk(id, {
      attributes: { exclude: [ 'torrentFile' ] },
      include: [ { model: VideoModel, required: false, include: summaryIncludes() } ]
    }) as Promise<VideoImportWithVideo | null>
  }

  static async loadState (id: number) {
    return VideoImportModel.findByPk(id, { attributes: [ 'id', 'state', 'videoId' ] })
  }

  static async listForUser (options: {
    userId: number
    start: number
    count: number
    sort: string
    id?: number
    targetUrl?: string
    search?: string
  }) {
    const where: WhereOptions = { userId: options.userId }
    if (options.id !== undefined) Object.assign(where, { id: options.id })
    if (options.targetUrl !== undefined) Object.assign(where, { targetUrl: options.targetUrl })
    const descending = options.sort.startsWith('-')
    const { rows, count } = await VideoImportModel.findAndCountAll({
      where,
      attributes: { exclude: [ 'torrentFile' ] },
      include: [ {
        model: VideoModel,
        required: options.search !== undefined,
        where: options.search !== undefined ? { name: { [Op.iLike]: containsPattern(options.search) } } : undefined,
        include: summaryIncludes()
      } ],
      order: [ [ options.sort.replace(/^-/, ''), descending ? 'DESC' : 'ASC' ], [ 'id', descending ? 'DESC' : 'ASC' ] ],
      offset: options.start,
      limit: options.count,
      distinct: true
    })
    return { total: count, data: rows as VideoImportWithVideo[] }
  }
}
