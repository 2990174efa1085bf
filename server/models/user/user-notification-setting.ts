import { DataTypes, Model, type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'
import { NOTIFICATION_SETTING_KEYS, type NotificationSettingKey, type NotificationSettings } from '../../../shared/models/notifications.js'
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../initializers/constants/notifications.js'
import { UserModel } from './user.js'

/**
 * How a user wants to hear of each kind of event: one column per setting (PeerTube's names), each a sum of
 * 1 (web) and 2 (e-mail). One row per user; a user without one has the defaults.
 */
export class UserNotificationSettingModel extends Model<InferAttributes<UserNotificationSettingModel>, InferCreationAttributes<UserNotificationSettingModel>> {
  declare id: CreationOptional<number>
  declare userId: ForeignKey<UserModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    const settingColumns = Object.fromEntries(NOTIFICATION_SETTING_KEYS.map(key => [
      key,
      { type: DataTypes.INTEGER, allowNull: false, defaultValue: DEFAULT_NOTIFICATION_SETTINGS[key] }
    ]))

    UserNotificationSettingModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      userId: { type: DataTypes.INTEGER, allowNull: false },
      ...settingColumns,
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    } as never, {
      sequelize,
      modelName: 'UserNotificationSetting',
      tableName: 'userNotificationSetting',
      indexes: [ { fields: [ 'userId' ], unique: true } ]
    })
  }

  static associate () {
    UserNotificationSettingModel.belongsTo(UserModel, { foreignKey: { name: 'userId', allowNull: false }, onDelete: 'CASCADE' })
  }

  settings (): NotificationSettings {
    const values = this.get({ plain: true }) as unknown as Record<string, number>
    return Object.fromEntries(NOTIFICATION_SETTING_KEYS.map(key => [ key, values[key] ?? DEFAULT_NOTIFICATION_SETTINGS[key] ])) as NotificationSettings
  }

  /** The user's settings: their row, or the defaults when they never changed anything. */
  static async loadSettings (userId: number): Promise<NotificationSettings> {
    const row = await UserNotificationSettingModel.findOne({ where: { userId } })
    return row ? row.settings() : { ...DEFAULT_NOTIFICATION_SETTINGS }
  }

  /** Settings of several users at once (recipients of one event). */
  static async loadSettingsOf (userIds: number[]) {
    const rows = userIds.length === 0 ? [] : await UserNotificationSettingModel.findAll({ where: { userId: userIds } })
    const byUser = new Map(rows.map(row => [ row.userId as number, row.settings() ]))
    return new Map(userIds.map(id => [ id, byUser.get(id) ?? { ...DEFAULT_NOTIFICATION_SETTINGS } ]))
  }

  /** Creates the row on first change; only the given settings move. */
  static async updateSettings (userId: number, changes: Partial<Record<NotificationSettingKey, number>>) {
    const [ row ] = await UserNotificationSettingModel.findOrCreate({ where: { userId }, defaults: { userId } as never })
    await row.update(changes as never)
    return row.settings()
  }
}
