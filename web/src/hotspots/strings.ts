// Every string of the hotspot layer, its legend and controls, the cell popup, the incident
// points and the import dialog, in English, French and Arabic. Kept apart from ui/strings*.ts;
// vocabulary names (threats, route families) come from there.

import type { HotspotClass } from '../../../shared/gistar.ts'
import type { EmergingPattern } from '../../../shared/emerging.ts'
import type { Locale } from '../ui/strings.ts'
import { emergingPatternName } from '../../../shared/vocabulary-names.ts'

export interface HotspotStrings {
  sectionTitle: string
  hotspotsToggle: string
  incidentsToggle: string
  incidentsZoomHint: string
  statLabel: string
  statNone: string
  statGistar: string
  resLabel: string
  resAuto: (res: number) => string
  resPinned: (res: number) => string
  countLegendTitle: string
  classLegendTitle: string
  classes: Record<HotspotClass, string>
  timeTitle: string
  timeFrom: string
  timeTo: string
  play: string
  pause: string
  allTime: string
  filtersTitle: string
  threatsLabel: string
  sourcesLabel: string
  allSelected: string
  familiesNote: (families: string) => string
  creditsTitle: string
  demoLabel: string
  loading: string
  failed: (message: string) => string
  cellTitle: (res: number) => string
  value: string
  n: string
  z: string
  p: string
  q: string
  cls: string
  trendTitle: string
  pattern: (pattern: EmergingPattern, hot: boolean) => string
  noPattern: string
  trendDetail: (bins: number, bin: 'month' | 'quarter', tau: string, p: string) => string
  noTrend: (bins: number, bin: 'month' | 'quarter') => string
  incidentsTitle: string
  incidentsShown: (shown: number, total: string) => string
  incidentsNone: string
  dead: string
  missing: string
  survivors: string
  quantity: string
  sourceLink: string
  zoomIn: string
  importButton: string
  importTitle: string
  importLead: string
  fileLabel: string
  formatLabel: string
  formatAuto: string
  strictLabel: string
  upload: string
  uploading: (percent: string, sent: string, total: string) => string
  processing: string
  close: string
  uploadFailed: (message: string) => string
  status: Record<'completed' | 'rejected' | 'failed', string>
  noop: string
  rowsRead: string
  inserted: string
  updated: string
  unchanged: string
  rejected: string
  rejectionsTitle: (shown: number, total: number) => string
  line: string
  field: string
  reason: string
  dataset: string
  credit: string
}

