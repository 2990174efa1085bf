import {
  DataTypes, Model, QueryTypes, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize
} from 'sequelize'
import { IDENTITY_CONFLICT_KINDS } from '../../initializers/constants/federation.js'

export type IdentityConflictKind = typeof IDENTITY_CONFLICT_KINDS[number]

/**
 * A remote object that claimed an identifier (a video uuid, an actor handle, a host) another origin already holds
 * here. The holder keeps it; the newcomer was refused or stored under a substitute. One row per (kind, identifier,
 * newcomer), counting how often it came back, for administrators (GET /api/v1/server/identity-conflicts).
 */
export class IdentityConflictModel extends Model<InferAttributes<IdentityConflictModel>, InferCreationAttributes<IdentityConflictModel>> {
  declare id: CreationOptional<number>
  declare kind: IdentityConflictKind
  /** The contested uuid, handle (name@host) or host. */
  declare identifier: string
  /** The URL of whoever holds the identifier here (local or first seen). */
  declare holderUrl: string
  /** The URL of the object that claimed it too. */
  declare claimantUrl: string
  /** What was done with the claimant: 'refused', or 'substitute-uuid' (stored under `substitute`). */
  declare outcome: string
  declare substitute: string | null
  declare occurrences: CreationOptional<number>
  /** When an administrator chose who holds the identifier (null: the rule's choice, the local or first seen). */
  declare resolvedAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    IdentityConflictModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      kind: { type: DataTypes.STRING(20), allowNull: false },
      identifier: { type: DataTypes.STRING(400), allowNull: false },
      holderUrl: { type: DataTypes.STRING(2000), allowNull: false },
      claimantUrl: { type: DataTypes.STRING(2000), allowNull: false },
      outcome: { type: DataTypes.STRING(30), allowNull: false },
      substitute: { type: DataTypes.STRING(400), allowNull: true },
      occurrences: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
      resolvedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'IdentityConflict',
      tableName: 'identityConflict',
      indexes: [
        { fields: [ 'kind', 'identifier', 'claimantUrl' ], unique: true },
        { fields: [ 'updatedAt' ] }
      ]
    })
  }

  /** Records a conflict, or counts one more occurrence of a known one. */
  static async record (values: { kind: IdentityConflictKind, identifier: string, holderUrl: string, claimantUrl: string, outcome: string, substitute?: string }) {
    await IdentityConflictModel.sequelize!.query(
      'INSERT INTO "identityConflict" ("kind", "identifier", "holderUrl", "claimantUrl", "outcome", "substitute", "occurrences", "createdAt", "updatedAt") ' +
      'VALUES (:kind, :identifier, :holderUrl, :claimantUrl, :outcome, :substitute, 1, now(), now()) ' +
      'ON CONFLICT ("kind", "identifier", "claimantUrl") DO UPDATE SET "occurrences" = "identityConflict"."occurrences" + 1, ' +
      '"holderUrl" = EXCLUDED."holderUrl", "outcome" = EXCLUDED."outcome", "substitute" = COALESCE(EXCLUDED."substitute", "identityConflict"."substitute"), "updatedAt" = now()',
      { replacements: { ...values, substitute: values.substitute ?? null }, type: QueryTypes.INSERT }
    )
  }

  /** The identifier now held by `to`: the other claimants' rows name it as the holder. */
  static async handOverIdentifier (values: { kind: IdentityConflictKind, identifier: string, from: string, to: string }) {
    await IdentityConflictModel.update({ holderUrl: values.to }, { where: { kind: values.kind, identifier: values.identifier, holderUrl: values.from } })
  }

  /** The substitute uuid a claimant video was stored under, if it was. */
  static async findSubstituteUuid (claimantUrl: string) {
    const row = await IdentityConflictModel.findOne({ where: { kind: 'video-uuid', claimantUrl, outcome: 'substitute-uuid' } })
    return row?.substitute ?? undefined
  }

  static async listForApi (options: { start: number, count: number, sort: string, kind?: IdentityConflictKind }) {
    const column = options.sort.replace(/^-/, '') === 'occurrences' ? 'occurrences' : options.sort.replace(/^-/, '') === 'createdAt' ? 'createdAt' : 'updatedAt'
    const { rows, count } = await IdentityConflictModel.findAndCountAll({
      where: options.kind ? { kind: options.kind } : {},
      order: [ [ column, options.sort.startsWith('-') ? 'DESC' : 'ASC' ], [ 'id', 'DESC' ] ],
      offset: options.start,
      limit: options.count
    })
    return { total: count, data: rows }
  }
}
