// The server's lookup tables (categories, licences, languages), fetched once per page load.
import { getCategories, getLanguages, getLicences } from '../api/videos.js'

const none = (): Record<string, string> => ({})
let categories: Promise<Record<string, string>> | null = null
let licences: Promise<Record<string, string>> | null = null
let languages: Promise<Record<string, string>> | null = null

export const categoriesTable = () => (categories ??= getCategories().catch(none))
export const licencesTable = () => (licences ??= getLicences().catch(none))
export const languagesTable = () => (languages ??= getLanguages().catch(none))
