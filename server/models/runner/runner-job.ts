import {
  DataTypes, Model, Op, literal,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize, type WhereOptions
} from 'sequelize'
import {
  RUNNER_JOB_STATE_LABELS, RunnerJobState,
  type RunnerJob, type RunnerJobAdmin, type RunnerJobPayload, type RunnerJobStateType, type RunnerJobType
} from '../../../shared/models/runners.js'
import { RunnerModel } from './runner.js'

/**
 * One piece of work for a remote runner (a rung of a video's ladder, a live's transcoding), with PeerTube's
 * columns: `payload` is what the runner sees, `privatePayload` what we need to store its result. A child job
 * (`dependsOnRunnerJobId`) waits for its parent. Every change of state is written in a unit of work.
 */
export class RunnerJobModel extends Model<InferAttributes<RunnerJobModel>, InferCreationAttributes<RunnerJobModel>> {
  declare id: CreationOptional<number>
  declare uuid: string
  declare type: RunnerJobType
  declare payload: RunnerJobPayload
  declare privatePayload: Record<string, unknown>
  declare state: RunnerJobStateType
  declare failures: CreationOptional<number>
  declare error: CreationOptional<string | null>
  declare priority: number
  /** SHA-256 of the token handed to the runner that accepted the job; null when nobody holds it. */
  declare processingJobTokenHash: CreationOptional<string | null>
  declare progress: CreationOptional<number | null>
  declare startedAt: CreationOptional<Date | null>
  declare finishedAt: CreationOptional<Date | null>
  /** The video the job works for (also in privatePayload), to find a video's jobs. */
  declare videoUUID: string | null
  /** Encoder profile the output must be made with; only runners that announced it get the job. */
  declare requiredProfile: CreationOptional<string | null>
  /** Runners whose output for this job was refused: the job goes to another one. */
  declare refusedRunnerIds: CreationOptional<number[]>
  declare dependsOnRunnerJobId: ForeignKey<number> | null
  declare runnerId: ForeignKey<RunnerModel['id']> | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare Runner?: NonAttribute<RunnerModel | null>
  declare Parent?: NonAttribute<RunnerJobModel | null>

