// The words of a risk-analysis report in English, French and Arabic. Threat, hot spot category,
// route family and country names come from shared/vocabulary-names.ts, the static maps' words
// and the countries table.
import type { Sharing } from '../../shared/access.ts'
import type { Language } from '../../shared/map-state.ts'

export interface ReportWords {
  defaultTitle: string
  subtitle: string
  period: string
  previousPeriod: string
  generated: string
  region: string
  filters: string
  threats: string
  sources: string
  families: string
  all: string
  contents: string
  sections: { map: string; figures: string; charts: string; hotspots: string; routes: string; plan: string }
  /** classification banner of the most restricted data shown */
  banner: Record<Sharing, string>
  bannerNote: (level: string) => string
  incidents: string
  dead: string
  missing: string
  noCasualties: string
  change: string
  country: string
  atSea: string
  family: string
  unassigned: string
  total: string
  perCountry: string
  perFamily: string
  chartByThreat: (bucket: 'month' | 'quarter') => string
  chartCasualties: (bucket: 'month' | 'quarter') => string
  yearPrecise: (n: string) => string
  rank: string
  cell: string
  category: string
  hotspotsLead: (res: number, bins: number, bucket: 'month' | 'quarter') => string
  noHotspots: string
  route: string
  lengthKm: string
  countries: string
  crossings: string
  noRoutes: string
  planTitle: (name: string, id: number) => string
  planSaved: (date: string) => string
  planSummary: (sites: string, radiusKm: string, covered: string) => string
  site: string
  kind: { new: string; existing: string }
  position: string
  border: string
  coveredDemand: string
  noPlan: string
  sourcesLine: string
  page: (n: number, of: number) => string
  none: string
}

const EN: ReportWords = {
  defaultTitle: 'Regional risk analysis',
  subtitle: 'Sahel Routes risk-analysis report',
  period: 'Period',
  previousPeriod: 'Previous period',
  generated: 'Prepared',
  region: 'Region (west, south, east, north)',
  filters: 'Filters',
  threats: 'Threats',
  sources: 'Sources',
  families: 'Route families',
  all: 'all',
  contents: 'Contents',
  sections: { map: 'Regional map', figures: 'Key figures', charts: 'Trends', hotspots: 'Emerging hot spots', routes: 'Routes', plan: 'Annex: patrol plan' },
  banner: { national: 'NATIONAL — ORIGINATING STATE ONLY', bilateral: 'BILATERAL — NAMED PARTNER STATES ONLY', regional: 'REGIONAL — MEMBER STATES ONLY', public: 'PUBLIC' },
  bannerNote: (level) => `Classification: ${level}, the most restricted sharing level of the records in this report.`,
  incidents: 'Incidents',
  dead: 'Dead',
  missing: 'Missing',
  noCasualties: 'no casualty figures in the data',
  change: 'Change',
  country: 'Country',
  atSea: 'At sea or outside the countries',
  family: 'Route family',
  unassigned: 'No route family',
  total: 'Total',
  perCountry: 'By country',
  perFamily: 'By route family',
  chartByThreat: (b) => `Incidents per ${b}, by threat`,
  chartCasualties: (b) => `Dead and missing per ${b}`,
  yearPrecise: (n) => `${n} incidents dated only to a year are counted in the totals of no month.`,
  rank: '#',
  cell: 'H3 cell',
  category: 'Category',
  hotspotsLead: (res, bins, b) => `Emerging hot spot analysis: Gi* per ${b} over ${bins} ${b === 'month' ? 'months' : 'quarters'}, H3 resolution ${res}, Mann-Kendall trend.`,
  noHotspots: 'No emerging hot spot in this period.',
  route: 'Route',
  lengthKm: 'Length (km)',
  countries: 'Countries',
  crossings: 'Border crossings',
  noRoutes: 'No route in the region.',
  planTitle: (name, id) => `Patrol plan “${name}” (no. ${id})`,
  planSaved: (date) => `Saved ${date}`,
  planSummary: (sites, km, covered) => `${sites} sites, reach ${km} km, ${covered} of the demand covered`,
  site: 'Site',
  kind: { new: 'proposed', existing: 'existing' },
  position: 'Longitude, latitude',
  border: 'Nearest border (km)',
  coveredDemand: 'Demand in reach',
  noPlan: 'No saved patrol plan.',
  sourcesLine: 'Sources',
  page: (n, of) => `Page ${n} of ${of}`,
  none: '—',
}