const en: HotspotStrings = {
  sectionTitle: 'Incidents and hotspots',
  hotspotsToggle: 'Hotspots (H3 cells)',
  incidentsToggle: 'Incident points',
  incidentsZoomHint: 'drawn from zoom 7',
  statLabel: 'Show',
  statNone: 'Incident count',
  statGistar: 'Hot and cold spots (Gi*)',
  resLabel: 'Cell size',
  resAuto: (res) => `Follow the zoom (now ${res})`,
  resPinned: (res) => `Resolution ${res}`,
  countLegendTitle: 'Incidents per cell',
  classLegendTitle: 'Getis-Ord Gi*, FDR-corrected',
  classes: {
    hot_99: 'Hot spot, 99% confidence',
    hot_95: 'Hot spot, 95% confidence',
    hot_90: 'Hot spot, 90% confidence',
    not_significant: 'Not significant',
    cold_90: 'Cold spot, 90% confidence',
    cold_95: 'Cold spot, 95% confidence',
    cold_99: 'Cold spot, 99% confidence',
  },
  timeTitle: 'Time range',
  timeFrom: 'From',
  timeTo: 'To',
  play: 'Play month by month',
  pause: 'Pause',
  allTime: 'All dates',
  filtersTitle: 'Filters',
  threatsLabel: 'Threats',
  sourcesLabel: 'Sources',
  allSelected: 'all',
  familiesNote: (families) => `Route families (ticked in the legend): ${families}`,
  creditsTitle: 'Data',
  demoLabel: 'Synthetic demo data — not real incidents',
  loading: 'Loading…',
  failed: (message) => `Could not be loaded: ${message}`,
  cellTitle: (res) => `H3 cell, resolution ${res}`,
  value: 'Value',
  n: 'Incidents (n)',
  z: 'Gi* z-score',
  p: 'p-value',
  q: 'q-value (FDR)',
  cls: 'Class',
  trendTitle: 'Emerging hot spot trend',
  pattern: (pattern, hot) => emergingPatternName('en', pattern, hot),
  noPattern: 'No pattern detected',
  trendDetail: (bins, bin, tau, p) => `Mann-Kendall τ = ${tau}, p = ${p}, over ${bins} ${bin === 'month' ? 'months' : 'quarters'}`,
  noTrend: (bins, bin) => `Over ${bins} ${bin === 'month' ? 'months' : 'quarters'}`,
  incidentsTitle: 'Incidents in this cell',
  incidentsShown: (shown, total) => `${shown} of ${total}, newest first`,
  incidentsNone: 'No incident in this cell under the filters.',
  dead: 'dead',
  missing: 'missing',
  survivors: 'survivors',
  quantity: 'quantity',
  sourceLink: 'source',
  zoomIn: 'Zoom in',
  importButton: 'Import data',
  importTitle: 'Import incident data',
  importLead: 'A CSV file (IOM Missing Migrants Project, ACLED, or any CSV with latitude, longitude and date columns), GeoJSON, KML or GPX. The file stays on this server.',
  fileLabel: 'File',
  formatLabel: 'Format',
  formatAuto: 'Detect from the file',
  strictLabel: 'Import nothing if any row is rejected',
  upload: 'Upload and import',
  uploading: (percent, sent, total) => `Uploading… ${percent} (${sent} of ${total})`,
  processing: 'Uploaded; importing on the server…',
  close: 'Close',
  uploadFailed: (message) => `The import failed: ${message}`,
  status: { completed: 'Import completed', rejected: 'Nothing imported: rows were rejected and the import was strict', failed: 'The import failed' },
  noop: 'This file was already imported: nothing changed.',
  rowsRead: 'Rows read',
  inserted: 'Inserted',
  updated: 'Updated',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
  rejectionsTitle: (shown, total) => (shown < total ? `First ${shown} of ${total} rejected rows` : `Rejected rows (${total})`),
  line: 'Line',
  field: 'Field',
  reason: 'Reason',
  dataset: 'Dataset',
  credit: 'Credit',
}

