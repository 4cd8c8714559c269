/**
 * The card spec's constants and the spec of a new card, without zod: what the app needs on its first load.
 * The schema and the migrations, which need zod, are in ./schema.ts.
 */
import { FORMAT_IDS } from '../layout/formats';
import type { Field, Section, Template } from '../template/schema';
import type { CardSpec } from './schema';

export const CURRENT_SPEC_VERSION = 2;

export const PAPERS = ['card', 'a4', 'letter'] as const;
export type Paper = (typeof PAPERS)[number];
export const PRINT_MODES = ['duplex', 'fold-over'] as const;
export type PrintMode = (typeof PRINT_MODES)[number];
/**
 * What the sheets are printed on: plain paper with crop marks, or A4 card stock with 10 pre-cut 85 × 54 mm cards
 * (2 × 5), onto which each card is scaled to fit.
 */
export const STOCKS = ['plain', 'avery-c32011', 'zweckform-32010'] as const;
export type Stock = (typeof STOCKS)[number];
/** Image types a clinic's logo may be, recognised by their bytes. */
export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoMediaType = (typeof LOGO_MEDIA_TYPES)[number];
/** Phone numbers a spec accepts (extra contacts, the clinic): digits, spaces and + ( ) - . / */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ()./-]*$/;
export const PHONE_MESSAGE = 'a phone number: digits, spaces and + ( ) - . / only';
/** "auto" and every fixed format. */
export const FORMAT_CHOICES = ['auto', ...FORMAT_IDS] as const;

/** Limits a spec must keep. */
export const SPEC_LIMITS = {
  copiesMin: 1,
  copiesMax: 1000,
  backOffsetMaxMm: 10,
  extraContacts: 4,
  extraContactNameChars: 40,
  extraContactPhoneChars: 30,
  clinicNameChars: 60,
  clinicPhoneChars: 30,
  clinicUrlChars: 80,
  /** A logo file is at most 1 MB (1,048,576 bytes). */
  logoMaxBytes: 1024 * 1024,
} as const;

/** A card without a clinic profile. */
export const NO_CLINIC = { name: '', phone: '', url: '', logo: null } as const;

/** The spec of a new card: the template's default sections, every region's contacts, auto format, one card, no clinic. */
export function defaultSpec(template: Pick<Template, 'id' | 'version' | 'published' | 'sections'>, date: string = template.published): CardSpec {
  return {
    specVersion: CURRENT_SPEC_VERSION,
    template: { id: template.id, version: template.version },
    sections: template.sections.filter((section) => section.defaultSelected).map((section) => section.id),
    fields: {},
    region: 'any',
    extraContacts: [],
    format: 'auto',
    paper: 'card',
    stock: 'plain',
    copies: 1,
    printMode: 'duplex',
    backOffsetMm: { x: 0, y: 0 },
    discreet: false,
    clinic: { ...NO_CLINIC },
    date,
  };
}

/** A date as YYYY-MM-DD in its own (local) calendar: the default date printed on a new card is today's. */
export function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Every field the template asks for, in order, with the section that holds it. */
export function templateFields(template: Pick<Template, 'sections'>): { field: Field; section: Extract<Section, { kind: 'fields' }> }[] {
  return template.sections.flatMap((section) => (section.kind === 'fields' ? section.fields.map((field) => ({ field, section })) : []));
}

/** Every region code the template's crisis contacts serve ("any" included when a contact serves every region). */
export function templateRegions(template: Pick<Template, 'sections'>): Set<string> {
  return new Set(template.sections.flatMap((section) => (section.kind === 'contacts' ? section.contacts.flatMap((contact) => contact.regions) : [])));
}
