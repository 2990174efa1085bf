import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { VideoModel } from '../video/video.js'
import { UserModel } from './user.js'

/** Where a user stopped in a video, and when they last watched it (their history). */
export class UserVideoHistoryModel extends Model<InferAttributes<UserVideoHistoryModel>, InferCreationAttributes<UserVideoHistoryModel>> {
  declare id: CreationOptional<number>
  /** Seconds. */
  declare currentTime: number
  declare userId: ForeignKey<UserModel['id']>
  declare videoId: ForeignKey<VideoModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    UserVideoHistoryModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      currentTime: { type: DataTypes.INTEGER, allowNull: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'UserVideoHistory',
      tableName: 'userVideoHistory',
      indexes: [ { fields: [ 'userId', 'videoId' ], unique: true }, { fields: [ 'userId', 'updatedAt' ] }, { fields: [ 'videoId' ] } ]
    })
  }

  static associate () {
    UserVideoHistoryModel.belongsTo(UserModel, { foreignKey: { name: 'userId', allowNull: false }, onDelete: 'CASCADE' })
    UserVideoHistoryModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: false }, onDelete: 'CASCADE' })
  }

  /** Records the position; updatedAt moves too, so the video comes first in the history. */
  static async record (userId: number, videoId: number, currentTime: number) {
    await UserVideoHistoryModel.upsert({ userId, videoId, currentTime, updatedAt: new Date() }, { conflictFields: [ 'userId', 'videoId' ] as never })
  }

  static async loadPositions (userId: number, videoIds: number[]) {
    if (videoIds.length === 0) return new Map<number, number>()
    const rows = await UserVideoHistoryModel.findAll({ attributes: [ 'videoId', 'currentTime' ], where: { userId, videoId: { [Op.in]: videoIds } } })
    return new Map(rows.map(row => [ row.videoId as number, row.currentTime ]))
  }

  static async removeOne (userId: number, videoId: number) {
    return UserVideoHistoryModel.destroy({ where: { userId, videoId } })
  }

  /** Everything, or what was watched before `beforeDate`. */
  static async removeAll (userId: number, beforeDate?: Date) {
    return UserVideoHistoryModel.destroy({ where: beforeDate ? { userId, updatedAt: { [Op.lt]: beforeDate } } : { userId } })
  }
}
