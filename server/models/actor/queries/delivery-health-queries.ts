import { Op } from 'sequelize'
import { ServerModel } from '../../server/server.js'

// Delivery health of remote servers (ServerModel.failingSince): written by every delivery, so each update only
// touches rows whose state actually changes.

export async function markServerFailing (host: string, now = new Date()) {
  await ServerModel.update({ failingSince: now }, { where: { host, failingSince: null } })
}

export async function markServerReachable (host: string) {
  await ServerModel.update({ failingSince: null }, { where: { host, failingSince: { [Op.ne]: null } } })
}

/** Hosts among `hosts` that have failed every delivery since before `failingBefore`. */
export async function listUnreachableHosts (hosts: string[], failingBefore: Date) {
  if (hosts.length === 0) return new Set<string>()
  const rows = await ServerModel.findAll({
    where: { host: { [Op.in]: hosts }, failingSince: { [Op.lt]: failingBefore } },
    attributes: [ 'host' ]
  })
  return new Set(rows.map(row => row.host))
}

/** Servers currently failing, oldest failure first. */
export async function listFailingServers () {
  return ServerModel.findAll({ where: { failingSince: { [Op.ne]: null } }, attributes: [ 'host', 'failingSince' ], order: [ [ 'failingSince', 'ASC' ] ] })
}
