// Every string of the charts (the chart panel, the route panel's monthly counts, the hotspot
// popup's sparkline) in English, French and Arabic. Vocabulary names (threats, route families)
// come from ui/strings*.ts; country names from the service.

import type { Locale } from '../ui/strings.ts'

export type ChartSplit = 'none' | 'threat' | 'family' | 'country' | 'origin'

export interface ChartStrings {
  button: string
  panelTitle: string
  close: string
  bucketLabel: string
  buckets: Record<'month' | 'quarter', string>
  splitLabel: string
  splits: Record<ChartSplit, string>
  incidentsTitle: (bucket: 'month' | 'quarter') => string
  casualtiesTitle: string
  incidents: string
  dead: string
  missing: string
  /** keys a split cannot place */
  unassigned: string
  noCountry: string
  local: string
  other: string
  /** the caption of the data the chart covers */
  scope: string
  yearPrecise: (count: string) => string
  noCasualties: string
  empty: string
  loading: string
  failed: (message: string) => string
  download: string
  routeTitle: (corridorKm: number) => string
  sparklineTitle: string
}

const en: ChartStrings = {
  button: 'Charts',
  panelTitle: 'Incidents over time',
  close: 'Close charts',
  bucketLabel: 'Per',
  buckets: { month: 'month', quarter: 'quarter' },
  splitLabel: 'Split by',
  splits: { none: 'nothing', threat: 'threat', family: 'route family', country: 'country', origin: 'origin instance' },
  incidentsTitle: (b) => (b === 'month' ? 'Incidents per month' : 'Incidents per quarter'),
  casualtiesTitle: 'Dead and missing',
  incidents: 'Incidents',
  dead: 'Dead',
  missing: 'Missing',
  unassigned: 'No route family',
  noCountry: 'At sea or outside the countries',
  local: 'Made here',
  other: 'Other',
  scope: 'Current filters and time range, whole region.',
  yearPrecise: (n) => `${n} incidents dated only to a year are left out.`,
  noCasualties: 'The data under these filters has no dead or missing figures.',
  empty: 'No incidents match these filters.',
  loading: 'Loading…',
  failed: (m) => `Could not load the chart: ${m}`,
  download: 'Download',
  routeTitle: (km) => `Incidents within ${km} km, per month`,
  sparklineTitle: 'Incidents per period',
}

const fr: ChartStrings = {
  button: 'Graphiques',
  panelTitle: 'Incidents dans le temps',
  close: 'Fermer les graphiques',
  bucketLabel: 'Par',
  buckets: { month: 'mois', quarter: 'trimestre' },
  splitLabel: 'Répartir par',
  splits: { none: 'rien', threat: 'menace', family: 'famille de routes', country: 'pays', origin: 'instance d’origine' },
  incidentsTitle: (b) => (b === 'month' ? 'Incidents par mois' : 'Incidents par trimestre'),
  casualtiesTitle: 'Morts et disparus',
  incidents: 'Incidents',
  dead: 'Morts',
  missing: 'Disparus',
  unassigned: 'Sans famille de routes',
  noCountry: 'En mer ou hors des pays',
  local: 'Saisis ici',
  other: 'Autres',
  scope: 'Filtres et période en cours, toute la région.',
  yearPrecise: (n) => `${n} incidents datés seulement à l’année sont laissés de côté.`,
  noCasualties: 'Les données de ces filtres ne donnent ni morts ni disparus.',
  empty: 'Aucun incident ne correspond à ces filtres.',
  loading: 'Chargement…',
  failed: (m) => `Impossible de charger le graphique : ${m}`,
  download: 'Télécharger',
  routeTitle: (km) => `Incidents à moins de ${km} km, par mois`,
  sparklineTitle: 'Incidents par période',
}

const ar: ChartStrings = {
  button: 'الرسوم البيانية',
  panelTitle: 'الحوادث عبر الزمن',
  close: 'إغلاق الرسوم البيانية',
  bucketLabel: 'لكل',
  buckets: { month: 'شهر', quarter: 'ربع سنة' },
  splitLabel: 'التقسيم حسب',
  splits: { none: 'بدون تقسيم', threat: 'التهديد', family: 'عائلة الطرق', country: 'البلد', origin: 'النسخة المصدر' },
  incidentsTitle: (b) => (b === 'month' ? 'الحوادث شهريًا' : 'الحوادث لكل ربع سنة'),
  casualtiesTitle: 'القتلى والمفقودون',
  incidents: 'الحوادث',
  dead: 'قتلى',
  missing: 'مفقودون',
  unassigned: 'دون عائلة طرق',
  noCountry: 'في البحر أو خارج البلدان',
  local: 'مُدخلة هنا',
  other: 'أخرى',
  scope: 'عوامل التصفية والفترة الحالية، المنطقة كلها.',
  yearPrecise: (n) => `استُبعدت ${n} حوادث مؤرخة بالسنة فقط.`,
  noCasualties: 'لا تتضمن البيانات وفق هذه العوامل أعداد قتلى أو مفقودين.',
  empty: 'لا توجد حوادث تطابق عوامل التصفية هذه.',
  loading: 'جارٍ التحميل…',
  failed: (m) => `تعذر تحميل الرسم البياني: ${m}`,
  download: 'تنزيل',
  routeTitle: (km) => `الحوادث ضمن ${km} كم، شهريًا`,
  sparklineTitle: 'الحوادث لكل فترة',
}

const TABLES: Record<Locale, ChartStrings> = { en, fr, ar }

/** The chart strings of a locale. */
export function chartStrings(locale: Locale): ChartStrings {
  return TABLES[locale]
}
