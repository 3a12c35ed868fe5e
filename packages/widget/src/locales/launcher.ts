// The launcher's name in each shipped language other than English (startup.ts has the English one): each locale's
// `startup` takes its own, and a lazy launcher on a page in another language loads this small file for it alone.
export const launcherDe = 'Ihre Einstellungen'
export const launcherFr = 'Vos préférences'
export const launcherEs = 'Tus preferencias'
export const launcherPt = 'As suas preferências'
export const launcherIt = 'Le tue preferenze'
export const launcherNl = 'Je voorkeuren'
export const launcherSv = 'Dina inställningar'
export const launcherDa = 'Dine indstillinger'
export const launcherPl = 'Twoje preferencje'
export const launcherCs = 'Vaše předvolby'
export const launcherUk = 'Ваші вподобання'
export const launcherRu = 'Ваши предпочтения'
export const launcherTr = 'Tercihleriniz'
export const launcherHi = 'आपकी प्राथमिकताएं'
export const launcherAr = 'تفضيلاتك'
export const launcherHe = 'ההעדפות שלך'
export const launcherJa = '好みの設定'
export const launcherZh = '您的偏好设置'
export const launcherKo = '내 선호 설정'

/** The launcher's name by base language (`de`, `fr`, …). */
export const launcherLabels: Readonly<Record<string, string | undefined>> = {
  de: launcherDe,
  fr: launcherFr,
  es: launcherEs,
  pt: launcherPt,
  it: launcherIt,
  nl: launcherNl,
  sv: launcherSv,
  da: launcherDa,
  pl: launcherPl,
  cs: launcherCs,
  uk: launcherUk,
  ru: launcherRu,
  tr: launcherTr,
  hi: launcherHi,
  ar: launcherAr,
  he: launcherHe,
  ja: launcherJa,
  zh: launcherZh,
  ko: launcherKo,
}
