import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import type { UserNotificationTypeValue } from '../../../shared/models/notifications.js'
import { AccountModel } from '../account/account.js'
import { ActorFollowModel } from '../actor/actor-follow.js'
import { VideoModel } from '../video/video.js'
import { UserRegistrationModel } from './user-registration.js'
import { UserModel } from './user.js'

/**
 * Snapshots of what a notification is about when that object lives in another module's tables (a comment, a
 * report, a block): shown as they were when the event happened. Objects we reference by foreign key (videos,
 * accounts, follows, registrations) are read live, and their notifications go with them.
 */
export interface NotificationDetails {
  /** The comment's author is the notification's account. */
  comment?: { id: number, threadId: number, heldForReview: boolean }
  /** The flagged account, if any, is the notification's account. */
  abuse?: { id: number, state: number, comment?: { threadId: number } }
  videoBlacklist?: { id: number }
  /** Why a transcoding failed, for its owner. */
  reason?: string
  /** The import that ended (its video is the notification's video). */
  videoImport?: { id: number, targetUrl: string | null, magnetUri: string | null, torrentName: string | null }
}

/** One event shown to one user. */
export class UserNotificationModel extends Model<InferAttributes<UserNotificationModel>, InferCreationAttributes<UserNotificationModel>> {
  declare id: CreationOptional<number>
  declare type: UserNotificationTypeValue
  declare read: CreationOptional<boolean>
  declare userId: ForeignKey<UserModel['id']>
  declare videoId: CreationOptional<ForeignKey<VideoModel['id']> | null>
  declare accountId: CreationOptional<ForeignKey<AccountModel['id']> | null>
  declare actorFollowId: CreationOptional<ForeignKey<ActorFollowModel['id']> | null>
  declare userRegistrationId: CreationOptional<ForeignKey<UserRegistrationModel['id']> | null>
  declare details: CreationOptional<NotificationDetails | null>
  /**
   * Same key for the same user, same event: written once however often the event is reported (a job that runs
   * twice after a crash notifies once).
   */
  declare dedupKey: CreationOptional<string | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Video?: NonAttribute<VideoModel | null>
  declare Account?: NonAttribute<AccountModel | null>
  declare ActorFollow?: NonAttribute<ActorFollowModel | null>
  declare UserRegistration?: NonAttribute<UserRegistrationModel | null>

  static initModel (sequelize: Sequelize) {
    UserNotificationModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      type: { type: DataTypes.INTEGER, allowNull: false },
      read: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      videoId: { type: DataTypes.INTEGER, allowNull: true },
      accountId: { type: DataTypes.INTEGER, allowNull: true },
      actorFollowId: { type: DataTypes.INTEGER, allowNull: true },
      userRegistrationId: { type: DataTypes.INTEGER, allowNull: true },
      details: { type: DataTypes.JSONB, allowNull: true },
      dedupKey: { type: DataTypes.STRING(300), allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'UserNotification',
      tableName: 'userNotification',
      indexes: [
        { fields: [ 'userId', 'read' ] },
        { fields: [ 'userId', 'createdAt' ] },
        { fields: [ 'userId', 'dedupKey' ], unique: true, where: { dedupKey: { [Op.ne]: null } } },
        { fields: [ 'videoId' ] },
        { fields: [ 'accountId' ] },
        { fields: [ 'actorFollowId' ] },
        { fields: [ 'userRegistrationId' ] }
      ]
    })
  }

  static associate () {
    UserNotificationModel.belongsTo(UserModel, { foreignKey: { name: 'userId', allowNull: false }, onDelete: 'CASCADE' })
    UserNotificationModel.belongsTo(VideoModel, { foreignKey: { name: 'videoId', allowNull: true }, onDelete: 'CASCADE' })
    UserNotificationModel.belongsTo(AccountModel, { foreignKey: { name: 'accountId', allowNull: true }, onDelete: 'CASCADE' })
    UserNotificationModel.belongsTo(ActorFollowModel, { foreignKey: { name: 'actorFollowId', allowNull: true }, onDelete: 'CASCADE' })
    UserNotificationModel.belongsTo(UserRegistrationModel, { foreignKey: { name: 'userRegistrationId', allowNull: true }, onDelete: 'CASCADE' })
  }

  static async countUnread (userId: number) {
    return UserNotificationModel.count({ where: { userId, read: false } })
  }

  /** Marks these notifications of this user read; ids of others are ignored. Returns how many changed. */
  static async markRead (userId: number, ids: number[]) {
    const [ changed ] = await UserNotificationModel.update({ read: true }, { where: { userId, id: { [Op.in]: ids }, read: false } })
    return changed
  }

  static async markAllRead (userId: number) {
    const [ changed ] = await UserNotificationModel.update({ read: true }, { where: { userId, read: false } })
    return changed
  }

  /** Ids that do not belong to this user, among these (to name them in a 4xx). */
  static async findForeignIds (userId: number, ids: number[]) {
    const mine = await UserNotificationModel.findAll({ attributes: [ 'id' ], where: { userId, id: { [Op.in]: ids } } })
    const owned = new Set(mine.map(n => n.id))
    return ids.filter(id => !owned.has(id))
  }
}
