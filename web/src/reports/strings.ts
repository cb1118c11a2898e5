// The "Make report" dialog's words in English, French and Arabic, kept apart from ui/strings.ts as
// the planner and hotspot strings are.
import type { Locale } from '../ui/strings.ts'
import type { ReportSection } from './report-request.ts'

export interface ReportStrings {
  button: string
  title: string
  lead: string
  from: string
  to: string
  reportTitle: string
  language: string
  orientation: string
  portrait: string
  landscape: string
  sections: string
  section: Record<ReportSection, string>
  make: string
  making: string
  done: (pages: string) => string
  failed: (message: string) => string
  close: string
  noSection: string
}

const en: ReportStrings = {
  button: 'Make report',
  title: 'Make a risk-analysis report',
  lead: 'A PDF of the map as it is now, with key figures, charts, emerging hot spots, routes and the latest patrol plan, compared with the previous period of the same length.',
  from: 'From',
  to: 'To',
  reportTitle: 'Title',
  language: 'Language',
  orientation: 'Page (A4)',
  portrait: 'Portrait',
  landscape: 'Landscape',
  sections: 'Sections',
  section: { map: 'Regional map', figures: 'Key figures', charts: 'Charts', hotspots: 'Emerging hot spots', routes: 'Route table', plan: 'Latest patrol plan (annex)' },
  make: 'Make report',
  making: 'Rendering the report…',
  done: (size) => `Report downloaded (${size}).`,
  failed: (message) => `The report could not be made: ${message}`,
  close: 'Close',
  noSection: 'Choose at least one section.',
}

const fr: ReportStrings = {
  button: 'Créer un rapport',
  title: 'Créer un rapport d’analyse des risques',
  lead: 'Un PDF de la carte telle qu’elle est, avec chiffres clés, graphiques, points chauds émergents, routes et dernier plan de patrouille, comparé à la période précédente de même durée.',
  from: 'Du',
  to: 'Au',
  reportTitle: 'Titre',
  language: 'Langue',
  orientation: 'Page (A4)',
  portrait: 'Portrait',
  landscape: 'Paysage',
  sections: 'Sections',
  section: { map: 'Carte régionale', figures: 'Chiffres clés', charts: 'Graphiques', hotspots: 'Points chauds émergents', routes: 'Tableau des routes', plan: 'Dernier plan de patrouille (annexe)' },
  make: 'Créer le rapport',
  making: 'Création du rapport…',
  done: (size) => `Rapport téléchargé (${size}).`,
  failed: (message) => `Le rapport n’a pas pu être créé\u00a0: ${message}`,
  close: 'Fermer',
  noSection: 'Choisissez au moins une section.',
}

const ar: ReportStrings = {
  button: 'إعداد تقرير',
  title: 'إعداد تقرير تحليل المخاطر',
  lead: 'ملف PDF للخريطة بحالتها الحالية، مع الأرقام الرئيسية والرسوم البيانية والبؤر الساخنة الناشئة والطرق وآخر خطة دوريات، مقارنةً بالفترة السابقة ذات المدة نفسها.',
  from: 'من',
  to: 'إلى',
  reportTitle: 'العنوان',
  language: 'اللغة',
  orientation: 'الصفحة (A4)',
  portrait: 'عمودي',
  landscape: 'أفقي',
  sections: 'الأقسام',
  section: { map: 'الخريطة الإقليمية', figures: 'الأرقام الرئيسية', charts: 'الرسوم البيانية', hotspots: 'البؤر الساخنة الناشئة', routes: 'جدول الطرق', plan: 'آخر خطة دوريات (ملحق)' },
  make: 'إعداد التقرير',
  making: 'جارٍ إعداد التقرير…',
  done: (size) => `تم تنزيل التقرير (${size}).`,
  failed: (message) => `تعذّر إعداد التقرير: ${message}`,
  close: 'إغلاق',
  noSection: 'اختر قسمًا واحدًا على الأقل.',
}

const TABLES: Record<Locale, ReportStrings> = { en, fr, ar }

/** The report dialog's words in `locale`. */
export function reportStrings(locale: Locale): ReportStrings {
  return TABLES[locale]
}
