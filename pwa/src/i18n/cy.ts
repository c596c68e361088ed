import type { MessageKey } from './en';

/** Welsh messages. Typed against the English keys, so a missing or extra key fails typecheck. */
export const cy: Record<MessageKey, string> = {
  'layout.skipLink': "Neidio i'r prif gynnwys",
  'layout.serviceName': 'Careplan',
  'layout.pageTitle': '{page} – Careplan',
  'layout.errorPageTitle': 'Gwall: {page} – Careplan',
  'layout.back': 'Yn ôl',
  'layout.loading': 'Yn llwytho…',

  'language.label': 'Iaith',
  'language.en': 'English',
  'language.cy': 'Cymraeg',

  'error.summaryTitle': 'Mae problem wedi codi',
  'error.messagePrefix': 'Gwall:',
  'error.network':
    "Nid oedd modd cysylltu â Careplan. Gwiriwch eich cysylltiad â'r rhyngrwyd a rhowch gynnig arall arni.",
  'error.unexpected': "Aeth rhywbeth o'i le. Rhowch gynnig arall arni yn nes ymlaen.",
  'error.connectionTitle': "Mae'n ddrwg gennym, mae problem gyda'r gwasanaeth",
  'error.tryAgain': 'Rhoi cynnig arall arni',

  'start.title': 'Mewngofnodi i Careplan',
  'start.lead': "Mae Careplan yn cadw eich cynllun gofal, eich nodau a'ch gwiriadau mewn un lle.",
  'start.question': 'Sut hoffech chi fewngofnodi?',
  'start.patient': "Rwy'n glaf neu'n ofalwr (cod neges destun)",
  'start.clinician': "Rwy'n gweithio yn y practis (e-bost a chyfrinair)",

  'phone.title': 'Rhowch rif eich ffôn symudol',
  'phone.hint': "Byddwn yn anfon cod 6 digid i'r rhif hwn mewn neges destun. Er enghraifft, 07700 900101.",
  'phone.submit': 'Anfon cod',
  'phone.errorMissing': 'Rhowch rif eich ffôn symudol',
  'phone.errorInvalid': 'Rhowch rif ffôn symudol yn y DU, fel 07700 900101',

  'code.title': 'Rhowch y cod a anfonwyd atoch',
  'code.hint': "Rydym wedi anfon neges destun gyda chod 6 digid i {phone}. Mae'r cod yn gweithio am {minutes} munud.",
  'code.label': 'Cod',
  'code.submit': 'Mewngofnodi',
  'code.resend': 'Anfon cod newydd',
  'code.resent': 'Rydym wedi anfon cod newydd i {phone}.',
  'code.errorMissing': "Rhowch y cod 6 digid o'r neges destun",
  'code.errorInvalid': "Rhaid i'r cod fod yn 6 rhif",

  'practice.title': 'Mewngofnodi gyda chyfrif eich practis',
  'practice.email': 'Cyfeiriad e-bost',
  'practice.password': 'Cyfrinair',
  'practice.submit': 'Mewngofnodi',
  'practice.errorEmailMissing': 'Rhowch eich cyfeiriad e-bost',
  'practice.errorPasswordMissing': 'Rhowch eich cyfrinair',

  'home.title': 'Eich Careplan',
  'home.signedInAs': 'Wedi mewngofnodi fel {name}',
  'home.role': 'Rôl',
  'home.practice': 'Practis',
  'home.carePlans': 'Cynlluniau gofal',
  'home.signOut': 'Allgofnodi',

  'role.patient': 'Claf',
  'role.gp': 'Meddyg teulu',
  'role.nurse': 'Nyrs',
  'role.care_coordinator': 'Cydlynydd gofal',
  'role.pharmacist': 'Fferyllydd',
  'role.health_coach': 'Hyfforddwr iechyd',
  'role.admin': 'Gweinyddwr',

  'relationship.self': 'Eich cynllun eich hun',
  'relationship.named_clinician': 'Chi yw eu clinigydd enwebedig',
  'relationship.care_coordinator': 'Chi yw eu cydlynydd gofal',
};