const fr: HotspotStrings = {
  sectionTitle: 'Incidents et points chauds',
  hotspotsToggle: 'Points chauds (cellules H3)',
  incidentsToggle: 'Incidents (points)',
  incidentsZoomHint: 'affichés à partir du zoom 7',
  statLabel: 'Afficher',
  statNone: 'Nombre d’incidents',
  statGistar: 'Points chauds et froids (Gi*)',
  resLabel: 'Taille des cellules',
  resAuto: (res) => `Selon le zoom (actuellement ${res})`,
  resPinned: (res) => `Résolution ${res}`,
  countLegendTitle: 'Incidents par cellule',
  classLegendTitle: 'Gi* de Getis-Ord, corrigé FDR',
  classes: {
    hot_99: 'Point chaud, confiance 99 %',
    hot_95: 'Point chaud, confiance 95 %',
    hot_90: 'Point chaud, confiance 90 %',
    not_significant: 'Non significatif',
    cold_90: 'Point froid, confiance 90 %',
    cold_95: 'Point froid, confiance 95 %',
    cold_99: 'Point froid, confiance 99 %',
  },
  timeTitle: 'Période',
  timeFrom: 'Du',
  timeTo: 'Au',
  play: 'Lecture mois par mois',
  pause: 'Pause',
  allTime: 'Toutes les dates',
  filtersTitle: 'Filtres',
  threatsLabel: 'Menaces',
  sourcesLabel: 'Sources',
  allSelected: 'toutes',
  familiesNote: (families) => `Familles de routes (cochées dans la légende) : ${families}`,
  creditsTitle: 'Données',
  demoLabel: 'Données de démonstration synthétiques — pas des incidents réels',
  loading: 'Chargement…',
  failed: (message) => `Chargement impossible : ${message}`,
  cellTitle: (res) => `Cellule H3, résolution ${res}`,
  value: 'Valeur',
  n: 'Incidents (n)',
  z: 'Score z de Gi*',
  p: 'Valeur p',
  q: 'Valeur q (FDR)',
  cls: 'Classe',
  trendTitle: 'Tendance (points chauds émergents)',
  pattern: (pattern, hot) => emergingPatternName('fr', pattern, hot),
  noPattern: 'Aucune tendance détectée',
  trendDetail: (bins, bin, tau, p) => `Mann-Kendall τ = ${tau}, p = ${p}, sur ${bins} ${bin === 'month' ? 'mois' : 'trimestres'}`,
  noTrend: (bins, bin) => `Sur ${bins} ${bin === 'month' ? 'mois' : 'trimestres'}`,
  incidentsTitle: 'Incidents de cette cellule',
  incidentsShown: (shown, total) => `${shown} sur ${total}, les plus récents d’abord`,
  incidentsNone: 'Aucun incident dans cette cellule avec ces filtres.',
  dead: 'morts',
  missing: 'disparus',
  survivors: 'survivants',
  quantity: 'quantité',
  sourceLink: 'source',
  zoomIn: 'Zoomer',
  importButton: 'Importer des données',
  importTitle: 'Importer des incidents',
  importLead: 'Un fichier CSV (Missing Migrants Project de l’OIM, ACLED, ou tout CSV avec des colonnes latitude, longitude et date), GeoJSON, KML ou GPX. Le fichier reste sur ce serveur.',
  fileLabel: 'Fichier',
  formatLabel: 'Format',
  formatAuto: 'Détecter d’après le fichier',
  strictLabel: 'Ne rien importer si une ligne est rejetée',
  upload: 'Envoyer et importer',
  uploading: (percent, sent, total) => `Envoi… ${percent} (${sent} sur ${total})`,
  processing: 'Fichier envoyé ; import en cours sur le serveur…',
  close: 'Fermer',
  uploadFailed: (message) => `L’import a échoué : ${message}`,
  status: { completed: 'Import terminé', rejected: 'Rien n’a été importé : des lignes ont été rejetées et l’import était strict', failed: 'L’import a échoué' },
  noop: 'Ce fichier a déjà été importé : rien n’a changé.',
  rowsRead: 'Lignes lues',
  inserted: 'Ajoutées',
  updated: 'Mises à jour',
  unchanged: 'Inchangées',
  rejected: 'Rejetées',
  rejectionsTitle: (shown, total) => (shown < total ? `${shown} premières lignes rejetées sur ${total}` : `Lignes rejetées (${total})`),
  line: 'Ligne',
  field: 'Champ',
  reason: 'Motif',
  dataset: 'Jeu de données',
  credit: 'Crédit',
}

