// The instance: its About page.
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'

const AboutPage = lazyPage(() => import('../pages/about-page.js'))

export const aboutArea: AppArea = {
  routes: [
    { pattern: '/about', render: () => <AboutPage /> },
    { pattern: '/about/instance', render: () => <AboutPage /> }
  ],
  menu: [
    { id: 'about', section: 'instance', label: 'menu.about', href: '/about', icon: 'info', order: 10 }
  ]
}
