// The words of the two transfer dialogs (a link for another device, and the question on the device that opens it), in
// the languages Candor ships. They load with the dialogs, so the panel and every other view carry none of them.

const en = {
  // Shown on the first device.
  carries_one: 'Your {count} preference for this site. Anyone with this code or link can see it.',
  carries_other: 'Your {count} preferences for this site. Anyone with this code or link can see them.',
  none: 'You have told this site nothing yet, so there is nothing to carry. Set a preference first.',
  scan: 'Scan the code with your other device’s camera, or send yourself the link. It works for {minutes} minutes.',
  tooDense: 'Too many preferences for a code a phone can read: send yourself the link instead. It works for {minutes} minutes.',
  code: 'QR code of the link',
  link: 'Link',
  copy: 'Copy link',
  copied: 'Link copied.',
  done: 'Done',
  // Shown on the device that opens the link.
  ask: 'Use the preferences from your other device?',
  made: 'Made {when} on your other device. Nothing changes here unless you say so.',
  same: 'This device already uses the same preferences.',
  replaces: 'instead of {value}',
  levelKept: 'Your browser asks sites not to guess (Global Privacy Control), so this device keeps using only what you told it.',
  removed: '“{id}” is no longer offered here: skipped.',
  changed: '{label} means something else here now: skipped.',
  use: 'Use them',
  no: 'No thanks',
  used: 'Your preferences from your other device are in use.',
  // Why a link can't be used, by the field at fault.
  refused: 'This link can’t be used',
  fragment: 'It is damaged or incomplete: copy the whole link, or scan the code again.',
  version: 'It comes from a newer version of Candor: reload this page, then open the link again.',
  site: 'It holds preferences for another site.',
  madeAt: 'It has expired: a link works for {minutes} minutes. Make a new one on your other device.',
  clock: 'It was made later than this device’s clock says it is now: check this device’s date and time.',
  values: 'It names preferences this site doesn’t offer, so nothing was used.',
  close: 'Close',
}

export type TransferWords = typeof en

const de: TransferWords = {
  carries_one: 'Ihre {count} Einstellung für diese Website. Wer diesen Code oder Link hat, kann sie sehen.',
  carries_other: 'Ihre {count} Einstellungen für diese Website. Wer diesen Code oder Link hat, kann sie sehen.',
  none: 'Sie haben dieser Website noch nichts mitgeteilt, also gibt es nichts zu übertragen. Legen Sie zuerst eine Einstellung fest.',
  scan: 'Scannen Sie den Code mit der Kamera Ihres anderen Geräts oder senden Sie sich den Link. Er gilt {minutes} Minuten.',
  tooDense: 'Zu viele Einstellungen für einen Code, den ein Telefon lesen kann: Senden Sie sich stattdessen den Link. Er gilt {minutes} Minuten.',
  code: 'QR-Code des Links',
  link: 'Link',
  copy: 'Link kopieren',
  copied: 'Link kopiert.',
  done: 'Fertig',
  ask: 'Die Einstellungen von Ihrem anderen Gerät verwenden?',
  made: '{when} auf Ihrem anderen Gerät erstellt. Hier ändert sich nichts, solange Sie nicht zustimmen.',
  same: 'Dieses Gerät verwendet bereits dieselben Einstellungen.',
  replaces: 'statt {value}',
  levelKept: 'Ihr Browser bittet Websites, nichts zu erraten (Global Privacy Control), daher verwendet dieses Gerät weiterhin nur, was Sie angegeben haben.',
  removed: '„{id}“ wird hier nicht mehr angeboten: übersprungen.',
  changed: '{label} bedeutet hier jetzt etwas anderes: übersprungen.',
  use: 'Verwenden',
  no: 'Nein, danke',
  used: 'Die Einstellungen von Ihrem anderen Gerät sind jetzt in Gebrauch.',
  refused: 'Dieser Link kann nicht verwendet werden',
  fragment: 'Er ist beschädigt oder unvollständig: Kopieren Sie den ganzen Link oder scannen Sie den Code erneut.',
  version: 'Er stammt aus einer neueren Version von Candor: Laden Sie diese Seite neu und öffnen Sie den Link erneut.',
  site: 'Er enthält Einstellungen für eine andere Website.',
  madeAt: 'Er ist abgelaufen: Ein Link gilt {minutes} Minuten. Erstellen Sie auf Ihrem anderen Gerät einen neuen.',
  clock: 'Er wurde später erstellt, als die Uhr dieses Geräts anzeigt: Prüfen Sie Datum und Uhrzeit dieses Geräts.',
  values: 'Er nennt Einstellungen, die diese Website nicht anbietet, daher wurde nichts verwendet.',
  close: 'Schließen',
}

const fr: TransferWords = {
  carries_one: 'Votre {count} préférence pour ce site. Toute personne qui a ce code ou ce lien peut la voir.',
  carries_other: 'Vos {count} préférences pour ce site. Toute personne qui a ce code ou ce lien peut les voir.',
  none: 'Vous n’avez encore rien indiqué à ce site, il n’y a donc rien à transférer. Choisissez d’abord une préférence.',
  scan: 'Scannez le code avec l’appareil photo de votre autre appareil, ou envoyez-vous le lien. Il est valable {minutes} minutes.',
  tooDense: 'Trop de préférences pour un code lisible par un téléphone : envoyez-vous plutôt le lien. Il est valable {minutes} minutes.',
  code: 'Code QR du lien',
  link: 'Lien',
  copy: 'Copier le lien',
  copied: 'Lien copié.',
  done: 'Terminé',
  ask: 'Utiliser les préférences de votre autre appareil ?',
  made: 'Créé {when} sur votre autre appareil. Rien ne change ici sans votre accord.',
  same: 'Cet appareil utilise déjà les mêmes préférences.',
  replaces: 'au lieu de {value}',
  levelKept:
    'Votre navigateur demande aux sites de ne rien deviner (Global Privacy Control) : cet appareil continue d’utiliser seulement ce que vous avez indiqué.',
  removed: '« {id} » n’est plus proposé ici : ignoré.',
  changed: '{label} signifie désormais autre chose ici : ignoré.',
  use: 'Les utiliser',
  no: 'Non merci',
  used: 'Les préférences de votre autre appareil sont utilisées.',
  refused: 'Ce lien ne peut pas être utilisé',
  fragment: 'Il est endommagé ou incomplet : copiez le lien en entier, ou scannez le code à nouveau.',
  version: 'Il vient d’une version plus récente de Candor : rechargez cette page, puis rouvrez le lien.',
  site: 'Il contient des préférences pour un autre site.',
  madeAt: 'Il a expiré : un lien est valable {minutes} minutes. Créez-en un nouveau sur votre autre appareil.',
  clock: 'Il a été créé plus tard que l’heure de cet appareil : vérifiez sa date et son heure.',
  values: 'Il nomme des préférences que ce site ne propose pas, donc rien n’a été utilisé.',
  close: 'Fermer',
}

/** The words for the panel's language (`'de'`, `'fr-CA'`, …): English for a language Candor doesn't ship. */
export const transferWords = (lang: string): TransferWords => ({ de, fr })[new Intl.Locale(lang).language as 'de'] ?? en
