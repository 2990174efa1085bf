import { DataTypes } from 'sequelize'
import type { Migration } from '../migrator.js'

/** Private feed tokens (issue 21): every existing user gets a random one, as new users do. */
export const up: Migration['up'] = async ({ sequelize, transaction }) => {
  await sequelize.getQueryInterface().addColumn('user', 'feedToken', {
    type: DataTypes.UUID,
    allowNull: false,
    defaultValue: sequelize.literal('gen_random_uuid()')
  }, { transaction })
}
