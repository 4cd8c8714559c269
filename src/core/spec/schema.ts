/**
 * CardSpec: what the user chose. It is saved, exported and put in share links, so it is versioned stored data:
 * every stored shape has a `specVersion`, and `migrateSpec` brings any older shape up to the current one.
 */
import { inspectLogo, LogoError } from '../image';
import { z } from '../zod-config';
import { CURRENT_SPEC_VERSION, FORMAT_CHOICES, LOGO_MEDIA_TYPES, PAPERS, PHONE_MESSAGE, PHONE_PATTERN, PRINT_MODES, SPEC_LIMITS, STOCKS } from './defaults';

export { CURRENT_SPEC_VERSION, defaultSpec, LOGO_MEDIA_TYPES, NO_CLINIC, PAPERS, PRINT_MODES, SPEC_LIMITS, STOCKS, type LogoMediaType, type Paper, type PrintMode, type Stock } from './defaults';

const ExtraContactSchema = z.strictObject({
  name: z.string().trim().min(1, 'a name').max(SPEC_LIMITS.extraContactNameChars, `at most ${SPEC_LIMITS.extraContactNameChars} characters`),
  phone: z
    .string()
    .trim()
    .min(1, 'a phone number')
    .max(SPEC_LIMITS.extraContactPhoneChars, `at most ${SPEC_LIMITS.extraContactPhoneChars} characters`)
    .regex(PHONE_PATTERN, PHONE_MESSAGE),
});

/** A clinic's or guide's profile, printed on every copy. Empty strings and a null logo print nothing. */
const ClinicSchema = z.strictObject({
  name: z.string().trim().max(SPEC_LIMITS.clinicNameChars, `at most ${SPEC_LIMITS.clinicNameChars} characters`),
  phone: z
    .string()
    .trim()
    .max(SPEC_LIMITS.clinicPhoneChars, `at most ${SPEC_LIMITS.clinicPhoneChars} characters`)
    .refine((phone) => phone === '' || PHONE_PATTERN.test(phone), PHONE_MESSAGE),
  url: z
    .string()
    .trim()
    .max(SPEC_LIMITS.clinicUrlChars, `at most ${SPEC_LIMITS.clinicUrlChars} characters`)
    .regex(/^\S*$/, 'a web address without spaces, like example.org/care'),
  /** The logo file's bytes, base64; checked by its bytes (src/core/image.ts), so a spec never holds a logo the card cannot draw. */
  logo: z.nullable(
    z
      .strictObject({
        mediaType: z.enum(LOGO_MEDIA_TYPES),
        base64: z
          .string()
          .max(Math.ceil(SPEC_LIMITS.logoMaxBytes / 3) * 4, 'a logo of at most 1 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 data'),
      })
      .superRefine((logo, context) => {
        try {
          inspectLogo(logo);
        } catch (error) {
          if (!(error instanceof LogoError)) throw error;
          context.addIssue({ code: 'custom', message: error.message });
        }
      }),
  ),
});

/** Version 2 of the card spec: version 1 with the sheet stock and a clinic profile. */
export const CardSpecV2Schema = z.strictObject({
  specVersion: z.literal(2),
  /** The template, pinned to a version so a saved card prints the same words until the user moves it. */
  template: z.strictObject({ id: z.string().min(1), version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0') }),
  /** Selected section ids, in the order the user wants them (template order unless reordered). */
  sections: z.array(z.string().min(1)).max(60),
  /** Field values by field id. Empty or absent values print as blank lines to fill by hand. */
  fields: z.record(z.string(), z.string().max(2000, 'at most 2000 characters')),
  /** ISO 3166-1 alpha-2 region for crisis contacts, or "any" for every region's numbers. */
  region: z.string().regex(/^(any|[A-Z]{2})$/, 'a region code like "US", or "any"'),
  extraContacts: z.array(ExtraContactSchema).max(SPEC_LIMITS.extraContacts, `at most ${SPEC_LIMITS.extraContacts} extra contacts`),
  format: z.enum(FORMAT_CHOICES),
  paper: z.enum(PAPERS),
  /** Plain paper, or A4 card stock (with paper "a4"). */
  stock: z.enum(STOCKS),
  copies: z.int().min(SPEC_LIMITS.copiesMin, `at least ${SPEC_LIMITS.copiesMin}`).max(SPEC_LIMITS.copiesMax, `at most ${SPEC_LIMITS.copiesMax}`),
  printMode: z.enum(PRINT_MODES),
  /** Shift of the back side on duplex sheets, in mm, to correct a printer's misalignment. */
  backOffsetMm: z.strictObject({
    x: z.number().min(-SPEC_LIMITS.backOffsetMaxMm).max(SPEC_LIMITS.backOffsetMaxMm),
    y: z.number().min(-SPEC_LIMITS.backOffsetMaxMm).max(SPEC_LIMITS.backOffsetMaxMm),
  }),
  /** A generic front that does not name the drug. */
  discreet: z.boolean(),
  clinic: ClinicSchema,
  /** The date printed on the card and in the PDF's metadata. */
  date: z.iso.date('a date YYYY-MM-DD'),
});

export type CardSpec = z.infer<typeof CardSpecV2Schema>;
export type ClinicProfile = CardSpec['clinic'];
export type ExtraContact = CardSpec['extraContacts'][number];

/** Raised for stored or imported data that is not a card spec of any known version. */
export class SpecFormatError extends Error {
  override name = 'SpecFormatError';
}

/**
 * Migrations from each older `specVersion` to the next. For version N + 1, add `N: (vN) => vN+1` here and a fixture
 * of version N to the migration test (tests/core/spec.test.ts).
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  /** Version 2 added the sheet stock (version 1 printed on plain paper) and the clinic profile (none). */
  1: (v1) => ({ ...v1, specVersion: 2, stock: 'plain', clinic: { name: '', phone: '', url: '', logo: null } }),
};

/** Brings stored data of any known spec version to the current version, and validates it. */
export function migrateSpec(data: unknown): CardSpec {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new SpecFormatError('not a card spec: expected a JSON object with a "specVersion"');
  }
  let current = data as Record<string, unknown>;
  const stored = current.specVersion;
  if (typeof stored !== 'number' || !Number.isInteger(stored) || stored < 1) {
    throw new SpecFormatError(`not a card spec: "specVersion" must be a whole number from 1 to ${CURRENT_SPEC_VERSION}, found ${JSON.stringify(stored)}`);
  }
  let version: number = stored;
  if (version > CURRENT_SPEC_VERSION) {
    throw new SpecFormatError(`this card was made by a newer Safety Card (spec version ${version}; this one reads up to ${CURRENT_SPEC_VERSION}): update the app or CLI`);
  }
  while (version < CURRENT_SPEC_VERSION) {
    const step = MIGRATIONS[version];
    if (step === undefined) throw new SpecFormatError(`no migration from spec version ${version}`);
    current = step(current);
    const next = current.specVersion;
    if (typeof next !== 'number' || next <= version) throw new SpecFormatError(`the migration from spec version ${version} did not advance`);
    version = next;
  }
  const result = CardSpecV2Schema.safeParse(current);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new SpecFormatError(`not a valid card spec: ${problems.join('; ')}`);
  }
  return result.data;
}