  static initModel (sequelize: Sequelize) {
    RunnerJobModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      uuid: { type: DataTypes.UUID, allowNull: false },
      type: { type: DataTypes.STRING, allowNull: false },
      payload: { type: DataTypes.JSONB, allowNull: false },
      privatePayload: { type: DataTypes.JSONB, allowNull: false },
      state: { type: DataTypes.INTEGER, allowNull: false },
      failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      error: { type: DataTypes.STRING(5000), allowNull: true },
      priority: { type: DataTypes.INTEGER, allowNull: false },
      processingJobTokenHash: { type: DataTypes.STRING(64), allowNull: true },
      progress: { type: DataTypes.INTEGER, allowNull: true },
      startedAt: { type: DataTypes.DATE, allowNull: true },
      finishedAt: { type: DataTypes.DATE, allowNull: true },
      videoUUID: { type: DataTypes.UUID, allowNull: true },
      requiredProfile: { type: DataTypes.STRING(50), allowNull: true },
      refusedRunnerIds: { type: DataTypes.JSONB, allowNull: false, defaultValue: [] },
      dependsOnRunnerJobId: { type: DataTypes.INTEGER, allowNull: true },
      runnerId: { type: DataTypes.INTEGER, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'RunnerJob',
      tableName: 'runnerJob',
      indexes: [
        { fields: [ 'uuid' ], unique: true },
        { fields: [ 'processingJobTokenHash' ], unique: true },
        { fields: [ 'runnerId' ] },
        { fields: [ 'videoUUID' ] },
        { fields: [ 'state', 'priority' ] }
      ]
    })
  }

  static associate () {
    RunnerJobModel.belongsTo(RunnerModel, { foreignKey: { name: 'runnerId', allowNull: true }, onDelete: 'SET NULL' })
    RunnerJobModel.belongsTo(RunnerJobModel, { as: 'Parent', foreignKey: { name: 'dependsOnRunnerJobId', allowNull: true }, onDelete: 'CASCADE' })
  }

  static loadByUuid (uuid: string) {
    return RunnerJobModel.findOne({ where: { uuid }, include: [ { model: RunnerModel, required: false } ] })
  }

  /** Row lock for a change of state: two requests about one job (two accepts, a success and the watchdog) queue. */
  static loadForUpdate (uuid: string) {
    return RunnerJobModel.findOne({ where: { uuid }, lock: true })
  }

  /** Pending jobs this runner may take, most urgent first. */
  static listAvailableFor (runner: Pick<RunnerModel, 'id' | 'encoderProfiles'>, limit: number) {
    return RunnerJobModel.findAll({
      where: {
        state: RunnerJobState.PENDING,
        [Op.and]: [
          literal(`NOT ("refusedRunnerIds" @> '${JSON.stringify([ runner.id ])}'::jsonb)`),
          { [Op.or]: [ { requiredProfile: null }, { requiredProfile: { [Op.in]: [ 'default', ...runner.encoderProfiles ] } } ] }
        ]
      },
      order: [ [ 'priority', 'ASC' ], [ 'createdAt', 'ASC' ], [ 'id', 'ASC' ] ],
      limit
    })
  }

  static listStalled (types: readonly RunnerJobType[], before: Date) {
    return RunnerJobModel.findAll({
      where: { type: { [Op.in]: [ ...types ] }, state: RunnerJobState.PROCESSING, updatedAt: { [Op.lt]: before } },
      attributes: [ 'uuid', 'type' ]
    })
  }

  static listOfVideo (videoUUID: string) {
    return RunnerJobModel.findAll({ where: { videoUUID } })
  }

  static listChildrenOf (id: number) {
    return RunnerJobModel.findAll({ where: { dependsOnRunnerJobId: id } })
  }

  static async listForApi (options: { start: number, count: number, sort: string, search?: string, stateOneOf?: number[] }) {
    const where: WhereOptions[] = []
    if (options.stateOneOf && options.stateOneOf.length !== 0) where.push({ state: { [Op.in]: options.stateOneOf } })
    if (options.search) {
      const pattern = `%${options.search.replace(/[\\%_]/g, c => '\\' + c)}%`
      where.push({ [Op.or]: [ { uuid: /^[0-9a-f-]{36}$/i.test(options.search) ? options.search : null }, { type: { [Op.iLike]: pattern } }, { '$Runner.name$': { [Op.iLike]: pattern } } ] })
    }
    const column = options.sort.replace(/^-/, '')
    const { rows, count } = await RunnerJobModel.findAndCountAll({
      where: { [Op.and]: where },
      include: [ { model: RunnerModel, required: false }, { model: RunnerJobModel, as: 'Parent', required: false } ],
      order: [ [ column, options.sort.startsWith('-') ? 'DESC' : 'ASC' ], [ 'id', 'ASC' ] ],
      offset: options.start,
      limit: options.count,
      distinct: true
    })
    return { total: count, data: rows.map(row => row.toFormattedAdminJSON()) }
  }

  /** Back in the queue, held by nobody. */
  resetToPending () {
    this.state = RunnerJobState.PENDING
    this.processingJobTokenHash = null
    this.progress = null
    this.startedAt = null
    this.runnerId = null
  }

  finishWith (state: RunnerJobStateType, error?: string) {
    this.state = state
    this.processingJobTokenHash = null
    this.finishedAt = new Date()
    if (error !== undefined) this.error = error.slice(0, 5000)
  }

  toFormattedJSON (): RunnerJob {
    const state = (id: RunnerJobStateType) => ({ id, label: RUNNER_JOB_STATE_LABELS[id] })
    return {
      uuid: this.uuid,
      type: this.type,
      state: state(this.state),
      payload: this.payload,
      failures: this.failures,
      error: this.error,
      progress: this.progress,
      priority: this.priority,
      startedAt: this.startedAt?.toISOString() ?? null,
      createdAt: this.createdAt.toISOString(),
      updatedAt: this.updatedAt.toISOString(),
      finishedAt: this.finishedAt?.toISOString() ?? null,
      parent: this.Parent ? { uuid: this.Parent.uuid, type: this.Parent.type, state: state(this.Parent.state) } : undefined,
      runner: this.Runner ? { id: this.Runner.id, name: this.Runner.name, description: this.Runner.description } : null
    }
  }

  toFormattedAdminJSON (): RunnerJobAdmin {
    return { ...this.toFormattedJSON(), privatePayload: this.privatePayload }
  }
}
