/**
 * The content-template format: what a template author writes in `templates/<id>/<version>.json`.
 *
 * Single-value rules (types, lengths, patterns) live in the zod schema and are also emitted as JSON Schema
 * (`templates/schema.json`) for editors. Rules across values (unique ids, defined references, dates in order,
 * phone display matching the number) live in `templateCrossChecks`, which the schema runs as a refinement.
 */
import { z } from '../zod-config';

/** Upper bounds on string lengths, in characters. The card wording limits keep items short enough for a card. */
export const TEMPLATE_LIMITS = {
  idChars: 48,
  titleChars: 60,
  summaryChars: 140,
  cardTextChars: 160,
  detailChars: 1200,
  descriptionChars: 600,
  disclaimerChars: 400,
  citationChars: 600,
  urlChars: 300,
  fieldMaxLengthChars: 500,
  itemsPerSection: 30,
  sectionsPerTemplate: 30,
  writeInLines: 4,
} as const;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const E164_PATTERN = /^\+[1-9]\d{6,14}$/;
const SHORT_CODE_PATTERN = /^[0-9]{2,6}$/;
const REGION_PATTERN = /^(any|[A-Z]{2})$/;
const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A non-empty string of at most `maxChars` characters, with something other than white space in it. */
function text(maxChars: number) {
  return z
    .string()
    .min(1, 'a non-empty string')
    .max(maxChars, `at most ${maxChars} characters`)
    .regex(/\S/, 'text that is not only white space');
}

/** A stable id: lower case letters and digits in words joined by single hyphens, e.g. "always-avoid". */
export const IdSchema = z
  .string()
  .max(TEMPLATE_LIMITS.idChars, `an id of at most ${TEMPLATE_LIMITS.idChars} characters`)
  .regex(ID_PATTERN, 'an id of lower-case letters, digits and single hyphens, like "always-avoid"');

/** A published version: MAJOR.MINOR.PATCH, no pre-release tags. */
export const SemverSchema = z.string().regex(SEMVER_PATTERN, 'a version MAJOR.MINOR.PATCH, like "1.0.0"');

