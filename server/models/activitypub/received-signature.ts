import { DataTypes, Model, Op, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'

/**
 * Fingerprints of the signed requests our inboxes accepted, remembered longer than the signatures' clock skew:
 * a replay of a captured request (same signature, hence same Date) is recognised and changes nothing. A new
 * delivery of an activity is signed anew: the fingerprints of received activities whose repeat could change
 * something (lib/activitypub/inbox/activity-fingerprint.ts) are kept here too, for as long.
 */
export class ReceivedSignatureModel extends Model<InferAttributes<ReceivedSignatureModel>, InferCreationAttributes<ReceivedSignatureModel>> {
  declare id: CreationOptional<number>
  declare fingerprint: string
  declare createdAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    ReceivedSignatureModel.init({
      id: { type: DataTypes.BIGINT, primaryKey: true, autoIncrement: true },
      fingerprint: { type: DataTypes.STRING(64), allowNull: false },
      createdAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'ReceivedSignature',
      tableName: 'receivedSignature',
      updatedAt: false,
      indexes: [ { fields: [ 'fingerprint' ], unique: true }, { fields: [ 'createdAt' ] } ]
    })
  }

  /** Records a fingerprint; false when it was seen already (a replay). */
  static async recordIfNew (fingerprint: string) {
    const [ rows ] = await ReceivedSignatureModel.sequelize!.query(
      'INSERT INTO "receivedSignature" ("fingerprint", "createdAt") VALUES (:fingerprint, now()) ON CONFLICT ("fingerprint") DO NOTHING RETURNING "id"',
      { replacements: { fingerprint } }
    )
    return (rows as unknown[]).length !== 0
  }

  static async removeOlderThan (date: Date) {
    return ReceivedSignatureModel.destroy({ where: { createdAt: { [Op.lt]: date } } })
  }
}
