import {
  DataTypes, Model, Op, QueryTypes,
  type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'

/**
 * - `pending`: written, not yet handed to the job queue (its transaction may still be open, or Redis was away);
 * - `queued`: handed to the job queue under the entry's id; the entry goes when the job succeeds;
 * - `parked`: not in the queue, waiting for `runAt` or for its target server to come back (slow retries);
 * - `failed`: given up, kept for the administrator (jobs API), who can retry it.
 */
export const OUTBOX_STATES = [ 'pending', 'queued', 'parked', 'failed' ] as const
export type OutboxState = typeof OUTBOX_STATES[number]

/** States of an entry that still holds back the later entries of its order key. */
const UNFINISHED_STATES: OutboxState[] = [ 'pending', 'queued', 'parked' ]

/**
 * One job that a committed change requires ("deliver this activity", "move these files", "process this
 * inbox activity"), written in the change's own transaction. The relay hands it to the job queue after the
 * commit and again whenever the queue lost it, so a job exists if and only if its change was committed.
 */
export class OutboxEntryModel extends Model<InferAttributes<OutboxEntryModel>, InferCreationAttributes<OutboxEntryModel>> {
  declare id: CreationOptional<string>
  declare jobType: string
  declare payload: Record<string, unknown>
  declare priority: number | null
  /** Entries of one key run one at a time, in their order (one remote actor's activities, one video's changes). */
  declare orderKey: string | null
  /** At most one unfinished entry per key: a second one with the same key is not written. */
  declare dedupKey: string | null
  declare state: CreationOptional<OutboxState>
  declare runAt: Date
  /** Slow-schedule steps used so far (parked retries). */
  declare parkedCount: CreationOptional<number>
  /** Remote server a delivery targets: its parked deliveries are released when it is seen again. */
  declare targetHost: string | null
  declare lastError: string | null
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    OutboxEntryModel.init({
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      jobType: { type: DataTypes.STRING(64), allowNull: false },
      payload: { type: DataTypes.JSONB, allowNull: false },
      priority: { type: DataTypes.INTEGER, allowNull: true },
      orderKey: { type: DataTypes.STRING(1000), allowNull: true },
      dedupKey: { type: DataTypes.STRING(1000), allowNull: true },
      state: { type: DataTypes.STRING(16), allowNull: false, defaultValue: 'pending' },
      runAt: { type: DataTypes.DATE, allowNull: false },
      parkedCount: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      targetHost: { type: DataTypes.STRING, allowNull: true },
      lastError: { type: DataTypes.TEXT, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'OutboxEntry',
      tableName: 'outboxEntry',
      indexes: [
        { fields: [ 'state', 'runAt' ] },
        { fields: [ 'orderKey', 'id' ], where: { orderKey: { [Op.ne]: null } } },
        { name: 'outbox_entry_dedup_key', fields: [ 'dedupKey' ], unique: true, where: { dedupKey: { [Op.ne]: null }, state: { [Op.ne]: 'failed' } } },
        { fields: [ 'targetHost' ], where: { state: 'parked' } }
      ]
    })
  }

  /**
   * Writes an entry (in the caller's transaction, if any). With a dedup key already held by an unfinished entry,
   * nothing is written and undefined is returned.
   */
  static async add (values: {
    jobType: string
    payload: Record<string, unknown>
    runAt: Date
    priority?: number
    orderKey?: string
    dedupKey?: string
    targetHost?: string
    /** Written parked (not queued before runAt): a delivery to a server known to be down. */
    parked?: boolean
  }) {
    const [ rows ] = await OutboxEntryModel.sequelize!.query(
      'INSERT INTO "outboxEntry" ("jobType", "payload", "priority", "orderKey", "dedupKey", "state", "runAt", "parkedCount", "targetHost", "createdAt", "updatedAt") ' +
      'VALUES (:jobType, :payload, :priority, :orderKey, :dedupKey, :state, :runAt, 0, :targetHost, now(), now()) ' +
      'ON CONFLICT ("dedupKey") WHERE "dedupKey" IS NOT NULL AND "state" <> \'failed\' DO NOTHING RETURNING *',
      {
        replacements: {
          jobType: values.jobType,
          payload: JSON.stringify(values.payload),
          priority: values.priority ?? null,
          orderKey: values.orderKey ?? null,
          dedupKey: values.dedupKey ?? null,
          runAt: values.runAt,
          targetHost: values.targetHost ?? null,
          state: values.parked ? 'parked' : 'pending'
        }
      }
    )
    const row = (rows as Record<string, unknown>[])[0]
    return row ? OutboxEntryModel.build(row as InferCreationAttributes<OutboxEntryModel>, { isNewRecord: false, raw: true }) : undefined
  }

  /**
   * Pending entries that may be handed to the queue now: due, and first of their order key among the entries
   * still unfinished. `ids` narrows the search to entries just committed.
   */
  static async listDispatchable (options: { ids?: string[], orderKeys?: string[], limit: number }) {
    const filters: string[] = []
    if (options.ids) filters.push('e."id" IN (:ids)')
    if (options.orderKeys) filters.push('e."orderKey" IN (:orderKeys)')
    if (options.ids?.length === 0 || options.orderKeys?.length === 0) return []

    return OutboxEntryModel.sequelize!.query<OutboxEntryModel>(
      'SELECT e.* FROM "outboxEntry" e WHERE e."state" = \'pending\' ' +
      (filters.length !== 0 ? `AND (${filters.join(' OR ')}) ` : '') +
      'AND (e."orderKey" IS NULL OR NOT EXISTS (' +
      '  SELECT 1 FROM "outboxEntry" p WHERE p."orderKey" = e."orderKey" AND p."id" < e."id" AND p."state" IN (:unfinished))) ' +
      'ORDER BY e."id" LIMIT :limit',
      {
        replacements: { ids: options.ids ?? [], orderKeys: options.orderKeys ?? [], unfinished: UNFINISHED_STATES, limit: options.limit },
        type: QueryTypes.SELECT,
        model: OutboxEntryModel,
        mapToModel: true
      }
    )
  }

  /** Marks entries as handed to the queue; returns the ids that were still pending (another relay may have won). */
  static async markQueued (ids: string[]) {
    if (ids.length === 0) return []
    const [ rows ] = await OutboxEntryModel.sequelize!.query(
      'UPDATE "outboxEntry" SET "state" = \'queued\', "updatedAt" = now() WHERE "id" IN (:ids) AND "state" = \'pending\' RETURNING "id"',
      { replacements: { ids } }
    )
    return (rows as { id: string }[]).map(r => String(r.id))
  }

  /** Queued entries, oldest first, for checking that the queue still holds their jobs. */
  static async listQueued (options: { afterId: string, limit: number, olderThan: Date }) {
    return OutboxEntryModel.findAll({
      where: { state: 'queued', id: { [Op.gt]: options.afterId }, updatedAt: { [Op.lt]: options.olderThan } },
      order: [ [ 'id', 'ASC' ] ],
      limit: options.limit
    })
  }

  /** Back to pending (the queue lost it, or an administrator retries it), due now. */
  static async markPending (ids: string[], states: OutboxState[] = [ 'queued' ]) {
    if (ids.length === 0) return 0
    const [ affected ] = await OutboxEntryModel.update(
      { state: 'pending', runAt: new Date() },
      { where: { id: { [Op.in]: ids }, state: { [Op.in]: states } } }
    )
    return affected
  }

  /** Parked entries whose time has come go back to pending. */
  static async wakeParked (now = new Date()) {
    const [ affected ] = await OutboxEntryModel.update({ state: 'pending' }, { where: { state: 'parked', runAt: { [Op.lte]: now } } })
    return affected
  }

  /** Parked entries of these job types go now (jobs held by a request of a process that is gone). */
  static async wakeParkedOfTypes (jobTypes: string[]) {
    if (jobTypes.length === 0) return 0
    const [ affected ] = await OutboxEntryModel.update({ state: 'pending', runAt: new Date() }, { where: { state: 'parked', jobType: { [Op.in]: jobTypes } } })
    return affected
  }

  /** A server was seen again: its parked deliveries go now. */
  static async releaseParkedForHost (host: string) {
    const [ affected ] = await OutboxEntryModel.update(
      { state: 'pending', runAt: new Date() },
      { where: { state: 'parked', targetHost: host } }
    )
    return affected
  }

  /** A held (parked) entry may run now, with this payload. */
  static async release (id: string, payload: Record<string, unknown>) {
    await OutboxEntryModel.update({ state: 'pending', runAt: new Date(), payload }, { where: { id, state: 'parked' } })
  }

  static async park (id: string, values: { runAt: Date, lastError: string }) {
    await OutboxEntryModel.increment({ parkedCount: 1 }, { where: { id } })
    await OutboxEntryModel.update({ state: 'parked', runAt: values.runAt, lastError: values.lastError.slice(0, 4000) }, { where: { id } })
  }

  static async markFailed (id: string, lastError: string) {
    await OutboxEntryModel.update({ state: 'failed', lastError: lastError.slice(0, 4000) }, { where: { id } })
  }

  static async updatePayload (id: string, payload: Record<string, unknown>) {
    await OutboxEntryModel.update({ payload }, { where: { id } })
  }

  static async loadById (id: string) {
    return OutboxEntryModel.findByPk(id)
  }

  /** The job succeeded: the entry is done. Returns its order key, whose next entry may now run. */
  static async complete (id: string) {
    const [ rows ] = await OutboxEntryModel.sequelize!.query('DELETE FROM "outboxEntry" WHERE "id" = :id RETURNING "orderKey"', { replacements: { id } })
    return (rows as { orderKey: string | null }[])[0]?.orderKey ?? null
  }

  static async completeMany (ids: string[]) {
    if (ids.length === 0) return
    await OutboxEntryModel.destroy({ where: { id: { [Op.in]: ids } } })
  }

  /**
   * The id of this entry's job in the queue. A parked entry that runs again gets a new one: the queue keeps the
   * finished job of its previous run in its history, and would take a second job of the same id for that one.
   */
  static jobIdOf (entry: Pick<OutboxEntryModel, 'id' | 'parkedCount'>) {
    return entry.parkedCount ? `${entry.id}-${entry.parkedCount}` : String(entry.id)
  }

  /** The entry a queued job was made from. */
  static entryIdOfJob (jobId: string | number) {
    return String(jobId).split('-')[0]
  }

  /** Entries per state and job type, for the jobs API and the delivery health page. */
  static async countByState () {
    return OutboxEntryModel.sequelize!.query<{ state: OutboxState, jobType: string, count: string }>(
      'SELECT "state", "jobType", count(*) AS "count" FROM "outboxEntry" GROUP BY "state", "jobType"',
      { type: QueryTypes.SELECT }
    )
  }

  /** Per target server: parked deliveries and the oldest one. */
  static async parkedByHost () {
    return OutboxEntryModel.sequelize!.query<{ targetHost: string, count: string, oldest: Date, nextRunAt: Date }>(
      'SELECT "targetHost", count(*) AS "count", min("createdAt") AS "oldest", min("runAt") AS "nextRunAt" FROM "outboxEntry" ' +
      'WHERE "state" = \'parked\' AND "targetHost" IS NOT NULL GROUP BY "targetHost"',
      { type: QueryTypes.SELECT }
    )
  }

  /** Whether an unfinished entry holds this dedup key (a video's transcoding still to run, for one). */
  static async hasUnfinished (dedupKey: string) {
    return (await OutboxEntryModel.count({ where: { dedupKey, state: { [Op.in]: UNFINISHED_STATES } } })) !== 0
  }

  /** The video whose replaced web video `filename` is, while its removal is pending (see files-removal). */
  static async findRetiredWebVideoOwner (filename: string) {
    const [ row ] = await OutboxEntryModel.sequelize!.query<{ videoUuid: string }>(
      'SELECT "payload"->\'retiredWebVideos\'->>\'videoUuid\' AS "videoUuid" FROM "outboxEntry" ' +
      'WHERE "jobType" = \'files-removal\' AND "state" <> \'failed\' AND "payload"->\'retiredWebVideos\'->\'filenames\' @> to_jsonb(CAST(:filename AS text)) LIMIT 1',
      { replacements: { filename }, type: QueryTypes.SELECT }
    )
    return row?.videoUuid
  }

  /** Files of this video replaced by newer renditions and kept a while for their viewers, not removed yet. */
  static async listReplacedFilesOf (videoUuid: string) {
    const rows = await OutboxEntryModel.sequelize!.query<{ path: string }>(
      'SELECT jsonb_array_elements_text("payload"->\'paths\') AS "path" FROM "outboxEntry" ' +
      'WHERE "jobType" = \'files-removal\' AND "state" <> \'failed\' AND "payload"->>\'replacedOfVideo\' = :videoUuid',
      { replacements: { videoUuid }, type: QueryTypes.SELECT }
    )
    return rows.map(r => r.path)
  }

  /** One parked delivery's URI per target server, to ask those servers whether they are back. */
  static async listParkedTargets () {
    return OutboxEntryModel.sequelize!.query<{ targetHost: string, uri: string }>(
      'SELECT DISTINCT ON ("targetHost") "targetHost", "payload"->>\'uri\' AS "uri" FROM "outboxEntry" ' +
      'WHERE "state" = \'parked\' AND "targetHost" IS NOT NULL AND ("payload"->>\'uri\') IS NOT NULL ORDER BY "targetHost", "id"',
      { type: QueryTypes.SELECT }
    )
  }

  static async listByState (state: OutboxState, options: { start: number, count: number, jobTypes?: string[] }) {
    const where = { state, ...(options.jobTypes ? { jobType: { [Op.in]: options.jobTypes } } : {}) }
    const { rows, count } = await OutboxEntryModel.findAndCountAll({ where, order: [ [ 'id', 'DESC' ] ], offset: options.start, limit: options.count })
    return { total: count, data: rows }
  }
}
