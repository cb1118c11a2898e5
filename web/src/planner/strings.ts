// The patrol planner's own strings (issue 5), in English, French and Arabic, kept apart from
// ui/strings.ts. Family and threat names come from the shared table (`S.families`, `S.threats`).

import type { Locale } from '../ui/strings.ts'

export interface PlannerStrings {
  openButton: string
  title: string
  bordersLegend: string
  bordersHint: string
  borderBandKm: string
  newSites: string
  reachKm: string
  minSpacingKm: string
  demandLegend: string
  incidentWeight: string
  routeWeight: string
  familiesLabel: string
  allFamilies: string
  windowFrom: string
  windowTo: string
  threatsLabel: string
  allThreats: string
  postsLegend: string
  addPosts: string
  stopAddingPosts: string
  addPostsHint: string
  noPosts: string
  postName: (n: number) => string
  removePost: (name: string) => string
  methodLegend: string
  methodGreedy: string
  methodExact: string
  run: string
  running: string
  runFailed: (message: string) => string
  resultTitle: string
  coverage: string
  routeKmCovered: (covered: string, total: string) => string
  incidentsCovered: (covered: string, total: string) => string
  bound: string
  gap: string
  status: string
  statuses: Record<'heuristic' | 'optimal' | 'time_limit' | 'fallback', string>
  boundSources: Record<'submodular' | 'lp' | 'mip', string>
  shortfall: (n: number) => string
  /** a greedy plan more than 2% from its bound: `gap` formatted as a percentage */
  gapWarning: (gap: string) => string
  solveExactly: string
  sitesCaption: string
  colOrder: string
  colSite: string
  colCovered: string
  colGain: string
  existingPost: string
  newSite: string
  compareTitle: string
  compareCurrent: string
  comparePrevious: string
  rowK: string
  rowReach: string
  rowSites: string
  rowCoverage: string
  rowGap: string
  rowMethod: string
  /** the kilometre unit after a number */
  km: string
  saveLegend: string
  planName: string
  defaultName: (pairs: string, k: number, reachKm: number) => string
  save: string
  saving: string
  saved: (id: number) => string
  saveFailed: (message: string) => string
  exportLabel: string
  loadingPlan: string
  loadFailed: (message: string) => string
}

const en: PlannerStrings = {
  openButton: 'Patrol planner',
  title: 'Joint patrol planner',
  bordersLegend: 'Borders',
  bordersHint: 'Sites are placed near the chosen borders.',
  borderBandKm: 'Within (km of the border)',
  newSites: 'New sites (k)',
  reachKm: 'Reach (km)',
  minSpacingKm: 'Min. spacing (km)',
  demandLegend: 'What to cover',
  incidentWeight: 'Incidents weight',
  routeWeight: 'Route-km weight',
  familiesLabel: 'Route families',
  allFamilies: 'All families',
  windowFrom: 'Incidents from',
  windowTo: 'to',
  threatsLabel: 'Threats',
  allThreats: 'All threats',
  postsLegend: 'Existing posts (kept)',
  addPosts: 'Add posts on the map',
  stopAddingPosts: 'Done adding posts',
  addPostsHint: 'Click the map to place each existing post.',
  noPosts: 'None: every site is new.',
  postName: (n) => `Post ${n}`,
  removePost: (name) => `Remove ${name}`,
  methodLegend: 'Method',
  methodGreedy: 'Greedy + local search (fast)',
  methodExact: 'Exact (MIP, slower)',
  run: 'Run',
  running: 'Computing the plan…',
  runFailed: (message) => `The plan could not be computed: ${message}`,
  resultTitle: 'Plan',
  coverage: 'Coverage of all demand',
  routeKmCovered: (covered, total) => `${covered} of ${total} route-km`,
  incidentsCovered: (covered, total) => `${covered} of ${total} incidents`,
  bound: 'Upper bound',
  gap: 'Optimality gap',
  status: 'Status',
  statuses: { heuristic: 'heuristic', optimal: 'proven optimal', time_limit: 'time limit reached', fallback: 'greedy fallback' },
  boundSources: { submodular: 'submodular bound', lp: 'LP relaxation', mip: 'MIP bound' },
  shortfall: (n) => `${n} site(s) could not be placed: spacing leaves no room.`,
  gapWarning: (gap) => `This plan may cover up to ${gap} less than the best possible one (the gap to the bound is over 2%). The exact solver finds the best plan or proves this one close.`,
  solveExactly: 'Solve exactly',
  sitesCaption: 'Sites in the order chosen',
  colOrder: '#',
  colSite: 'Site',
  colCovered: 'Covered',
  colGain: 'Gain',
  existingPost: 'existing post',
  newSite: 'new site',
  compareTitle: 'Last two runs',
  compareCurrent: 'This run',
  comparePrevious: 'Previous',
  rowK: 'New sites',
  rowReach: 'Reach',
  rowSites: 'Sites drawn',
  rowCoverage: 'Coverage',
  rowGap: 'Gap',
  rowMethod: 'Method',
  km: 'km',
  saveLegend: 'Save and share',
  planName: 'Plan name',
  defaultName: (pairs, k, reachKm) => `${pairs}: ${k} sites, ${reachKm} km`,
  save: 'Save plan',
  saving: 'Saving…',
  saved: (id) => `Saved as plan ${id}: the address now opens it.`,
  saveFailed: (message) => `The plan could not be saved: ${message}`,
  exportLabel: 'Export',
  loadingPlan: 'Opening the saved plan…',
  loadFailed: (message) => `The saved plan could not be opened: ${message}`,
}

