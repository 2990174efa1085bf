import {
  DataTypes, Model, QueryTypes,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import type { Runner } from '../../../shared/models/runners.js'
import { RunnerRegistrationTokenModel } from './runner-registration-token.js'

/**
 * A registered remote runner. Its token is a bearer secret: only its SHA-256 is stored, so a database leak does
 * not let anyone take jobs (and their source files) in its name.
 */
export class RunnerModel extends Model<InferAttributes<RunnerModel>, InferCreationAttributes<RunnerModel>> {
  declare id: CreationOptional<number>
  declare runnerTokenHash: string
  declare name: string
  declare description: string | null
  declare ip: string | null
  declare lastContact: Date
  /** Outputs skip the spot check (an administrator's decision; the cheap checks still run). */
  declare trusted: CreationOptional<boolean>
  declare disabledReason: CreationOptional<string | null>
  /** Refused outputs in a row; reset by an accepted one. */
  declare verificationFailures: CreationOptional<number>
  declare encoderProfiles: CreationOptional<string[]>
  declare runnerRegistrationTokenId: ForeignKey<RunnerRegistrationTokenModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    RunnerModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      runnerTokenHash: { type: DataTypes.STRING(64), allowNull: false },
      name: { type: DataTypes.STRING, allowNull: false },
      description: { type: DataTypes.STRING(1000), allowNull: true },
      ip: { type: DataTypes.STRING, allowNull: true },
      lastContact: { type: DataTypes.DATE, allowNull: false },
      trusted: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      disabledReason: { type: DataTypes.STRING(1000), allowNull: true },
      verificationFailures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      encoderProfiles: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      runnerRegistrationTokenId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'Runner',
      tableName: 'runner',
      indexes: [ { fields: [ 'runnerTokenHash' ], unique: true }, { fields: [ 'name' ], unique: true }, { fields: [ 'runnerRegistrationTokenId' ] } ]
    })
  }

  static associate () {
    RunnerModel.belongsTo(RunnerRegistrationTokenModel, { foreignKey: { name: 'runnerRegistrationTokenId', allowNull: false }, onDelete: 'CASCADE' })
  }

  static loadByTokenHash (runnerTokenHash: string) {
    return RunnerModel.findOne({ where: { runnerTokenHash } })
  }

  static loadByName (name: string) {
    return RunnerModel.findOne({ where: { name } })
  }

  static async listForApi (options: { start: number, count: number, sort: string }) {
    const column = options.sort.replace(/^-/, '') === 'lastContact' ? 'lastContact' : 'createdAt'
    const { rows, count } = await RunnerModel.findAndCountAll({
      order: [ [ column, options.sort.startsWith('-') ? 'DESC' : 'ASC' ], [ 'id', 'ASC' ] ],
      offset: options.start,
      limit: options.count
    })
    const jobs = await RunnerModel.countJobs(rows.map(r => r.id))
    return { total: count, data: rows.map(row => row.toFormattedJSON(jobs.get(row.id))) }
  }

  /** Jobs each runner holds now, and those it completed. */
  private static async countJobs (ids: number[]) {
    if (ids.length === 0) return new Map<number, { processing: number, completed: number }>()
    const rows = await RunnerModel.sequelize!.query<{ id: number, processing: string, completed: string }>(
      'SELECT "runnerId" AS id, COUNT(*) FILTER (WHERE state = 2) AS processing, COUNT(*) FILTER (WHERE state = 3) AS completed ' +
      'FROM "runnerJob" WHERE "runnerId" IN (:ids) GROUP BY 1',
      { replacements: { ids }, type: QueryTypes.SELECT }
    )
    return new Map(rows.map(r => [ r.id, { processing: Number(r.processing), completed: Number(r.completed) } ]))
  }

  toFormattedJSON (jobs?: { processing: number, completed: number }): Runner {
    return {
      id: this.id,
      name: this.name,
      description: this.description,
      ip: this.ip,
      lastContact: this.lastContact.toISOString(),
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
      trusted: this.trusted,
      disabledReason: this.disabledReason,
      verificationFailures: this.verificationFailures,
      encoderProfiles: this.encoderProfiles,
      processingJobs: jobs?.processing ?? 0,
      completedJobs: jobs?.completed ?? 0
    }
  }
}
