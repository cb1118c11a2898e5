// The words of a static map in English, French and Arabic: legend, scale, date and credits.
// Country names come from the data (name_en, name_fr, name_ar); these are the map's own words.
import type { Language } from '../../../shared/map-state.ts'

interface Words {
  legend: string
  family: Record<string, string>
  kind: Record<string, string>
  /** legend line for schematic legs (off-road or unknown course), drawn dashed */
  schematic: string
  /** legend line for route widths: Frontex detections of `year` */
  flowWidth: (year: number) => string
  borders: string
  places: string
  zone: string
  incidents: (shown: number) => string
  hotspotCount: (res: number) => string
  hotspotClass: Record<string, string>
  planSites: string
  existingSites: string
  coverage: (radiusKm: number) => string
  km: string
  north: string
  date: string
  sources: string
  credits: { naturalEarth: string; geonames: string; catalogue: string; synthetic: string }
  months: readonly string[]
}

const EN: Words = {
  legend: 'Legend',
  family: { western: 'Western route', central: 'Central route', eastern: 'Eastern route', atlantic: 'Atlantic route', sahara: 'Trans-Saharan route' },
  kind: { drugs: 'Drug corridor', arms: 'Arms corridor', fuel: 'Fuel corridor', goods: 'Goods corridor', gold: 'Gold corridor' },
  schematic: 'Course not traced (dashed)',
  flowWidth: (year) => `Width: Frontex detections, ${year}`,
  borders: 'Land borders',
  places: 'Capitals and hubs',
  zone: 'Operational zone',
  incidents: (n) => `Incidents (${n})`,
  hotspotCount: (res) => `Incidents per H3 cell (res ${res})`,
  hotspotClass: { hot_99: 'Hot spot, 99% confidence', hot_95: 'Hot spot, 95%', hot_90: 'Hot spot, 90%', cold_90: 'Cold spot, 90%', cold_95: 'Cold spot, 95%', cold_99: 'Cold spot, 99% confidence' },
  planSites: 'Proposed patrol sites',
  existingSites: 'Existing posts',
  coverage: (km) => `Patrol reach (${km} km)`,
  km: 'km',
  north: 'N',
  date: 'Date',
  sources: 'Sources',
  credits: { naturalEarth: 'Natural Earth', geonames: 'GeoNames (CC BY 4.0)', catalogue: 'Sahel Routes route catalogue', synthetic: 'synthetic demo data' },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

const FR: Words = {
  legend: 'Légende',
  family: { western: 'Route occidentale', central: 'Route centrale', eastern: 'Route orientale', atlantic: 'Route atlantique', sahara: 'Route transsaharienne' },
  kind: { drugs: 'Corridor des drogues', arms: 'Corridor des armes', fuel: 'Corridor du carburant', goods: 'Corridor des marchandises', gold: 'Corridor de l’or' },
  schematic: 'Tracé non relevé (tirets)',
  flowWidth: (year) => `Épaisseur : détections Frontex, ${year}`,
  borders: 'Frontières terrestres',
  places: 'Capitales et carrefours',
  zone: 'Zone opérationnelle',
  incidents: (n) => `Incidents (${n})`,
  hotspotCount: (res) => `Incidents par cellule H3 (rés. ${res})`,
  hotspotClass: { hot_99: 'Point chaud, confiance 99 %', hot_95: 'Point chaud, 95 %', hot_90: 'Point chaud, 90 %', cold_90: 'Point froid, 90 %', cold_95: 'Point froid, 95 %', cold_99: 'Point froid, confiance 99 %' },
  planSites: 'Sites de patrouille proposés',
  existingSites: 'Postes existants',
  coverage: (km) => `Rayon d’action (${km} km)`,
  km: 'km',
  north: 'N',
  date: 'Date',
  sources: 'Sources',
  credits: { naturalEarth: 'Natural Earth', geonames: 'GeoNames (CC BY 4.0)', catalogue: 'catalogue des routes Sahel Routes', synthetic: 'données de démonstration synthétiques' },
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
}

const AR: Words = {
  legend: 'مفتاح الخريطة',
  family: { western: 'الطريق الغربي', central: 'الطريق الأوسط', eastern: 'الطريق الشرقي', atlantic: 'الطريق الأطلسي', sahara: 'الطريق العابر للصحراء' },
  kind: { drugs: 'ممر المخدرات', arms: 'ممر الأسلحة', fuel: 'ممر الوقود', goods: 'ممر السلع', gold: 'ممر الذهب' },
  schematic: 'مسار غير موثق (متقطع)',
  flowWidth: (year) => `السماكة: حالات رصد فرونتكس، ${year}`,
  borders: 'الحدود البرية',
  places: 'العواصم ومراكز العبور',
  zone: 'منطقة العمليات',
  incidents: (n) => `الحوادث (${n})`,
  hotspotCount: (res) => `الحوادث في كل خلية H3 (الدقة ${res})`,
  hotspotClass: { hot_99: 'بؤرة ساخنة، ثقة 99%', hot_95: 'بؤرة ساخنة، 95%', hot_90: 'بؤرة ساخنة، 90%', cold_90: 'بؤرة باردة، 90%', cold_95: 'بؤرة باردة، 95%', cold_99: 'بؤرة باردة، ثقة 99%' },
  planSites: 'مواقع الدوريات المقترحة',
  existingSites: 'المراكز القائمة',
  coverage: (km) => `مدى الدورية (${km} كم)`,
  km: 'كم',
  north: 'ش',
  date: 'التاريخ',
  sources: 'المصادر',
  credits: { naturalEarth: 'Natural Earth', geonames: 'GeoNames (CC BY 4.0)', catalogue: 'كتالوج الطرق Sahel Routes', synthetic: 'بيانات تجريبية اصطناعية' },
  months: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
}

const WORDS: Record<Language, Words> = { en: EN, fr: FR, ar: AR }

/** The map's words in a language. */
export function words(lang: Language): Words {
  return WORDS[lang]
}

/** A YYYY-MM-DD date written out: "7 March 2024", "7 mars 2024", "7 مارس 2024". */
export function longDate(isoDate: string, lang: Language): string {
  const [y, m, d] = isoDate.split('-').map(Number)
  return `${d} ${WORDS[lang].months[m - 1]} ${y}`
}
