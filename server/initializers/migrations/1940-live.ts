import { DataTypes } from 'sequelize'
import { VideoLiveModel } from '../../models/live/video-live.js'
import { VideoLiveSessionModel } from '../../models/live/video-live-session.js'
import type { Migration } from '../migrator.js'

/** Live streaming: each live's settings and stream key, its sessions, and the viewer count of videos. */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  await sequelize.getQueryInterface().addColumn('video', 'viewers', { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 }, { transaction })
  await VideoLiveModel.sync()
  await VideoLiveSessionModel.sync()
}
