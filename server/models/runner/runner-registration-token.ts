import {
  DataTypes, Model, QueryTypes,
  type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import type { RunnerRegistrationToken } from '../../../shared/models/runners.js'

/**
 * A secret an administrator hands to runners so they can register. Deleting it removes the runners registered
 * with it (PeerTube's behaviour). Kept in clear: the administrator copies it from the admin page.
 */
export class RunnerRegistrationTokenModel extends Model<InferAttributes<RunnerRegistrationTokenModel>, InferCreationAttributes<RunnerRegistrationTokenModel>> {
  declare id: CreationOptional<number>
  declare registrationToken: string
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    RunnerRegistrationTokenModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      registrationToken: { type: DataTypes.STRING, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'RunnerRegistrationToken',
      tableName: 'runnerRegistrationToken',
      indexes: [ { fields: [ 'registrationToken' ], unique: true } ]
    })
  }

  static loadByToken (registrationToken: string) {
    return RunnerRegistrationTokenModel.findOne({ where: { registrationToken } })
  }

  static async listForApi (options: { start: number, count: number, sort: string }) {
    const { rows, count } = await RunnerRegistrationTokenModel.findAndCountAll({
      order: [ [ 'createdAt', options.sort.startsWith('-') ? 'DESC' : 'ASC' ], [ 'id', 'ASC' ] ],
      offset: options.start,
      limit: options.count
    })
    const counts = await RunnerRegistrationTokenModel.countRunners(rows.map(r => r.id))
    return { total: count, data: rows.map(row => row.toFormattedJSON(counts.get(row.id) ?? 0)) }
  }

  private static async countRunners (ids: number[]) {
    if (ids.length === 0) return new Map<number, number>()
    const rows = await RunnerRegistrationTokenModel.sequelize!.query<{ id: number, count: string }>(
      'SELECT "runnerRegistrationTokenId" AS id, COUNT(*) AS count FROM runner WHERE "runnerRegistrationTokenId" IN (:ids) GROUP BY 1',
      { replacements: { ids }, type: QueryTypes.SELECT }
    )
    return new Map(rows.map(r => [ r.id, Number(r.count) ]))
  }

  toFormattedJSON (registeredRunnersCount: number): RunnerRegistrationToken {
    return {
      id: this.id,
      registrationToken: this.registrationToken,
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
      registeredRunnersCount
    }
  }
}
