/** The app's words in English. A second language is a second file with the same keys. */
export const en = {
  appName: 'Safety Card',
  tagline: 'A wallet-size safety card for MDMA-assisted therapy: for you, your sitter, your clinic.',
  skipToPreview: 'Skip to the preview',

  // Privacy
  privacyHeading: 'Your privacy',
  privacyShort: 'Nothing you type leaves this device.',
  privacyLong:
    'Safety Card makes your card on this device. What you type is never sent anywhere: there are no accounts, no analytics and no error reports. ' +
    'Saved cards are kept in this browser’s storage on this device only. After your first visit the app works offline.',
  eraseEverything: 'Erase everything on this device',
  eraseConfirm: 'Erase all saved cards and imported templates from this device? This cannot be undone.',
  erased: 'Everything Safety Card stored on this device has been erased.',

  // Template
  contentHeading: 'Card content',
  templateLabel: 'Content version',
  templateOption: (version: string, published: string) => `Version ${version}, ${published}`,
  templateLatest: 'latest',
  newerVersion: (version: string) => `A newer version of the content (${version}) is available.`,
  moveToVersion: (version: string) => `Move this card to version ${version}`,
  whatChanged: 'What changed',
  changeAdded: 'Added',
  changeRemoved: 'Removed',
  changeReworded: 'Reworded',
  changeMoved: 'Moved',
  noChanges: 'No changes to the card’s wording.',
  loadingContent: 'Loading the card content…',
  contentFailed: 'The card content could not load. Reload the page; if this keeps happening, reload it once while online. Your saved cards are kept below.',

  // Sections
  sectionsHeading: 'What goes on the card',
  sectionsHint: 'Tick the sections to print. Safety sections come first on the card.',
  whatItSays: (count: number) => `What it says (${count} item${count === 1 ? '' : 's'}), with explanations`,
  severity: { danger: 'Danger', caution: 'Caution', info: 'Info' } as Record<string, string>,

  // Fields
  detailsHeading: 'Personal details',
  detailsHint: 'Fill in what you want printed. Empty fields print as blank lines to write on by hand.',
  writeInNote: 'Printed as a blank line: write it in by hand on the day.',
  charactersLeft: (left: number) => `${left} characters left`,
  noFieldSections: 'Tick “About me” or “Emergency contact” above to add personal details.',

  // Contacts
  contactsHeading: 'Crisis contacts',
  regionLabel: 'Region for crisis numbers',
  regionAny: 'All regions',
  extraContactsHeading: 'Extra contacts (your guide, a friend)',
  extraName: 'Name',
  extraPhone: 'Phone number',
  addContact: 'Add a contact',
  removeContact: (name: string) => `Remove ${name || 'this contact'}`,

  // Clinic or guide (ClinicForm)
  clinic: {
    heading: 'Clinic or guide (printed on every copy)',
    hint: 'For clinics and guides who hand this card out: your name, number, web address and logo print on the last face, under “Issued by”. Leave it empty for a personal card.',
    disclosure: 'Name, phone number, web address and logo',
    name: 'Name of the clinic or guide',
    phone: 'Phone number',
    phoneHint: 'Printed large: a number to call.',
    phoneInvalid: 'Use digits, spaces and + ( ) - . / only, like +44 20 7946 0000.',
    url: 'Web address',
    urlHint: 'Printed without “https://”, like harbour-care.example/sitters.',
    urlInvalid: 'A web address has no spaces.',
    logo: 'Logo (PNG or JPEG, at most 1 MB)',
    logoHint: 'Printed at most 22 × 8 mm, next to your name: about 300 × 100 pixels is plenty.',
    logoPreview: 'The logo printed on the card',
    removeLogo: 'Remove logo',
    logoRefused: (fileName: string, reason: string, keptPrevious: boolean) =>
      `“${fileName}” cannot be used: ${reason}.${keptPrevious ? ' The card keeps its previous logo.' : ''}`,
  },

  // Printing
  printingHeading: 'Format and printing',
  formatLabel: 'Card format',
  formats: {
    auto: 'Automatic: the smallest that fits',
    wallet: 'Wallet card (1 or 2 faces)',
    'fold-2': 'Folding card, 2 panels (4 faces)',
    'fold-3': 'Folding card, 3 panels (6 faces)',
  } as Record<string, string>,
  paperLabel: 'Paper',
  papers: { card: 'Card printer (one card a page)', a4: 'A4 sheets (plain paper or card stock)', letter: 'US Letter sheets with crop marks' } as Record<string, string>,
  copiesLabel: 'Copies',
  copiesInvalid: (min: number, max: number) => `Copies: type a whole number from ${min} to ${max}.`,
  stockLabel: 'Card stock',
  stocks: { plain: 'Plain paper', 'avery-c32011': 'Avery C32011 (10 pre-cut cards)', 'zweckform-32010': 'Zweckform 32010 (10 pre-cut cards)' } as Record<string, string>,
  stockPlainHelp: 'Plain A4 paper: cut the cards out along the crop marks.',
  stockHelp: (cards: number, scale: string) => `${cards} pre-cut 85 × 54 mm cards a sheet, so each card prints at ${scale}. Wallet cards only, double-sided: the sheet says how to feed it for the back.`,
  printModeLabel: 'Printer',
  printModes: { duplex: 'Double-sided (duplex)', 'fold-over': 'Single-sided: fold over and glue' } as Record<string, string>,
  backOffsetLabel: 'Back side offset (mm), to correct a printer',
  backOffsetX: 'Right',
  backOffsetY: 'Down',
  discreetLabel: 'Discreet front: “Medical information — in an emergency, read inside”',
  dateLabel: 'Date printed on the card',

  // Preview
  previewHeading: 'Preview',
  previewSummary: (format: string, faces: number, bodyPt: number) => `${format}: ${faces} face${faces === 1 ? '' : 's'}, text ${bodyPt} pt`,
  formatNames: { wallet: 'Wallet card', 'fold-2': 'Folding card, 2 panels', 'fold-3': 'Folding card, 3 panels' } as Record<string, string>,
  faceLabel: (index: number, count: number, role: string) => (role === 'front' ? 'Front' : role === 'back' ? 'Back' : `Inside ${index}`) + ` (${index + 1} of ${count})`,
  preparingFont: 'Preparing the card font…',
  previewFailed: 'The preview could not start. Reload the page; if this keeps happening, reload it once while online.',
  overflowHeading: 'Not everything fits',
  overflowTryAuto: 'Use the automatic format',
  overflowRemove: (title: string) => `Leave out “${title}”`,
  glyphsHeading: 'Some characters cannot be printed',
  specErrorHeading: 'This card cannot be printed yet',

  // Actions
  download: 'Download PDF',
  print: 'Print',
  share: 'Share',
  save: 'Save card',
  saveAs: 'Card name',
  saved: (name: string) => `Saved “${name}” on this device.`,
  making: 'Making the PDF…',
  pdfFailed: (reason: string) => `The PDF could not be made: ${reason}`,
  printReminder: 'Print at 100 % (“Actual size”), not “Fit to page”. Check the 50 mm ruler on the sheet with a ruler.',
  instructions: {
    card: 'Card printer: print at 100 %. Each page is one face of the card, 85.60 × 53.98 mm.',
    duplex: 'Print double-sided, flipping on the long edge, at 100 %. Cut on the crop marks. If the back is off, measure it and set the back side offset.',
    'fold-over': 'Print single-sided at 100 %. Cut around each card on the crop marks, fold on the dashed line so the printed sides face out, and glue.',
    fold: 'Fold the panels like a leaflet along the fold ticks, the front on top.',
    stock: 'Print on the card stock at 100 %, the fronts first; then feed the sheet again as its notes say and print the backs (or print double-sided, flipping on the long edge). The cards are pre-cut: no cutting.',
  } as Record<string, string>,

  // Saved cards
  savedHeading: 'Saved cards',
  noSavedCards: 'No saved cards yet. “Save card” keeps one on this device.',
  open: 'Open',
  newCard: 'Start a new card',
  rename: 'Rename',
  duplicate: 'Duplicate',
  delete: 'Delete',
  deleteConfirm: (name: string) => `Delete “${name}”?`,
  renamePrompt: 'New name',
  exportCards: 'Export all cards',
  importCards: 'Import cards',
  imported: (added: number, skipped: number, rejected: number) => `Imported ${added} card${added === 1 ? '' : 's'}; ${skipped} already here; ${rejected} could not be read.`,
  setAside: (count: number) => `${count} saved card${count === 1 ? '' : 's'} could not be read and ${count === 1 ? 'was' : 'were'} set aside, not deleted.`,
  exportSetAside: 'Export the set-aside cards',
  storageUnavailable: 'Saved cards are not available in this browser mode. You can still make and print cards.',
  cardVersion: (key: string) => `Content ${key}`,
  cardTemplateMissing: (key: string) => `Its template ${key} is not on this device: import the template file under “Your own templates” to open it.`,

  // Saved-card storage: errors a user can meet and what to do about them. None quotes what the user typed.
  storage: {
  unavailable:
    'Saved cards are not available in this browser mode (private browsing, or site storage turned off). You can still make, print and export cards; to keep them on this device, open Safety Card in a normal window or allow site storage.',
  newerDatabase: 'Your saved cards were last opened by a newer version of Safety Card. Reload the page to update the app; your cards are kept.',
  quota: 'This device has no space left for saved cards. Free some space, or delete cards you no longer need, then try again.',
  failed: (what: string) => `Saved cards could not be read or written (${what}). Reload the page and try again; if it keeps failing, export your cards to keep a copy.`,
  notFound: 'This card is no longer saved (it may have been deleted in another tab). Reload the list; to keep your changes, save them as a new card.',
  unreadable: (reason: string) => `This saved card could not be read (${reason}). Reload the list: the card will be set aside so you can export it.`,
  invalidSpec: (reason: string) => `This card cannot be saved: ${reason}`,

  nameNotText: 'A card name must be text.',
  nameEmpty: (maxChars: number) => `Give the card a name (1 to ${maxChars} characters).`,
  nameTooLong: (maxChars: number, chars: number) => `A card name can have at most ${maxChars} characters; this one has ${chars}. Shorten it.`,
  nameOneLine: 'A card name must fit on one line: remove line breaks and tabs.',
  copySuffix: ' (copy)',
  importedSuffix: ' (imported)',

  fileTooLarge: (maxMb: number) => `This file is larger than ${maxMb} MB, so it is not a Safety Card export. Choose the .json file exported from Safety Card.`,
  notJson: 'This file is not a Safety Card export: it is not JSON text. Choose the .json file exported from Safety Card.',
  notExport: (format: string) => `This file is not a Safety Card export (it has no "format": "${format}"). Choose the .json file exported from Safety Card.`,
  newerExport: (found: number, reads: number) =>
    `This file was exported by a newer version of Safety Card (export version ${found}; this one reads version ${reads}). Update the app by reloading the page, then import the file again.`,
  damagedExport: (what: string) => `This export file is damaged: ${what}. Export the cards again from the device that made it.`,
  templateNotFound: (key: string) => `The template ${key} is not on this device (it may have been deleted in another tab). Reload the page to see the list again.`,
  templateInUse: (key: string, cardNames: readonly string[]) =>
    `${cardNames.length} saved card${cardNames.length === 1 ? ' uses' : 's use'} ${key} (${cardNames.slice(0, 3).map((name) => `“${name}”`).join(', ')}${cardNames.length > 3 ? ', …' : ''}), so it was not deleted. ` +
    'Move those cards to another template or delete them first. To keep a copy of the template, export it.',
  },

  // Custom templates: a template file imported on this device (a clinic's own wording, another language)
  customTemplates: {
    heading: 'Your own templates',
    intro:
      'A clinic’s own wording, or another language: import a template file (JSON, as described in the project’s docs/TEMPLATES.md). ' +
      'It is checked like the bundled content, kept on this device only, and every card made with it says “Custom template” in its footer.',
    importButton: 'Import a template file…',
    none: 'No custom templates on this device.',
    problems: (fileName: string, count: number) => `“${fileName}” was not imported (${count} problem${count === 1 ? '' : 's'}); nothing was changed. Fix the file and import it again:`,
    added: (key: string) => `Imported ${key}. Choose it under “Card content”.`,
    alreadyBundled: (key: string) => `${key} is one of Safety Card’s own templates, with the same content: it is already here. Nothing was changed.`,
    alreadyImported: (key: string) => `${key} is already imported, with the same content. Nothing was changed.`,
    importedOn: (date: string) => `imported ${date}`,
    export: 'Export',
    exportLabel: (key: string) => `Export the template ${key}`,
    delete: 'Delete',
    deleteLabel: (key: string) => `Delete the template ${key}`,
    deleteConfirm: (key: string) => `Delete the template ${key} from this device?`,
    deleted: (key: string) => `Deleted the template ${key}.`,
    unreadable: (key: string) => `${key} cannot be read by this version of Safety Card. It is kept: export it to check it.`,
    customMark: 'Custom',
    templateLabel: 'Template',
    customNote: 'Custom template, imported on this device: not Safety Card’s reviewed content. The card’s footer says so.',
    missingHeading: 'This card’s template is not on this device',
    missing: (key: string) =>
      `This card uses the template ${key}, which is not on this device (it was deleted, or the card was made on another device). ` +
      'The card is kept: import the template file under “Your own templates” to open it, or start a new card.',
    fromExport: (added: number, rejected: readonly string[]) =>
      ` ${added} custom template${added === 1 ? '' : 's'} added` + (rejected.length > 0 ? `; ${rejected.length} not added: ${rejected.join(' ')}` : '.'),
  },

  // Share links: a setup in a link (its part after "#", which browsers never send) and a QR code, made on this device
  shareSetup: {
    heading: 'Share this setup',
    intro:
      'A link and a QR code that open these choices in Safety Card on another device: for a clinic’s poster, a screen in the waiting room, or a colleague. ' +
      'The setup is inside the link itself; nothing is uploaded.',
    make: 'Make a share link',
    includePersonal: 'Include personal details (name, contacts, medication, date)',
    personalLeftOut:
      'In the link: the content version, sections, region, format, printing options and the clinic or guide details. ' +
      'Left out: personal details, extra contacts and the date; whoever opens the link fills in their own, and gets today’s date.',
    personalWarning:
      'The link and the QR code will contain the personal details you typed (names, phone numbers, medication, the date). ' +
      'Anyone who gets the link or scans the code can read them. Share it only with the person it is for.',
    logoLeftOut: 'The clinic logo is not in the link (too big for a link): add it again after opening the link.',
    linkLabel: 'Link to this setup',
    making: 'Making the link…',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'This browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
    qrLabel: 'QR code of the link to this setup',
    qrCaption: 'Scan to open this setup in Safety Card.',
    qrDense: 'This QR code is dense and may be hard to scan from a distance: leave out personal details or shorten long texts to make it smaller.',
    qrTooLong: (chars: number) =>
      `The link is too long for a QR code (${chars} characters; a QR code holds about 2,300). Leave out personal details or shorten long texts. The link itself still works.`,
    downloadSvg: 'Download QR (SVG)',
    downloadPng: 'Download QR (PNG)',
    qrFileName: 'safety-card-setup-qr',
    loaded: 'Loaded a shared setup as a new card. Your saved cards are unchanged; “Save card” keeps this one.',
    loadedPersonal:
      'Loaded a shared setup as a new card, with the personal details it carried. Check them before printing. Your saved cards are unchanged.',
    openFailedHeading: 'This setup link could not be opened',
    openFailedKept: 'Nothing was changed: your saved cards and the card you were editing are as they were.',
    failed: (reason: string) => `The link could not be made: ${reason}`,
  },

  // PWA
  offlineReady: 'Ready to work offline.',
  updateReady: 'A new version of Safety Card is ready. Your saved cards are kept.',
  reload: 'Reload',
  dismiss: 'Dismiss',
} as const;

export type Messages = typeof en;