/** A calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.iso.date('a date YYYY-MM-DD, like "2026-11-29"');

const HttpsUrlSchema = z
  .url({ protocol: /^https$/, error: 'an https:// address' })
  .max(TEMPLATE_LIMITS.urlChars, `at most ${TEMPLATE_LIMITS.urlChars} characters`);

const LocaleSchema = z
  .string()
  .regex(LOCALE_PATTERN, 'a BCP 47 language tag, like "en" or "pt-BR"')
  .refine(isWellFormedLocale, 'a BCP 47 language tag, like "en" or "pt-BR"');

const RegionSchema = z
  .string()
  .regex(REGION_PATTERN, 'an ISO 3166-1 alpha-2 region code in capitals, like "US", or "any"')
  .refine(isKnownRegion, 'an assigned ISO 3166-1 alpha-2 region code, like "US", or "any"');

export const SeveritySchema = z.enum(['danger', 'caution', 'info']);
export const FieldKindSchema = z.enum(['text', 'phone', 'multiline', 'write-in']);
export const SectionKindSchema = z.enum(['items', 'contacts', 'fields', 'text']);

const RefIdsSchema = z.array(IdSchema).min(1, 'at least one reference id');

export const ReferenceSchema = z.strictObject({
  id: IdSchema,
  citation: text(TEMPLATE_LIMITS.citationChars).describe('The reference as cited: authors, year, title.'),
  url: HttpsUrlSchema.describe('Where to read it: a DOI link (https://doi.org/…) where there is one.'),
});

export const ItemSchema = z.strictObject({
  id: IdSchema,
  text: text(TEMPLATE_LIMITS.cardTextChars).describe('The wording printed on the card: short, plain, scannable under stress.'),
  detail: text(TEMPLATE_LIMITS.detailChars).optional().describe('A longer explanation, shown in the app only.'),
  refs: RefIdsSchema.describe('Ids of the references that support this item.'),
});

export const PhoneSchema = z.strictObject({
  tel: z.string().regex(new RegExp(`${E164_PATTERN.source}|${SHORT_CODE_PATTERN.source}`), 'an E.164 number like "+16234737433" or a short code like "911"').describe('What is dialled: E.164 (+16234737433) or a short code (911).'),
  display: text(30).describe('How the number is printed, e.g. "+1 623-473-7433". Its digits must be those of tel, or its national part.'),
});

export const ContactSchema = z.strictObject({
  id: IdSchema,
  name: text(TEMPLATE_LIMITS.titleChars).describe('The service or person, as printed.'),
  phone: PhoneSchema.optional().describe('A phone number. A contact has a phone, a url, or both.'),
  url: HttpsUrlSchema.optional().describe('A web address (a chat, an app page).'),
  regions: z.array(RegionSchema).min(1, 'at least one region code, or "any"').describe('ISO 3166-1 alpha-2 codes of the regions served, or ["any"].'),
  notes: text(TEMPLATE_LIMITS.cardTextChars).optional().describe('What it is for, hours, languages: short enough for the card.'),
  source: HttpsUrlSchema.describe('Where the number or address is published.'),
  verified: IsoDateSchema.describe('The date it was last checked against source.'),
  refs: RefIdsSchema.optional().describe('Ids of references that recommend this contact.'),
});

export const FieldSchema = z.strictObject({
  id: IdSchema,
  label: text(TEMPLATE_LIMITS.titleChars).describe('The label, in the app and on the card.'),
  kind: FieldKindSchema.describe('text, phone, multiline, or write-in: a blank line printed to fill by hand.'),
  hint: text(TEMPLATE_LIMITS.summaryChars).optional().describe('A hint shown in the app under the input.'),
  maxLength: z.int().min(1, 'at least 1').max(TEMPLATE_LIMITS.fieldMaxLengthChars, `at most ${TEMPLATE_LIMITS.fieldMaxLengthChars}`).describe('The longest value accepted, in characters.'),
  personal: z.boolean().describe('Whether the value is about the person: left out of shared links unless they choose otherwise.'),
  lines: z.int().min(1, 'at least 1').max(TEMPLATE_LIMITS.writeInLines, `at most ${TEMPLATE_LIMITS.writeInLines}`).optional().describe('For write-in fields: how many blank lines to print.'),
});

const sectionBase = {
  id: IdSchema,
  title: text(TEMPLATE_LIMITS.titleChars).describe('The heading printed on the card.'),
  summary: text(TEMPLATE_LIMITS.summaryChars).describe("One line for the app's section checklist."),
  severity: SeveritySchema.describe('danger, caution or info: printed as a word or marker as well as a colour.'),
  defaultSelected: z.boolean().describe('Whether a new card includes this section.'),
  frontPriority: z.int().min(0, 'at least 0').max(100, 'at most 100').describe('Claim on the front face: higher goes first; 0 means never on the front.'),
};

export const SectionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...sectionBase, kind: z.literal('items'), items: z.array(ItemSchema).min(1, 'at least one item').max(TEMPLATE_LIMITS.itemsPerSection, `at most ${TEMPLATE_LIMITS.itemsPerSection} items`) }),
    z.strictObject({ ...sectionBase, kind: z.literal('contacts'), contacts: z.array(ContactSchema).min(1, 'at least one contact') }),
    z.strictObject({ ...sectionBase, kind: z.literal('fields'), fields: z.array(FieldSchema).min(1, 'at least one field') }),
    z.strictObject({ ...sectionBase, kind: z.literal('text'), text: text(TEMPLATE_LIMITS.detailChars), refs: RefIdsSchema }),
  ],
  { error: 'a section kind: one of "items", "contacts", "fields", "text"' },
);

const TemplateObjectSchema = z.strictObject({
  $schema: z.string().optional().describe("Editors' hint to this JSON Schema; ignored by the app."),
  id: IdSchema.describe('The template id: also the name of its folder.'),
  version: SemverSchema.describe('MAJOR.MINOR.PATCH: also the file name. Patch: wording; minor: additions; major: removals or a changed safety meaning.'),
  locale: LocaleSchema.describe('The language of the wording, as a BCP 47 tag.'),
  title: text(TEMPLATE_LIMITS.titleChars).describe('The card title.'),
  published: IsoDateSchema.describe('The date this version was published.'),
  reviewBy: IsoDateSchema.describe('The date by which the content (and every contact) should be checked again.'),
  description: text(TEMPLATE_LIMITS.descriptionChars).describe('What the card is and whom it is for, for the app.'),
  attribution: text(TEMPLATE_LIMITS.citationChars).describe('The source the content is drawn from, printed on the card.'),
  disclaimer: text(TEMPLATE_LIMITS.disclaimerChars).describe('Printed on the card: what the card is not.'),
  sections: z.array(SectionSchema).min(1, 'at least one section').max(TEMPLATE_LIMITS.sectionsPerTemplate, `at most ${TEMPLATE_LIMITS.sectionsPerTemplate} sections`),
  references: z.array(ReferenceSchema).min(1, 'at least one reference'),
});

export type Reference = z.infer<typeof ReferenceSchema>;
export type Item = z.infer<typeof ItemSchema>;
export type Phone = z.infer<typeof PhoneSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Field = z.infer<typeof FieldSchema>;
export type FieldKind = z.infer<typeof FieldKindSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Section = z.infer<typeof SectionSchema>;
export type SectionKind = Section['kind'];
export type Template = z.infer<typeof TemplateObjectSchema>;

/** A problem that involves more than one value, with the JSON path of the value at fault. */
export interface CrossCheckProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Rules across values: ids unique (sections among sections; items, contacts and fields across the whole template,
 * since cards and diffs address them by id alone; references among references), every reference used is defined,
 * the review date after the publication date, a phone's display showing the digits it dials.
 */
