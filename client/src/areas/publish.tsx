// Publishing: the one-screen upload and the video edit page.
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'

const UploadPage = lazyPage(() => import('../pages/upload/upload-page.js'))
const ImportPage = lazyPage(() => import('../pages/imports/import-page.js'))
const VideoEditPage = lazyPage<{ id: string }>(() => import('../pages/upload/video-edit-page.js'))

export const publishArea: AppArea = {
  routes: [
    { pattern: '/upload', render: () => <UploadPage />, auth: true },
    { pattern: '/videos/upload', render: () => <UploadPage />, auth: true },
    { pattern: '/videos/import', render: () => <ImportPage />, auth: true },
    // Who may edit is known once the video is loaded: the page itself refuses others.
    { pattern: '/videos/update/:id', render: p => <VideoEditPage id={p.id} />, auth: true }
  ]
}
