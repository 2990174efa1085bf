import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { ActorModel } from './actor.js'

export const OUTBOX_SYNC_STATES = [ 'syncing', 'synced', 'failed' ] as const
export type OutboxSyncState = typeof OUTBOX_SYNC_STATES[number]

/**
 * How far we are in reading a remote actor's outbox (its catalogue): the page to read next, what the outbox
 * announced and what was read. It is the crawl's cursor (a crawl interrupted by a crash or a failing page goes on
 * from `nextPageUrl`) and what the channel page shows ("240 of 1,203 videos, syncing").
 */
export class ActorOutboxSyncModel extends Model<InferAttributes<ActorOutboxSyncModel>, InferCreationAttributes<ActorOutboxSyncModel>> {
  declare id: CreationOptional<number>
  declare actorId: ForeignKey<ActorModel['id']>
  declare outboxUrl: string
  declare state: OutboxSyncState
  /** The outbox's totalItems when the crawl started (null when it did not say). */
  declare totalItems: number | null
  declare processedItems: number
  declare pagesRead: number
  /** null once the last page was read. */
  declare nextPageUrl: string | null
  declare lastError: CreationOptional<string | null>
  declare startedAt: Date
  declare finishedAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    ActorOutboxSyncModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      outboxUrl: { type: DataTypes.STRING(2000), allowNull: false },
      state: { type: DataTypes.ENUM(...OUTBOX_SYNC_STATES), allowNull: false },
      totalItems: { type: DataTypes.INTEGER, allowNull: true },
      processedItems: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      pagesRead: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      nextPageUrl: { type: DataTypes.STRING(2000), allowNull: true },
      lastError: { type: DataTypes.STRING(1000), allowNull: true },
      startedAt: { type: DataTypes.DATE, allowNull: false },
      finishedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'ActorOutboxSync',
      tableName: 'actorOutboxSync',
      indexes: [ { fields: [ 'actorId' ], unique: true } ]
    })
  }

  static associate () {
    ActorOutboxSyncModel.belongsTo(ActorModel, { foreignKey: { name: 'actorId', allowNull: false }, onDelete: 'CASCADE' })
  }

  static async loadByActor (actorId: number) {
    return ActorOutboxSyncModel.findOne({ where: { actorId } })
  }
}
