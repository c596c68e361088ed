/** English messages. Keys are grouped by screen; `{name}` marks a parameter. */
export const en = {
  'layout.skipLink': 'Skip to main content',
  'layout.serviceName': 'Careplan',
  'layout.pageTitle': '{page} – Careplan',
  'layout.errorPageTitle': 'Error: {page} – Careplan',
  'layout.back': 'Back',
  'layout.loading': 'Loading…',

  'language.label': 'Language',
  'language.en': 'English',
  'language.cy': 'Cymraeg',

  'error.summaryTitle': 'There is a problem',
  'error.messagePrefix': 'Error:',
  'error.network': 'We could not connect to Careplan. Check your internet connection and try again.',
  'error.unexpected': 'Something went wrong. Try again later.',
  'error.connectionTitle': 'Sorry, there is a problem with the service',
  'error.tryAgain': 'Try again',

  'start.title': 'Sign in to Careplan',
  'start.lead': 'Careplan keeps your care plan, goals and check-ins in one place.',
  'start.question': 'How do you want to sign in?',
  'start.patient': "I'm a patient or carer (text message code)",
  'start.clinician': 'I work at the practice (email and password)',

  'phone.title': 'Enter your mobile phone number',
  'phone.hint': "We'll send a 6-digit code to this number by text message. For example, 07700 900101.",
  'phone.submit': 'Send code',
  'phone.errorMissing': 'Enter your mobile phone number',
  'phone.errorInvalid': 'Enter a UK mobile phone number, like 07700 900101',

  'code.title': 'Enter the code we sent you',
  'code.hint': 'We sent a text message with a 6-digit code to {phone}. The code works for {minutes} minutes.',
  'code.label': 'Code',
  'code.submit': 'Sign in',
  'code.resend': 'Send a new code',
  'code.resent': 'We sent a new code to {phone}.',
  'code.errorMissing': 'Enter the 6-digit code from the text message',
  'code.errorInvalid': 'The code must be 6 numbers',

  'practice.title': 'Sign in with your practice account',
  'practice.email': 'Email address',
  'practice.password': 'Password',
  'practice.submit': 'Sign in',
  'practice.errorEmailMissing': 'Enter your email address',
  'practice.errorPasswordMissing': 'Enter your password',

  'home.title': 'Your Careplan',
  'home.signedInAs': 'Signed in as {name}',
  'home.role': 'Role',
  'home.practice': 'Practice',
  'home.carePlans': 'Care plans',
  'home.signOut': 'Sign out',

  'role.patient': 'Patient',
  'role.gp': 'GP',
  'role.nurse': 'Nurse',
  'role.care_coordinator': 'Care coordinator',
  'role.pharmacist': 'Pharmacist',
  'role.health_coach': 'Health coach',
  'role.admin': 'Administrator',

  'relationship.self': 'Your own plan',
  'relationship.named_clinician': 'You are their named clinician',
  'relationship.care_coordinator': 'You are their care coordinator',
};

export type MessageKey = keyof typeof en;
