/** The app's words in English. A second language is a second file with the same keys. */
export const en = {
  appName: 'Safety Card',
  tagline: 'Wallet-size safety cards for MDMA-assisted therapy, printed from your own device.',
  privacy: 'Nothing you type leaves this device. The app works offline after this first visit.',
  templatesHeading: 'Card content',
  templateVersion: (version: string, published: string) => `Version ${version}, published ${published}`,
  sectionsHeading: 'Sections',
  onByDefault: 'on a new card',
  offByDefault: 'optional',
  builderComing: 'The card builder is on its way. This page lists the content the cards are made from.',
  loadingTemplates: 'Loading the card content…',
  offlineReady: 'Ready to work offline.',
  updateReady: 'A new version of Safety Card is ready.',
  reload: 'Reload',
  dismiss: 'Dismiss',
} as const;

export type Messages = typeof en;
