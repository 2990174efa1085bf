export * from './actors.js'
export * from './users.js'
