import { DataTypes, Model, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize'

/**
 * Every distinct word of video names, as search indexes them (lowercase, unaccented): the vocabulary typos are
 * corrected against. A trigger on "video" adds the words of new and renamed videos (see
 * queries/video-list/video-name-words-sql.ts); words of deleted videos stay, and only cost a correction that
 * matches nothing.
 */
export class VideoNameWordModel extends Model<InferAttributes<VideoNameWordModel>, InferCreationAttributes<VideoNameWordModel>> {
  declare word: string

  static initModel (sequelize: Sequelize) {
    VideoNameWordModel.init({
      word: { type: DataTypes.STRING(VIDEO_NAME_WORD_MAX_LENGTH), primaryKey: true }
    }, { sequelize, modelName: 'VideoNameWord', tableName: 'videoNameWord', timestamps: false })
  }
}

/** Longer "words" (URLs, hashes) are left out of the vocabulary. */
export const VIDEO_NAME_WORD_MAX_LENGTH = 50
