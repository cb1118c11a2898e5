// The strings of the exchange dialog (merging a bundle from a partner deployment), of provenance
// (records received from partners) and of the origin filter, in English, French and Arabic.
import type { Locale } from '../ui/strings.ts'

export interface ExchangeStrings {
  button: string
  title: string
  lead: string
  fileLabel: string
  merge: string
  close: string
  merging: string
  /** a bundle already merged: nothing changed */
  noop: (partner: string, sequence: number) => string
  merged: (partner: string, sequence: number) => string
  /** "incidents: 8 new, 1 updated, 1 deleted" */
  kindLine: (kind: 'incidents' | 'routes' | 'plans' | 'imports', inserted: string, updated: string, deleted: string) => string
  refused: (message: string) => string
  /** provenance of a record received from a partner deployment: its agency and member state */
  origin: (agency: string, state: string) => string
  /** label of the provenance line in the route panel and the plan view */
  originLabel: string
  /** the origin filter: all records, those made here, those from partners of a member state */
  originFilter: string
  originAll: string
  originLocal: string
  originState: (stateName: string) => string
}

const KINDS_EN = { incidents: 'incidents', routes: 'routes', plans: 'patrol plans', imports: 'imports' }
const KINDS_FR = { incidents: 'incidents', routes: 'itinéraires', plans: 'plans de patrouille', imports: 'imports' }
const KINDS_AR = { incidents: 'الحوادث', routes: 'المسارات', plans: 'خطط الدوريات', imports: 'عمليات الاستيراد' }

const STRINGS: Record<Locale, ExchangeStrings> = {
  en: {
    button: 'Exchange',
    title: 'Merge a bundle from a partner',
    lead: 'A signed bundle file written by a registered partner instance. It is checked (signature, addressee, expiry, order) and merged in one step; records keep their origin and sharing.',
    fileLabel: 'Bundle file',
    merge: 'Merge',
    close: 'Close',
    merging: 'Checking and merging…',
    noop: (partner, sequence) => `Bundle ${sequence} from ${partner} was already merged: nothing changed.`,
    merged: (partner, sequence) => `Bundle ${sequence} from ${partner} merged.`,
    kindLine: (kind, inserted, updated, deleted) => `${KINDS_EN[kind]}: ${inserted} new, ${updated} updated, ${deleted} deleted`,
    refused: (message) => `Refused: ${message}`,
    origin: (agency, state) => `from ${agency} (${state})`,
    originLabel: 'Origin',
    originFilter: 'Origin',
    originAll: 'All origins',
    originLocal: 'Made here',
    originState: (name) => `From partners in ${name}`,
  },
  fr: {
    button: 'Échange',
    title: 'Fusionner un paquet d’un partenaire',
    lead: 'Un fichier de paquet signé par une instance partenaire enregistrée. Il est vérifié (signature, destinataire, expiration, ordre) et fusionné en une seule étape ; les enregistrements gardent leur origine et leur niveau de partage.',
    fileLabel: 'Fichier du paquet',
    merge: 'Fusionner',
    close: 'Fermer',
    merging: 'Vérification et fusion…',
    noop: (partner, sequence) => `Le paquet ${sequence} de ${partner} était déjà fusionné : rien n’a changé.`,
    merged: (partner, sequence) => `Paquet ${sequence} de ${partner} fusionné.`,
    kindLine: (kind, inserted, updated, deleted) => `${KINDS_FR[kind]} : ${inserted} nouveaux, ${updated} mis à jour, ${deleted} supprimés`,
    refused: (message) => `Refusé : ${message}`,
    origin: (agency, state) => `reçu de ${agency} (${state})`,
    originLabel: 'Origine',
    originFilter: 'Origine',
    originAll: 'Toutes origines',
    originLocal: 'Saisi ici',
    originState: (name) => `Des partenaires (${name})`,
  },
  ar: {
    button: 'التبادل',
    title: 'دمج حزمة من شريك',
    lead: 'ملف حزمة موقّع من نسخة شريكة مسجّلة. يُتحقق منه (التوقيع، الجهة المرسل إليها، الصلاحية، الترتيب) ويُدمج في خطوة واحدة؛ وتحتفظ السجلات بمصدرها ومستوى مشاركتها.',
    fileLabel: 'ملف الحزمة',
    merge: 'دمج',
    close: 'إغلاق',
    merging: 'جارٍ التحقق والدمج…',
    noop: (partner, sequence) => `الحزمة ${sequence} من ${partner} مدمجة من قبل: لم يتغير شيء.`,
    merged: (partner, sequence) => `دُمجت الحزمة ${sequence} من ${partner}.`,
    kindLine: (kind, inserted, updated, deleted) => `${KINDS_AR[kind]}: ${inserted} جديد، ${updated} محدّث، ${deleted} محذوف`,
    refused: (message) => `مرفوضة: ${message}`,
    origin: (agency, state) => `وارد من ${agency} (${state})`,
    originLabel: 'المصدر',
    originFilter: 'المصدر',
    originAll: 'كل المصادر',
    originLocal: 'مُدخل هنا',
    originState: (name) => `من الشركاء في ${name}`,
  },
}

/** The exchange dialog's strings in a locale. */
export function exchangeStrings(locale: Locale): ExchangeStrings {
  return STRINGS[locale]
}
