// The mapping step of the import dialog, in English, French and Arabic, kept apart from
// ui/strings.ts as the hotspot and auth strings are. Threat names come from `S.threats`.

import type { MappedField } from '../../../shared/import-formats.ts'
import type { Locale } from '../ui/strings.ts'

export interface MappingStrings {
  title: string
  lead: string
  recognised: (label: string) => string
  reused: (importId: number) => string
  fields: Record<MappedField, string>
  none: string
  order: string
  orders: { latlng: string; lnglat: string }
  dateOrder: string
  dateOrders: { mdy: string; dmy: string }
  dateForm: (form: string) => string
  defaultThreat: string
  noDefaultThreat: string
  dataset: string
  credit: string
  firstRows: (n: number) => string
  dryRun: (accepted: number, rows: number, rejected: number) => string
  previewing: string
  previewFailed: (message: string) => string
}

const en: MappingStrings = {
  title: 'Columns',
  lead: 'Check which column gives each field before anything is written; change any of them.',
  recognised: (label) => `Recognised: ${label}`,
  reused: (id) => `The columns chosen for import ${id}, a file with the same headers, are used again.`,
  fields: { lat: 'Latitude', lng: 'Longitude', coordinates: 'Coordinates (one column)', date: 'Date', year: 'Year', month: 'Month', category: 'Category', id: 'Source id', dead: 'Dead', missing: 'Missing', quantity: 'Quantity' },
  none: '— none —',
  order: 'Coordinate order',
  orders: { latlng: 'lat, lon', lnglat: 'lon, lat' },
  dateOrder: 'Dates like 03/02/2024',
  dateOrders: { mdy: 'month first (US)', dmy: 'day first' },
  dateForm: (form) => `Dates read as ${form}`,
  defaultThreat: 'Threat for rows without a category',
  noDefaultThreat: 'Unclassified',
  dataset: 'Dataset name',
  credit: 'Credit line',
  firstRows: (n) => `First ${n} rows`,
  dryRun: (accepted, rows, rejected) => `Of the first ${rows} rows, ${accepted} would go in and ${rejected} would be rejected.`,
  previewing: 'Reading the first rows…',
  previewFailed: (message) => `The file could not be previewed: ${message}`,
}

const fr: MappingStrings = {
  title: 'Colonnes',
  lead: 'Vérifiez quelle colonne donne chaque champ avant toute écriture ; modifiez-les au besoin.',
  recognised: (label) => `Reconnu : ${label}`,
  reused: (id) => `Les colonnes choisies pour l’import ${id}, un fichier aux mêmes en-têtes, sont reprises.`,
  fields: { lat: 'Latitude', lng: 'Longitude', coordinates: 'Coordonnées (une colonne)', date: 'Date', year: 'Année', month: 'Mois', category: 'Catégorie', id: 'Identifiant source', dead: 'Morts', missing: 'Disparus', quantity: 'Quantité' },
  none: '— aucune —',
  order: 'Ordre des coordonnées',
  orders: { latlng: 'lat, lon', lnglat: 'lon, lat' },
  dateOrder: 'Dates comme 03/02/2024',
  dateOrders: { mdy: 'mois d’abord (US)', dmy: 'jour d’abord' },
  dateForm: (form) => `Dates lues comme ${form}`,
  defaultThreat: 'Menace des lignes sans catégorie',
  noDefaultThreat: 'Non classé',
  dataset: 'Nom du jeu de données',
  credit: 'Mention de source',
  firstRows: (n) => `${n} premières lignes`,
  dryRun: (accepted, rows, rejected) => `Sur les ${rows} premières lignes, ${accepted} seraient importées et ${rejected} rejetées.`,
  previewing: 'Lecture des premières lignes…',
  previewFailed: (message) => `Aperçu impossible : ${message}`,
}

const ar: MappingStrings = {
  title: 'الأعمدة',
  lead: 'تحقّق من العمود الذي يعطي كل حقل قبل كتابة أي شيء، وغيّر ما تشاء منها.',
  recognised: (label) => `تم التعرّف على: ${label}`,
  reused: (id) => `أُعيد استخدام الأعمدة المختارة للاستيراد ${id}، وهو ملف بالعناوين نفسها.`,
  fields: { lat: 'خط العرض', lng: 'خط الطول', coordinates: 'الإحداثيات (عمود واحد)', date: 'التاريخ', year: 'السنة', month: 'الشهر', category: 'الفئة', id: 'معرّف المصدر', dead: 'القتلى', missing: 'المفقودون', quantity: 'الكمية' },
  none: '— لا شيء —',
  order: 'ترتيب الإحداثيات',
  orders: { latlng: 'عرض، طول', lnglat: 'طول، عرض' },
  dateOrder: 'تواريخ مثل 03/02/2024',
  dateOrders: { mdy: 'الشهر أولًا (أمريكي)', dmy: 'اليوم أولًا' },
  dateForm: (form) => `تُقرأ التواريخ بصيغة ${form}`,
  defaultThreat: 'التهديد للصفوف بلا فئة',
  noDefaultThreat: 'غير مصنف',
  dataset: 'اسم مجموعة البيانات',
  credit: 'سطر الإسناد',
  firstRows: (n) => `أول ${n} صفوف`,
  dryRun: (accepted, rows, rejected) => `من أول ${rows} صفًا، سيُستورد ${accepted} ويُرفض ${rejected}.`,
  previewing: 'قراءة الصفوف الأولى…',
  previewFailed: (message) => `تعذّرت معاينة الملف: ${message}`,
}

const TABLES: Record<Locale, MappingStrings> = { en, fr, ar }

/** The mapping-step strings in `locale`. */
export function mappingStrings(locale: Locale): MappingStrings {
  return TABLES[locale]
}
