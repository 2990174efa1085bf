// The instance: its About page and the contact form.
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'

const AboutPage = lazyPage(() => import('../pages/about-page.js'))
const ContactPage = lazyPage(() => import('../pages/contact-page.js'))

export const aboutArea: AppArea = {
  routes: [
    { pattern: '/about', render: () => <AboutPage /> },
    { pattern: '/about/instance', render: () => <AboutPage /> },
    { pattern: '/about/contact', render: () => <ContactPage /> }
  ],
  menu: [
    { id: 'about', section: 'instance', label: 'menu.about', href: '/about', icon: 'info', order: 10 },
    { id: 'contact', section: 'instance', label: 'menu.contact', href: '/about/contact', icon: 'mail', order: 20, visible: ({ config }) => config?.contactForm?.enabled === true }
  ]
}