const fr: PlannerStrings = {
  openButton: 'Planifier des patrouilles',
  title: 'Planification des patrouilles conjointes',
  bordersLegend: 'Frontières',
  bordersHint: 'Les sites sont placés près des frontières choisies.',
  borderBandKm: 'À moins de (km de la frontière)',
  newSites: 'Nouveaux sites (k)',
  reachKm: 'Rayon d’action (km)',
  minSpacingKm: 'Espacement min. (km)',
  demandLegend: 'À couvrir',
  incidentWeight: 'Poids des incidents',
  routeWeight: 'Poids des km de route',
  familiesLabel: 'Familles de routes',
  allFamilies: 'Toutes les familles',
  windowFrom: 'Incidents du',
  windowTo: 'au',
  threatsLabel: 'Menaces',
  allThreats: 'Toutes les menaces',
  postsLegend: 'Postes existants (conservés)',
  addPosts: 'Placer des postes sur la carte',
  stopAddingPosts: 'Terminer les postes',
  addPostsHint: 'Cliquez sur la carte pour placer chaque poste existant.',
  noPosts: 'Aucun\u00a0: tous les sites sont nouveaux.',
  postName: (n) => `Poste ${n}`,
  removePost: (name) => `Retirer ${name}`,
  methodLegend: 'Méthode',
  methodGreedy: 'Gloutonne + recherche locale (rapide)',
  methodExact: 'Exacte (PLNE, plus lente)',
  run: 'Calculer',
  running: 'Calcul du plan en cours…',
  runFailed: (message) => `Le plan n’a pas pu être calculé\u00a0: ${message}`,
  resultTitle: 'Plan',
  coverage: 'Couverture de la demande totale',
  routeKmCovered: (covered, total) => `${covered} sur ${total} km de route`,
  incidentsCovered: (covered, total) => `${covered} incidents sur ${total}`,
  bound: 'Borne supérieure',
  gap: 'Écart d’optimalité',
  status: 'Statut',
  statuses: { heuristic: 'heuristique', optimal: 'optimum prouvé', time_limit: 'limite de temps atteinte', fallback: 'repli sur la solution gloutonne' },
  boundSources: { submodular: 'borne sous-modulaire', lp: 'relaxation linéaire', mip: 'borne PLNE' },
  shortfall: (n) => `${n} site(s) n’ont pas pu être placés\u00a0: l’espacement ne laisse pas de place.`,
  gapWarning: (gap) => `Ce plan peut couvrir jusqu’à ${gap} de moins que le meilleur possible (l’écart à la borne dépasse 2\u00a0%). Le solveur exact trouve le meilleur plan ou prouve que celui-ci en est proche.`,
  solveExactly: 'Résoudre exactement',
  sitesCaption: 'Sites dans l’ordre de sélection',
  colOrder: 'N°',
  colSite: 'Site',
  colCovered: 'Couvert',
  colGain: 'Gain',
  existingPost: 'poste existant',
  newSite: 'nouveau site',
  compareTitle: 'Deux derniers calculs',
  compareCurrent: 'Ce calcul',
  comparePrevious: 'Précédent',
  rowK: 'Nouveaux sites',
  rowReach: 'Rayon',
  rowSites: 'Sites tracés',
  rowCoverage: 'Couverture',
  rowGap: 'Écart',
  rowMethod: 'Méthode',
  km: 'km',
  saveLegend: 'Enregistrer et partager',
  planName: 'Nom du plan',
  defaultName: (pairs, k, reachKm) => `${pairs}\u00a0: ${k} sites, ${reachKm} km`,
  save: 'Enregistrer le plan',
  saving: 'Enregistrement…',
  saved: (id) => `Enregistré comme plan ${id}\u00a0: l’adresse l’ouvre désormais.`,
  saveFailed: (message) => `Le plan n’a pas pu être enregistré\u00a0: ${message}`,
  exportLabel: 'Exporter',
  loadingPlan: 'Ouverture du plan enregistré…',
  loadFailed: (message) => `Le plan enregistré n’a pas pu être ouvert\u00a0: ${message}`,
}