const FR: ReportWords = {
  defaultTitle: 'Analyse régionale des risques',
  subtitle: 'Rapport d’analyse des risques Sahel Routes',
  period: 'Période',
  previousPeriod: 'Période précédente',
  generated: 'Établi le',
  region: 'Région (ouest, sud, est, nord)',
  filters: 'Filtres',
  threats: 'Menaces',
  sources: 'Sources',
  families: 'Familles de routes',
  all: 'toutes',
  contents: 'Sommaire',
  sections: { map: 'Carte régionale', figures: 'Chiffres clés', charts: 'Tendances', hotspots: 'Points chauds émergents', routes: 'Routes', plan: 'Annexe : plan de patrouille' },
  banner: { national: 'DIFFUSION NATIONALE — ÉTAT D’ORIGINE SEULEMENT', bilateral: 'DIFFUSION BILATÉRALE — ÉTATS PARTENAIRES DÉSIGNÉS', regional: 'DIFFUSION RÉGIONALE — ÉTATS MEMBRES SEULEMENT', public: 'PUBLIC' },
  bannerNote: (level) => `Classification : ${level}, le niveau de partage le plus restreint des données de ce rapport.`,
  incidents: 'Incidents',
  dead: 'Morts',
  missing: 'Disparus',
  noCasualties: 'pas de chiffres de victimes dans les données',
  change: 'Évolution',
  country: 'Pays',
  atSea: 'En mer ou hors des pays',
  family: 'Famille de routes',
  unassigned: 'Sans famille de routes',
  total: 'Total',
  perCountry: 'Par pays',
  perFamily: 'Par famille de routes',
  chartByThreat: (b) => `Incidents par ${b === 'month' ? 'mois' : 'trimestre'}, par menace`,
  chartCasualties: (b) => `Morts et disparus par ${b === 'month' ? 'mois' : 'trimestre'}`,
  yearPrecise: (n) => `${n} incidents datés seulement à l’année ne sont comptés dans aucun mois.`,
  rank: 'N°',
  cell: 'Cellule H3',
  category: 'Catégorie',
  hotspotsLead: (res, bins, b) => `Analyse des points chauds émergents : Gi* par ${b === 'month' ? 'mois' : 'trimestre'} sur ${bins} ${b === 'month' ? 'mois' : 'trimestres'}, résolution H3 ${res}, tendance de Mann-Kendall.`,
  noHotspots: 'Aucun point chaud émergent sur la période.',
  route: 'Route',
  lengthKm: 'Longueur (km)',
  countries: 'Pays',
  crossings: 'Passages de frontière',
  noRoutes: 'Aucune route dans la région.',
  planTitle: (name, id) => `Plan de patrouille « ${name} » (n° ${id})`,
  planSaved: (date) => `Enregistré le ${date}`,
  planSummary: (sites, km, covered) => `${sites} sites, rayon ${km} km, ${covered} de la demande couverte`,
  site: 'Site',
  kind: { new: 'proposé', existing: 'existant' },
  position: 'Longitude, latitude',
  border: 'Frontière la plus proche (km)',
  coveredDemand: 'Demande à portée',
  noPlan: 'Aucun plan de patrouille enregistré.',
  sourcesLine: 'Sources',
  page: (n, of) => `Page ${n} sur ${of}`,
  none: '—',
}

const AR: ReportWords = {
  defaultTitle: 'تحليل المخاطر الإقليمي',
  subtitle: 'تقرير تحليل المخاطر – Sahel Routes',
  period: 'الفترة',
  previousPeriod: 'الفترة السابقة',
  generated: 'تاريخ الإعداد',
  region: 'المنطقة (غرب، جنوب، شرق، شمال)',
  filters: 'عوامل التصفية',
  threats: 'التهديدات',
  sources: 'المصادر',
  families: 'مجموعات الطرق',
  all: 'الكل',
  contents: 'المحتويات',
  sections: { map: 'الخريطة الإقليمية', figures: 'الأرقام الرئيسية', charts: 'الاتجاهات', hotspots: 'البؤر الساخنة الناشئة', routes: 'الطرق', plan: 'ملحق: خطة الدوريات' },
  banner: { national: 'وطني — للدولة المصدر فقط', bilateral: 'ثنائي — للدول الشريكة المسماة فقط', regional: 'إقليمي — للدول الأعضاء فقط', public: 'عام' },
  bannerNote: (level) => `التصنيف: ${level}، وهو أكثر مستويات المشاركة تقييدًا بين بيانات هذا التقرير.`,
  incidents: 'الحوادث',
  dead: 'القتلى',
  missing: 'المفقودون',
  noCasualties: 'لا توجد أرقام للضحايا في البيانات',
  change: 'التغير',
  country: 'البلد',
  atSea: 'في البحر أو خارج البلدان',
  family: 'مجموعة الطرق',
  unassigned: 'بلا مجموعة طرق',
  total: 'المجموع',
  perCountry: 'حسب البلد',
  perFamily: 'حسب مجموعة الطرق',
  chartByThreat: (b) => `الحوادث في كل ${b === 'month' ? 'شهر' : 'فصل'} حسب التهديد`,
  chartCasualties: (b) => `القتلى والمفقودون في كل ${b === 'month' ? 'شهر' : 'فصل'}`,
  yearPrecise: (n) => `${n} من الحوادث مؤرخة بالسنة فقط ولا تُحتسب في أي شهر.`,
  rank: 'الرقم',
  cell: 'خلية H3',
  category: 'الفئة',
  hotspotsLead: (res, bins, b) => `تحليل البؤر الساخنة الناشئة: مؤشر Gi* لكل ${b === 'month' ? 'شهر' : 'فصل'} على مدى ${bins} ${b === 'month' ? 'شهرًا' : 'فصلًا'}، دقة H3 ${res}، اتجاه مان-كندال.`,
  noHotspots: 'لا توجد بؤر ساخنة ناشئة في هذه الفترة.',
  route: 'الطريق',
  lengthKm: 'الطول (كم)',
  countries: 'البلدان',
  crossings: 'نقاط عبور الحدود',
  noRoutes: 'لا توجد طرق في المنطقة.',
  planTitle: (name, id) => `خطة الدوريات «${name}» (رقم ${id})`,
  planSaved: (date) => `حُفظت في ${date}`,
  planSummary: (sites, km, covered) => `${sites} مواقع، مدى ${km} كم، تغطية ${covered} من الطلب`,
  site: 'الموقع',
  kind: { new: 'مقترح', existing: 'قائم' },
  position: 'خط الطول، خط العرض',
  border: 'أقرب حدود (كم)',
  coveredDemand: 'الطلب ضمن المدى',
  noPlan: 'لا توجد خطة دوريات محفوظة.',
  sourcesLine: 'المصادر',
  page: (n, of) => `الصفحة ${n} من ${of}`,
  none: '—',
}

const WORDS: Record<Language, ReportWords> = { en: EN, fr: FR, ar: AR }

/** The report's words in a language. */
export function reportWords(lang: Language): ReportWords {
  return WORDS[lang]
}
