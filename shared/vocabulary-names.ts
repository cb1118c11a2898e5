// Names of the threat categories and of the emerging hot spot categories in English, French and
// Arabic: one table for the web app's panels and popups and for the server's reports.
import type { EmergingPattern } from './emerging.ts'
import type { Language } from './map-state.ts'
import type { Threat } from './vocabulary.ts'

/** The secretariat's threat categories, by language. */
export const THREAT_NAMES: Record<Language, Record<Threat, string>> = {
  en: {
    narco_terrorism: 'Narco-terrorism',
    radicalised_returnees: 'Radicalised returnees',
    migration_trafficking: 'Migrant smuggling and human trafficking',
    subsidised_goods_smuggling: 'Smuggling of subsidised goods',
    drug_trafficking: 'Drug trafficking',
    cross_border_terrorism: 'Cross-border terrorism',
    foreign_armed_groups: 'Foreign armed groups',
    identity_fraud: 'Identity and document fraud',
    arms_proliferation: 'Arms proliferation',
    illegal_fishing: 'Illegal fishing',
    sea_pollution: 'Sea pollution',
    unclassified: 'Unclassified',
  },
  fr: {
    narco_terrorism: 'Narcoterrorisme',
    radicalised_returnees: 'Retour de personnes radicalisées',
    migration_trafficking: 'Trafic illicite de migrants et traite des êtres humains',
    subsidised_goods_smuggling: 'Contrebande de produits subventionnés',
    drug_trafficking: 'Trafic de stupéfiants',
    cross_border_terrorism: 'Terrorisme transfrontalier',
    foreign_armed_groups: 'Groupes armés étrangers',
    identity_fraud: 'Fraude documentaire et à l’identité',
    arms_proliferation: 'Prolifération des armes',
    illegal_fishing: 'Pêche illicite',
    sea_pollution: 'Pollution marine',
    unclassified: 'Non classé',
  },
  ar: {
    narco_terrorism: 'الإرهاب المرتبط بالمخدرات',
    radicalised_returnees: 'العائدون المتطرفون',
    migration_trafficking: 'تهريب المهاجرين والاتجار بالبشر',
    subsidised_goods_smuggling: 'تهريب السلع المدعومة',
    drug_trafficking: 'الاتجار بالمخدرات',
    cross_border_terrorism: 'الإرهاب العابر للحدود',
    foreign_armed_groups: 'الجماعات المسلحة الأجنبية',
    identity_fraud: 'تزوير الهوية والوثائق',
    arms_proliferation: 'انتشار الأسلحة',
    illegal_fishing: 'الصيد غير المشروع',
    sea_pollution: 'التلوث البحري',
    unclassified: 'غير مصنف',
  },
}

const PATTERN_EN: Record<EmergingPattern, string> = { new: 'New', consecutive: 'Consecutive', intensifying: 'Intensifying', persistent: 'Persistent', diminishing: 'Diminishing', sporadic: 'Sporadic', oscillating: 'Oscillating', historical: 'Historical' }
const PATTERN_FR: Record<EmergingPattern, (spot: string, Spot: string) => string> = {
  new: (spot) => `Nouveau ${spot}`,
  consecutive: (_, Spot) => `${Spot} consécutif`,
  intensifying: (_, Spot) => `${Spot} en intensification`,
  persistent: (_, Spot) => `${Spot} persistant`,
  diminishing: (_, Spot) => `${Spot} en diminution`,
  sporadic: (_, Spot) => `${Spot} sporadique`,
  oscillating: (_, Spot) => `${Spot} oscillant`,
  historical: (_, Spot) => `${Spot} historique`,
}
const PATTERN_AR: Record<EmergingPattern, string> = { new: 'جديدة', consecutive: 'متتالية', intensifying: 'متزايدة الشدة', persistent: 'مستمرة', diminishing: 'متناقصة', sporadic: 'متقطعة', oscillating: 'متذبذبة', historical: 'تاريخية' }

/** "Intensifying hot spot", "Nouveau point froid", "بؤرة ساخنة مستمرة". */
export function emergingPatternName(lang: Language, pattern: EmergingPattern, hot: boolean): string {
  if (lang === 'fr') return PATTERN_FR[pattern](hot ? 'point chaud' : 'point froid', hot ? 'Point chaud' : 'Point froid')
  if (lang === 'ar') return `${hot ? 'بؤرة ساخنة' : 'بؤرة باردة'} ${PATTERN_AR[pattern]}`
  return `${PATTERN_EN[pattern]} ${hot ? 'hot' : 'cold'} spot`
}