const ar: PlannerStrings = {
  openButton: 'تخطيط الدوريات',
  title: 'تخطيط الدوريات المشتركة',
  bordersLegend: 'الحدود',
  bordersHint: 'تُوضع المواقع قرب الحدود المختارة.',
  borderBandKm: 'ضمن (كم من الحدود)',
  newSites: 'المواقع الجديدة (k)',
  reachKm: 'نطاق التغطية (كم)',
  minSpacingKm: 'أدنى تباعد (كم)',
  demandLegend: 'ما يجب تغطيته',
  incidentWeight: 'وزن الحوادث',
  routeWeight: 'وزن كيلومترات المسارات',
  familiesLabel: 'مجموعات المسارات',
  allFamilies: 'كل المجموعات',
  windowFrom: 'الحوادث من',
  windowTo: 'إلى',
  threatsLabel: 'التهديدات',
  allThreats: 'كل التهديدات',
  postsLegend: 'المراكز القائمة (تبقى ثابتة)',
  addPosts: 'إضافة مراكز على الخريطة',
  stopAddingPosts: 'إنهاء إضافة المراكز',
  addPostsHint: 'انقر على الخريطة لوضع كل مركز قائم.',
  noPosts: 'لا شيء: كل المواقع جديدة.',
  postName: (n) => `المركز ${n}`,
  removePost: (name) => `إزالة ${name}`,
  methodLegend: 'الطريقة',
  methodGreedy: 'خوارزمية جشعة مع بحث محلي (سريعة)',
  methodExact: 'حل دقيق (برمجة خطية صحيحة، أبطأ)',
  run: 'احسب الخطة',
  running: 'جارٍ حساب الخطة…',
  runFailed: (message) => `تعذّر حساب الخطة: ${message}`,
  resultTitle: 'الخطة',
  coverage: 'نسبة تغطية الطلب الكلي',
  routeKmCovered: (covered, total) => `${covered} من ${total} كم من المسارات`,
  incidentsCovered: (covered, total) => `${covered} من ${total} حادثة`,
  bound: 'الحد الأعلى',
  gap: 'فجوة الأمثلية',
  status: 'الحالة',
  statuses: { heuristic: 'حل تقريبي', optimal: 'أمثل مُثبت', time_limit: 'بلغ الحد الزمني', fallback: 'الرجوع إلى الحل الجشع' },
  boundSources: { submodular: 'حد دون نمطي', lp: 'الاسترخاء الخطي', mip: 'حد البرمجة الصحيحة' },
  shortfall: (n) => `تعذّر وضع ${n} من المواقع: التباعد لا يترك مجالًا.`,
  gapWarning: (gap) => `قد تغطي هذه الخطة أقل بما يصل إلى ${gap} من أفضل خطة ممكنة (الفجوة إلى الحد الأعلى تتجاوز 2٪). يجد الحل الدقيق أفضل خطة أو يثبت أن هذه الخطة قريبة منها.`,
  solveExactly: 'حلّ دقيق',
  sitesCaption: 'المواقع بترتيب اختيارها',
  colOrder: 'رقم',
  colSite: 'الموقع',
  colCovered: 'المغطى',
  colGain: 'المكسب',
  existingPost: 'مركز قائم',
  newSite: 'موقع جديد',
  compareTitle: 'آخر حسابين',
  compareCurrent: 'هذا الحساب',
  comparePrevious: 'السابق',
  rowK: 'المواقع الجديدة',
  rowReach: 'النطاق',
  rowSites: 'المواقع المرسومة',
  rowCoverage: 'التغطية',
  rowGap: 'الفجوة',
  rowMethod: 'الطريقة',
  km: 'كم',
  saveLegend: 'الحفظ والمشاركة',
  planName: 'اسم الخطة',
  defaultName: (pairs, k, reachKm) => `${pairs}: ${k} مواقع، ${reachKm} كم`,
  save: 'حفظ الخطة',
  saving: 'جارٍ الحفظ…',
  saved: (id) => `حُفظت الخطة رقم ${id}: الرابط يفتحها الآن.`,
  saveFailed: (message) => `تعذّر حفظ الخطة: ${message}`,
  exportLabel: 'تصدير',
  loadingPlan: 'جارٍ فتح الخطة المحفوظة…',
  loadFailed: (message) => `تعذّر فتح الخطة المحفوظة: ${message}`,
}

const TABLES: Record<Locale, PlannerStrings> = { en, fr, ar }

/** The planner's strings in `locale`. */
export function plannerStrings(locale: Locale): PlannerStrings {
  return TABLES[locale]
}
