import {
  DataTypes, Model,
  type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'

export type ScrubOutcome = 'repaired' | 'unrepairable'

/** One copy the scrub found bad or missing, and what became of it. */
export interface ScrubProblem {
  /** 'web-video' | 'hls' | 'original' | 'mirror' (a copy of a remote video we hold). */
  kind: string
  videoUuid: string
  filename: string
  /** Where the bad copy is: 'file-system' or 'object-storage'. */
  location: string
  reason: string
  outcome: ScrubOutcome
  /** Where the good bytes came from: a mirror's URL, the origin, 're-transcoded from the original'. */
  repairedFrom?: string
  at: string
}

/**
 * One pass of the integrity scrub over every stored copy. The pass runs as a chain of jobs, each checking a batch
 * of files from `cursor` on and recording its counts and the next cursor in one unit of work with the next job:
 * a restart resumes where the pass was.
 */
export class StorageScrubRunModel extends Model<InferAttributes<StorageScrubRunModel>, InferCreationAttributes<StorageScrubRunModel>> {
  declare id: CreationOptional<number>
  declare state: 'running' | 'finished' | 'failed'
  /** 'scheduled' or 'manual'. */
  declare trigger: string
  /** The phase (kind of file) and the last id checked in it. */
  declare cursor: { phase: string, afterId: number }
  declare checked: CreationOptional<number>
  declare bad: CreationOptional<number>
  declare repaired: CreationOptional<number>
  declare unrepairable: CreationOptional<number>
  declare bytesRead: CreationOptional<number>
  /** The last problems found (at most a few hundred, newest last). */
  declare problems: CreationOptional<ScrubProblem[]>
  declare error: CreationOptional<string | null>
  declare startedAt: Date
  declare finishedAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    StorageScrubRunModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      state: { type: DataTypes.STRING(16), allowNull: false },
      trigger: { type: DataTypes.STRING(16), allowNull: false },
      cursor: { type: DataTypes.JSONB, allowNull: false },
      checked: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      bad: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      repaired: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      unrepairable: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      bytesRead: {
        type: DataTypes.BIGINT,
        allowNull: false,
        defaultValue: 0,
        get (this: StorageScrubRunModel) { return Number(this.getDataValue('bytesRead')) }
      },
      problems: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      error: { type: DataTypes.STRING(2000), allowNull: true },
      startedAt: { type: DataTypes.DATE, allowNull: false },
      finishedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, { sequelize, modelName: 'StorageScrubRun', tableName: 'storageScrubRun', indexes: [ { fields: [ 'state' ] } ] })
  }

  static async loadRunning () {
    return StorageScrubRunModel.findOne({ where: { state: 'running' }, order: [ [ 'id', 'DESC' ] ] })
  }

  static async loadLatest () {
    return StorageScrubRunModel.findOne({ order: [ [ 'id', 'DESC' ] ] })
  }
}
