import { toShortUuid } from '../../../helpers/uuid.js'
import { WEBSERVER } from '../../../initializers/config/index.js'

// Links of the web client that mails point to.

export const watchUrl = (video: { uuid: string }) => `${WEBSERVER.URL}/w/${toShortUuid(video.uuid)}`
export const myVideosUrl = () => `${WEBSERVER.URL}/my-library/videos`
export const myImportsUrl = () => `${WEBSERVER.URL}/my-library/video-imports`
export const notificationsUrl = () => `${WEBSERVER.URL}/my-account/notifications`
export const myAbusesUrl = () => `${WEBSERVER.URL}/my-account/abuses`
export const adminUrl = (page: string) => `${WEBSERVER.URL}/admin/${page}`
