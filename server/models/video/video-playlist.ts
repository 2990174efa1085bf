import {
  DataTypes, Model,
  type CreationOptional, type ForeignKey, type InferAttributes, type InferCreationAttributes, type NonAttribute, type Sequelize
} from 'sequelize'
import { VideoPlaylistPrivacy, type VideoPlaylistPrivacyType, type VideoPlaylistTypeValue } from '../../../shared/models/playlists.js'
import { AccountModel } from '../account/account.js'
import { VideoChannelModel } from '../account/video-channel.js'

/**
 * A playlist, local or remote, owned by an account and shown on one of its channels (public and unlisted ones
 * must have a channel). Its miniature is a file of the thumbnails folder: uploaded, or taken from its first video;
 * a remote one keeps its origin's URL until someone asks for it.
 */
export class VideoPlaylistModel extends Model<InferAttributes<VideoPlaylistModel>, InferCreationAttributes<VideoPlaylistModel>> {
  declare id: CreationOptional<number>
  declare uuid: string
  declare name: string
  declare description: string | null
  declare privacy: VideoPlaylistPrivacyType
  declare type: VideoPlaylistTypeValue
  /** The ActivityPub id. */
  declare url: string
  declare remote: boolean
  declare ownerAccountId: ForeignKey<AccountModel['id']>
  declare videoChannelId: ForeignKey<VideoChannelModel['id']> | null
  declare thumbnailFilename: CreationOptional<string | null>
  /** Remote playlists: the origin's image, fetched on the first request for thumbnailFilename. */
  declare thumbnailUrl: CreationOptional<string | null>
  /** false while a remote playlist's miniature is only known by its URL. */
  declare thumbnailOnDisk: CreationOptional<boolean>
  /** true when the miniature was taken from the first video (replaced when that video changes). */
  declare thumbnailAutomatic: CreationOptional<boolean>
  declare lastFetchedAt: CreationOptional<Date | null>
  /** Remote playlists: the origin's `updated` of the state we hold (an older Update is ignored). */
  declare originUpdatedAt: CreationOptional<Date | null>
  declare createdAt: CreationOptional<Date>
  declare updatedAt: CreationOptional<Date>

  declare OwnerAccount?: NonAttribute<AccountModel>
  declare VideoChannel?: NonAttribute<VideoChannelModel | null>
  /** Loaded by list queries: number of elements. */
  declare videosLength?: NonAttribute<number>

  static initModel (sequelize: Sequelize) {
    VideoPlaylistModel.init({
      id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
      uuid: { type: DataTypes.UUID, allowNull: false },
      name: { type: DataTypes.STRING(120), allowNull: false },
      description: { type: DataTypes.STRING(1000), allowNull: true },
      privacy: { type: DataTypes.INTEGER, allowNull: false },
      type: { type: DataTypes.INTEGER, allowNull: false },
      url: { type: DataTypes.STRING(2000), allowNull: false },
      remote: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      ownerAccountId: { type: DataTypes.INTEGER, allowNull: false },
      videoChannelId: { type: DataTypes.INTEGER, allowNull: true },
      thumbnailFilename: { type: DataTypes.STRING, allowNull: true },
      thumbnailUrl: { type: DataTypes.STRING(2000), allowNull: true },
      thumbnailOnDisk: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
      thumbnailAutomatic: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
      lastFetchedAt: { type: DataTypes.DATE, allowNull: true },
      originUpdatedAt: { type: DataTypes.DATE, allowNull: true },
      createdAt: DataTypes.DATE,
      updatedAt: DataTypes.DATE
    }, {
      sequelize,
      modelName: 'VideoPlaylist',
      tableName: 'videoPlaylist',
      indexes: [
        { fields: [ 'uuid' ], unique: true },
        { fields: [ 'url' ], unique: true },
        { fields: [ 'ownerAccountId', 'type' ] },
        { fields: [ 'videoChannelId' ] },
        { fields: [ 'thumbnailFilename' ], unique: true }
      ]
    })
  }

  static associate () {
    VideoPlaylistModel.belongsTo(AccountModel, { as: 'OwnerAccount', foreignKey: { name: 'ownerAccountId', allowNull: false }, onDelete: 'CASCADE' })
    VideoPlaylistModel.belongsTo(VideoChannelModel, { foreignKey: { name: 'videoChannelId', allowNull: true }, onDelete: 'CASCADE' })
    AccountModel.hasMany(VideoPlaylistModel, { foreignKey: 'ownerAccountId' })
    VideoChannelModel.hasMany(VideoPlaylistModel, { foreignKey: 'videoChannelId' })
  }

  isOwned () {
    return !this.remote
  }

  /** Federated (and served as ActivityPub): anything but private. */
  isFederated () {
    return this.privacy !== VideoPlaylistPrivacy.PRIVATE
  }

  /** Owner, channel and their actors: what the formatters and the ActivityPub object need. */
  static fullInclude () {
    return [
      { model: AccountModel, as: 'OwnerAccount', required: true, include: [ AccountModel.withActor() ] },
      { model: VideoChannelModel, required: false, include: VideoChannelModel.fullInclude() }
    ]
  }

  static async loadFull (id: number) {
    return VideoPlaylistModel.findByPk(id, { include: VideoPlaylistModel.fullInclude() })
  }

  static async loadFullByUuid (uuid: string) {
    return VideoPlaylistModel.findOne({ where: { uuid }, include: VideoPlaylistModel.fullInclude() })
  }

  static async loadByUrl (url: string) {
    return VideoPlaylistModel.findOne({ where: { url }, include: VideoPlaylistModel.fullInclude() })
  }

  static async loadWatchLater (accountId: number) {
    return VideoPlaylistModel.findOne({ where: { ownerAccountId: accountId, type: 2 } })
  }
}
