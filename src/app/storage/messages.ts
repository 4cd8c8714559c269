/**
 * The words of saved-card storage, in English: errors a user can meet and what to do about them, and the name
 * suffixes of copies. Shaped like ../messages/en.ts (plain strings and small functions) so they can move there.
 * None of these ever quotes what the user typed: a message says what is wrong, never echoes the card.
 */
export const storageMessages = {
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
} as const;
