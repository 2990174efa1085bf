import {
  DataTypes, Model, Op,
  type CreationOptional, type ForeignKey, type IncludeOptions, type InferAttributes, type InferCreationAttributes, type NonAttribute,
  type Sequelize, type Transaction
} from 'sequelize'
import { ActorImageType, type ActorImageTypeValue } from '../../../shared/models/actor-images.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../initializers/constants/static-paths.js'
import { ActorModel } from './actor.js'

// Every actor query that feeds a formatter loads its images; declaring the association here keeps actor.ts small.
declare module './actor.js' {
  interface ActorModel {
    ActorImages?: NonAttribute<ActorImageModel[]>
  }
}

/**
 * One resized avatar or banner of an actor. Local images are files under storage.avatars; remote ones keep their
 * origin's URL (fileUrl) and are not on disk until someone fetches them.
 */
export class ActorImageModel extends Model<InferAttributes<ActorImageModel>, InferCreationAttributes<ActorImageModel>> {
  declare id: CreationOptional<number>
  declare filename: string
  declare width: number
  declare height: number
  /** The origin's URL of a remote image; null for ours. */
  declare fileUrl: string | null
  declare onDisk: boolean
  /** Where our copy is (VideoFileStorage): our disk, or the avatars bucket when object storage is on. */
  declare storage: CreationOptional<number>
  declare type: ActorImageTypeValue
  declare actorId: ForeignKey<ActorModel['id']>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  static initModel (sequelize: Sequelize) {
    ActorImageModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      filename: { type: DataTypes.STRING, allowNull: false },
      width: { type: DataTypes.INTEGER, allowNull: false },
      height: { type: DataTypes.INTEGER, allowNull: false },
      fileUrl: { type: DataTypes.STRING(2000), allowNull: true },
      onDisk: { type: DataTypes.BOOLEAN, allowNull: false },
      storage: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
      type: { type: DataTypes.INTEGER, allowNull: false },
      actorId: { type: DataTypes.INTEGER, allowNull: false },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'ActorImage',
      tableName: 'actorImage',
      indexes: [ { fields: [ 'filename' ], unique: true }, { fields: [ 'actorId', 'type', 'width' ] } ]
    })
  }

  static associate () {
    ActorImageModel.belongsTo(ActorModel, { foreignKey: { name: 'actorId', allowNull: false }, onDelete: 'CASCADE' })
    ActorModel.hasMany(ActorImageModel, { foreignKey: 'actorId' })
  }

  /**
   * The include that loads an actor's images. `separate` runs one extra query for all actors of a result instead of
   * joining: a join would multiply rows and break LIMIT on the parent query.
   */
  static includeForActor (): IncludeOptions {
    return { model: ActorImageModel, separate: true, order: [ [ 'width', 'ASC' ] ] }
  }

  static async listByActor (actorId: number, type: ActorImageTypeValue, transaction?: Transaction) {
    return ActorImageModel.findAll({ where: { actorId, type }, order: [ [ 'width', 'ASC' ] ], transaction })
  }

  static async listByActors (actorIds: number[], transaction?: Transaction) {
    if (actorIds.length === 0) return []
    return ActorImageModel.findAll({ where: { actorId: { [Op.in]: actorIds } }, transaction })
  }

  static async deleteByActor (actorId: number, type: ActorImageTypeValue, transaction?: Transaction) {
    await ActorImageModel.destroy({ where: { actorId, type }, transaction })
  }

  /** The URL path this instance serves the image at (remote images too, once fetched). */
  getStaticPath () {
    const folder = this.type === ActorImageType.BANNER ? LAZY_STATIC_PATHS.BANNERS : LAZY_STATIC_PATHS.AVATARS
    return folder + this.filename
  }

  isLocal () {
    return this.fileUrl === null
  }

  /** PeerTube's ActorImage JSON. */
  toFormattedJSON () {
    return {
      width: this.width,
      height: this.height,
      path: this.getStaticPath(),
      fileUrl: this.fileUrl ?? WEBSERVER.URL + this.getStaticPath(),
      createdAt: this.createdAt,
      updatedAt: this.updatedAt
    }
  }
}
