export * from './actors.js'
export * from './users.js'
export * from './videos.js'
export * from './video-comments.js'
