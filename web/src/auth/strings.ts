// The sign-in, account, sharing and embed-key strings, in English, French and Arabic, kept apart
// from ui/strings.ts as the planner and hotspot strings are. Member state names come from the
// countries the map loads (`nameOf`), falling back to ISO3.

import type { Role, Sharing } from '../../../shared/access.ts'
import type { Locale } from '../ui/strings.ts'

export interface AuthStrings {
  signInTitle: string
  signInLead: string
  username: string
  password: string
  signIn: string
  signingIn: string
  wrongCredentials: string
  signInFailed: (message: string) => string
  serviceFailed: (message: string) => string
  sessionEnded: string
  account: string
  role: (role: string) => string
  roles: Record<Role, string>
  signOut: string
  signOutFailed: (message: string) => string
  sharedWith: string
  sharing: Record<Sharing, string>
  partners: string
  partnersRequired: string
  planNotAllowed: string
  embedDays: string
  embedDaysOption: (days: number) => string
  embedKeyLead: (date: string) => string
  embedKeyFailed: (message: string) => string
  embedNeedsKey: string
}

const en: AuthStrings = {
  signInTitle: 'Sign in',
  signInLead: 'Sign in with the account your agency’s administrator gave you.',
  username: 'Username',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  wrongCredentials: 'Wrong username or password, or the account is revoked or expired.',
  signInFailed: (message) => `Signing in failed: ${message}`,
  serviceFailed: (message) => `The service could not be reached: ${message}`,
  sessionEnded: 'Your session has ended; sign in again.',
  account: 'Account',
  role: (role) => `Role: ${role}`,
  roles: { viewer: 'viewer', analyst: 'analyst', planner: 'planner', admin: 'administrator' },
  signOut: 'Sign out',
  signOutFailed: (message) => `Signing out failed: ${message}`,
  sharedWith: 'Shared with',
  sharing: {
    national: 'My state only (national)',
    bilateral: 'My state and partner states (bilateral)',
    regional: 'All member states (regional)',
    public: 'Everyone, public embeds included (public)',
  },
  partners: 'Partner states',
  partnersRequired: 'Choose at least one partner state.',
  planNotAllowed: 'Your role may open saved plans but not compute or save them.',
  embedDays: 'The code works for',
  embedDaysOption: (days) => `${days} days`,
  embedKeyLead: (date) => `The code carries a key that opens this view, with public records only, until ${date}.`,
  embedKeyFailed: (message) => `The embed key could not be made: ${message}`,
  embedNeedsKey: 'This map needs a valid embed code: its key is missing, expired or revoked.',
}

const fr: AuthStrings = {
  signInTitle: 'Connexion',
  signInLead: 'Connectez-vous avec le compte que l’administrateur de votre agence vous a remis.',
  username: 'Nom d’utilisateur',
  password: 'Mot de passe',
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  wrongCredentials: 'Nom d’utilisateur ou mot de passe incorrect, ou compte révoqué ou expiré.',
  signInFailed: (message) => `La connexion a échoué\u00a0: ${message}`,
  serviceFailed: (message) => `Le service est injoignable\u00a0: ${message}`,
  sessionEnded: 'Votre session a pris fin\u00a0; reconnectez-vous.',
  account: 'Compte',
  role: (role) => `Rôle\u00a0: ${role}`,
  roles: { viewer: 'lecteur', analyst: 'analyste', planner: 'planificateur', admin: 'administrateur' },
  signOut: 'Se déconnecter',
  signOutFailed: (message) => `La déconnexion a échoué\u00a0: ${message}`,
  sharedWith: 'Partagé avec',
  sharing: {
    national: 'Mon État seulement (national)',
    bilateral: 'Mon État et des États partenaires (bilatéral)',
    regional: 'Tous les États membres (régional)',
    public: 'Tout le monde, intégrations publiques comprises (public)',
  },
  partners: 'États partenaires',
  partnersRequired: 'Choisissez au moins un État partenaire.',
  planNotAllowed: 'Votre rôle permet d’ouvrir les plans enregistrés, pas de les calculer ni de les enregistrer.',
  embedDays: 'Le code reste valable',
  embedDaysOption: (days) => `${days} jours`,
  embedKeyLead: (date) => `Le code contient une clé qui ouvre cette vue, avec les seules données publiques, jusqu’au ${date}.`,
  embedKeyFailed: (message) => `La clé d’intégration n’a pas pu être créée\u00a0: ${message}`,
  embedNeedsKey: 'Cette carte demande un code d’intégration valide\u00a0: sa clé manque, a expiré ou a été révoquée.',
}

/** Days in Arabic: the dual, 3-10 with the plural, 11-99 with the accusative singular. */
function arabicDays(days: number): string {
  if (days === 1) return 'يوم واحد'
  if (days === 2) return 'يومان'
  const rest = days % 100
  if (rest >= 3 && rest <= 10) return `${days} أيام`
  if (rest >= 11) return `${days} يومًا`
  return `${days} يوم`
}

const ar: AuthStrings = {
  signInTitle: 'تسجيل الدخول',
  signInLead: 'سجّل الدخول بالحساب الذي سلّمه لك مسؤول وكالتك.',
  username: 'اسم المستخدم',
  password: 'كلمة المرور',
  signIn: 'دخول',
  signingIn: 'جارٍ تسجيل الدخول…',
  wrongCredentials: 'اسم المستخدم أو كلمة المرور غير صحيحة، أو الحساب ملغى أو منتهي الصلاحية.',
  signInFailed: (message) => `تعذّر تسجيل الدخول: ${message}`,
  serviceFailed: (message) => `تعذّر الوصول إلى الخدمة: ${message}`,
  sessionEnded: 'انتهت جلستك؛ سجّل الدخول من جديد.',
  account: 'الحساب',
  role: (role) => `الدور: ${role}`,
  roles: { viewer: 'مُطّلع', analyst: 'محلل', planner: 'مخطِّط', admin: 'مسؤول' },
  signOut: 'تسجيل الخروج',
  signOutFailed: (message) => `تعذّر تسجيل الخروج: ${message}`,
  sharedWith: 'مشاركة مع',
  sharing: {
    national: 'دولتي فقط (وطني)',
    bilateral: 'دولتي ودول شريكة (ثنائي)',
    regional: 'كل الدول الأعضاء (إقليمي)',
    public: 'الجميع، بما في ذلك التضمينات العامة (عام)',
  },
  partners: 'الدول الشريكة',
  partnersRequired: 'اختر دولة شريكة واحدة على الأقل.',
  planNotAllowed: 'يسمح دورك بفتح الخطط المحفوظة، لا بحسابها أو حفظها.',
  embedDays: 'مدة صلاحية الرمز',
  embedDaysOption: arabicDays,
  embedKeyLead: (date) => `يحمل الرمز مفتاحًا يفتح هذا العرض، بالبيانات العامة وحدها، حتى ${date}.`,
  embedKeyFailed: (message) => `تعذّر إنشاء مفتاح التضمين: ${message}`,
  embedNeedsKey: 'تحتاج هذه الخريطة إلى رمز تضمين صالح: مفتاحه مفقود أو منتهي الصلاحية أو ملغى.',
}

const TABLES: Record<Locale, AuthStrings> = { en, fr, ar }

/** The sign-in and sharing strings in `locale`. */
export function authStrings(locale: Locale): AuthStrings {
  return TABLES[locale]
}