export function templateCrossChecks(template: Template): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  const referenceIds = new Set<string>();
  template.references.forEach((reference, index) => {
    if (referenceIds.has(reference.id)) {
      problems.push({ path: ['references', index, 'id'], message: `reference id "${reference.id}" is used twice; give each reference its own id` });
    }
    referenceIds.add(reference.id);
  });

  const checkRefs = (refs: readonly string[] | undefined, path: (string | number)[]) => {
    refs?.forEach((ref, index) => {
      if (!referenceIds.has(ref)) {
        problems.push({ path: [...path, 'refs', index], message: `reference "${ref}" is not defined; add it to "references" or fix the id` });
      }
    });
  };

  const sectionIds = new Set<string>();
  const entryIds = new Map<string, string>();
  const claimEntryId = (id: string, path: (string | number)[]) => {
    const first = entryIds.get(id);
    if (first !== undefined) {
      problems.push({ path: [...path, 'id'], message: `id "${id}" is already used at ${first}; item, contact and field ids must be unique in the template` });
    } else {
      entryIds.set(id, formatPath(path));
    }
  };

  template.sections.forEach((section, sectionIndex) => {
    const sectionPath = ['sections', sectionIndex];
    if (sectionIds.has(section.id)) {
      problems.push({ path: [...sectionPath, 'id'], message: `section id "${section.id}" is used twice; give each section its own id` });
    }
    sectionIds.add(section.id);
    switch (section.kind) {
      case 'items':
        section.items.forEach((item, index) => {
          claimEntryId(item.id, [...sectionPath, 'items', index]);
          checkRefs(item.refs, [...sectionPath, 'items', index]);
        });
        break;
      case 'contacts':
        section.contacts.forEach((contact, index) => {
          const path = [...sectionPath, 'contacts', index];
          claimEntryId(contact.id, path);
          checkRefs(contact.refs, path);
          if (contact.phone === undefined && contact.url === undefined) {
            problems.push({ path, message: 'a contact needs a "phone" or a "url" (or both)' });
          }
          if (contact.phone !== undefined && !displayMatchesTel(contact.phone)) {
            problems.push({
              path: [...path, 'phone', 'display'],
              message: `display "${contact.phone.display}" does not show the digits of tel "${contact.phone.tel}"; its digits must be the number's, or its national part`,
            });
          }
          if (contact.regions.includes('any') && contact.regions.length > 1) {
            problems.push({ path: [...path, 'regions'], message: '"any" already covers every region; list either "any" or region codes' });
          }
        });
        break;
      case 'fields':
        section.fields.forEach((field, index) => {
          const path = [...sectionPath, 'fields', index];
          claimEntryId(field.id, path);
          if (field.lines !== undefined && field.kind !== 'write-in') {
            problems.push({ path: [...path, 'lines'], message: '"lines" applies to write-in fields only; remove it or set "kind": "write-in"' });
          }
        });
        break;
      case 'text':
        checkRefs(section.refs, sectionPath);
        break;
    }
  });

  if (template.reviewBy <= template.published) {
    problems.push({ path: ['reviewBy'], message: `review-by date ${template.reviewBy} must be after the published date ${template.published}` });
  }
  return problems;
}

/** The template schema with its cross-value rules. */
export const TemplateSchema = TemplateObjectSchema.superRefine((template, context) => {
  for (const problem of templateCrossChecks(template)) {
    context.addIssue({ code: 'custom', path: problem.path, message: problem.message, params: { crossCheck: true } });
  }
});

/** The schema without refinements, for emitting JSON Schema. */
export const TemplateShapeSchema = TemplateObjectSchema;

/** "sections[2].items[0].id" for ["sections", 2, "items", 0, "id"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

function displayMatchesTel(phone: Phone): boolean {
  const telDigits = digitsOf(phone.tel);
  const displayDigits = digitsOf(phone.display);
  if (displayDigits.length === 0) return false;
  if (!phone.tel.startsWith('+')) return displayDigits === telDigits;
  // International display (+1 623 …) or the national part (623 …), never other digits.
  return telDigits === displayDigits || (telDigits.endsWith(displayDigits) && displayDigits.length >= telDigits.length - 3);
}

function isWellFormedLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** Made on first use: creating it loads the locale's region data, which nothing needs until a template is checked. */
let regionNames: Intl.DisplayNames | undefined;

function isKnownRegion(code: string): boolean {
  if (code === 'any') return true;
  // DisplayNames falls back to the code itself for unassigned codes.
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  return regionNames.of(code) !== code;
}