const ar: HotspotStrings = {
  sectionTitle: 'الحوادث والبؤر الساخنة',
  hotspotsToggle: 'البؤر الساخنة (خلايا H3)',
  incidentsToggle: 'نقاط الحوادث',
  incidentsZoomHint: 'تظهر ابتداءً من مستوى التكبير 7',
  statLabel: 'العرض',
  statNone: 'عدد الحوادث',
  statGistar: 'البؤر الساخنة والباردة (Gi*)',
  resLabel: 'حجم الخلايا',
  resAuto: (res) => `حسب التكبير (حاليًا ${res})`,
  resPinned: (res) => `الدقة ${res}`,
  countLegendTitle: 'عدد الحوادث في كل خلية',
  classLegendTitle: 'مؤشر Gi* لغيتيس-أورد، مع تصحيح FDR',
  classes: {
    hot_99: 'بؤرة ساخنة، بثقة 99٪',
    hot_95: 'بؤرة ساخنة، بثقة 95٪',
    hot_90: 'بؤرة ساخنة، بثقة 90٪',
    not_significant: 'غير دالّة إحصائيًا',
    cold_90: 'بؤرة باردة، بثقة 90٪',
    cold_95: 'بؤرة باردة، بثقة 95٪',
    cold_99: 'بؤرة باردة، بثقة 99٪',
  },
  timeTitle: 'الفترة الزمنية',
  timeFrom: 'من',
  timeTo: 'إلى',
  play: 'تشغيل شهرًا بشهر',
  pause: 'إيقاف مؤقت',
  allTime: 'كل التواريخ',
  filtersTitle: 'عوامل التصفية',
  threatsLabel: 'التهديدات',
  sourcesLabel: 'المصادر',
  allSelected: 'الكل',
  familiesNote: (families) => `عائلات المسارات (المحددة في مفتاح الخريطة): ${families}`,
  creditsTitle: 'البيانات',
  demoLabel: 'بيانات عرض اصطناعية — ليست حوادث حقيقية',
  loading: 'جارٍ التحميل…',
  failed: (message) => `تعذّر التحميل: ${message}`,
  cellTitle: (res) => `خلية H3، الدقة ${res}`,
  value: 'القيمة',
  n: 'عدد الحوادث (n)',
  z: 'الدرجة المعيارية z لمؤشر Gi*',
  p: 'القيمة p',
  q: 'القيمة q (بعد تصحيح FDR)',
  cls: 'الفئة',
  trendTitle: 'اتجاه البؤر الناشئة',
  pattern: (pattern, hot) => emergingPatternName('ar', pattern, hot),
  noPattern: 'لم يُرصد أي نمط',
  trendDetail: (bins, bin, tau, p) => `اختبار مان-كندال: τ = ${tau}، p = ${p}، على مدى ${bins} ${bin === 'month' ? 'شهرًا' : 'فصلًا'}`,
  noTrend: (bins, bin) => `على مدى ${bins} ${bin === 'month' ? 'شهرًا' : 'فصلًا'}`,
  incidentsTitle: 'الحوادث في هذه الخلية',
  incidentsShown: (shown, total) => `${shown} من ${total}، الأحدث أولًا`,
  incidentsNone: 'لا توجد حوادث في هذه الخلية وفق عوامل التصفية.',
  dead: 'قتلى',
  missing: 'مفقودون',
  survivors: 'ناجون',
  quantity: 'الكمية',
  sourceLink: 'المصدر',
  zoomIn: 'تكبير',
  importButton: 'استيراد بيانات',
  importTitle: 'استيراد بيانات الحوادث',
  importLead: 'ملف CSV (مشروع المهاجرين المفقودين التابع للمنظمة الدولية للهجرة، أو ACLED، أو أي ملف CSV فيه أعمدة خط العرض وخط الطول والتاريخ)، أو GeoJSON أو KML أو GPX. يبقى الملف على هذا الخادم.',
  fileLabel: 'الملف',
  formatLabel: 'الصيغة',
  formatAuto: 'تحديدها من الملف',
  strictLabel: 'عدم استيراد أي شيء إذا رُفض أي سطر',
  upload: 'رفع واستيراد',
  uploading: (percent, sent, total) => `جارٍ الرفع… ${percent} (${sent} من ${total})`,
  processing: 'اكتمل الرفع؛ جارٍ الاستيراد على الخادم…',
  close: 'إغلاق',
  uploadFailed: (message) => `فشل الاستيراد: ${message}`,
  status: { completed: 'اكتمل الاستيراد', rejected: 'لم يُستورد شيء: رُفضت بعض الأسطر والاستيراد صارم', failed: 'فشل الاستيراد' },
  noop: 'سبق استيراد هذا الملف: لم يتغير شيء.',
  rowsRead: 'الأسطر المقروءة',
  inserted: 'المضافة',
  updated: 'المحدَّثة',
  unchanged: 'دون تغيير',
  rejected: 'المرفوضة',
  rejectionsTitle: (shown, total) => (shown < total ? `أول ${shown} من ${total} سطرًا مرفوضًا` : `الأسطر المرفوضة (${total})`),
  line: 'السطر',
  field: 'الحقل',
  reason: 'السبب',
  dataset: 'مجموعة البيانات',
  credit: 'الإسناد',
}

const TABLES: Record<Locale, HotspotStrings> = { en, fr, ar }

/** The hotspot strings of a locale. */
export function hotspotStrings(locale: Locale): HotspotStrings {
  return TABLES[locale]
}

/** The name of an emerging hot spot category code ("intensifying_hot", "no_pattern"). */
export function categoryName(strings: HotspotStrings, category: string): string {
  const match = /^([a-z]+)_(hot|cold)$/.exec(category)
  return match ? strings.pattern(match[1] as EmergingPattern, match[2] === 'hot') : strings.noPattern
}
