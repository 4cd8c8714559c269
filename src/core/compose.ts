/**
 * compose: a template and the user's choices → a CardDocument, the blocks to print in order. Checks the spec against
 * the template (unknown sections or fields, values too long) and throws a SpecError that names what is wrong.
 */
import { inspectLogo, LogoError, type ImageInfo, type LogoData } from './image';
import type { CardMeta } from './layout/types';
import type { CardSpec } from './spec/schema';
import type { Contact, Section, Severity, Template } from './template/schema';
import { SHORT_HASH_CHARS, templateKey } from './template/canonical';
import { templateFields } from './spec/defaults';

/** The front title of a discreet card: it does not name the drug. */
export const DISCREET_TITLE = 'Medical information — in an emergency, read inside';

/** Printed before the clinic's or guide's name, above the footer. */
export const ISSUED_BY = 'Issued by';

/** Sections with at least this front priority go first, highest first: they make the front face's emergency block. */
export const FRONT_PRIORITY_THRESHOLD = 80;

export type DocEntry =
  | { kind: 'item'; id: string; text: string }
  | { kind: 'contact'; id: string; name: string; number: string; notes?: string }
  | { kind: 'field'; id: string; label: string; value: string }
  | { kind: 'write-in'; id: string; label: string; lines: number };

export interface DocSection {
  id: string;
  title: string;
  severity: Severity;
  /** Whether a discreet card may put this section on its front. */
  discreetFront: boolean;
  entries: DocEntry[];
}

/** The clinic or guide that hands the card out, printed with the footer on the last face. */
export interface DocClinic {
  name: string;
  phone: string;
  /** The web address as printed: without "https://" and a trailing "/". */
  url: string;
  /** The logo's data and its size in pixels, read from its bytes. */
  logo: (LogoData & ImageInfo) | null;
}

export interface CardDocument {
  title: string;
  discreet: boolean;
  sections: DocSection[];
  /** Null when the spec's clinic profile is empty. */
  clinic: DocClinic | null;
  footer: { stamp: string; disclaimer: string; attribution: string };
  meta: CardMeta;
  /** Field values given for fields whose section is not selected: not printed, so the edges can say so. */
  unusedFields: string[];
  /** Extra contacts given while no contacts section is selected: not printed, so the edges can say so. */
  unusedExtraContacts: number;
}

/** A spec that does not fit its template: an unknown section or field, a value too long. */
export class SpecError extends Error {
  override name = 'SpecError';
}

export interface ComposeOptions {
  /** The template's content hash (hex); its first 8 characters are printed. */
  contentHash: string;
  /**
   * True for a template that is not one of Safety Card's published ones (a clinic's own wording, imported): the footer
   * then says "Custom template", so nobody mistakes it for the reviewed content.
   */
  custom?: boolean;
}

/** Builds the document to lay out. Throws SpecError when the spec asks for something the template does not have. */
export function compose(template: Template, spec: CardSpec, options: ComposeOptions): CardDocument {
  const key = templateKey(template);
  if (spec.template.id !== template.id || spec.template.version !== template.version) {
    throw new SpecError(`the spec is for ${templateKey(spec.template)}, not ${key}`);
  }
  if (spec.sections.length === 0) throw new SpecError('no section is selected: choose at least one section');

  const byId = new Map(template.sections.map((section) => [section.id, section]));
  const seen = new Set<string>();
  for (const id of spec.sections) {
    if (!byId.has(id)) {
      throw new SpecError(`unknown section "${id}" in ${key}; its sections are: ${template.sections.map((s) => s.id).join(', ')}`);
    }
    if (seen.has(id)) throw new SpecError(`section "${id}" is selected twice`);
    seen.add(id);
  }

  const fieldsById = new Map(templateFields(template).map((entry) => [entry.field.id, entry] as const));
  const unusedFields: string[] = [];
  for (const [id, value] of Object.entries(spec.fields)) {
    const found = fieldsById.get(id);
    if (found === undefined) {
      throw new SpecError(`unknown field "${id}" in ${key}; its fields are: ${[...fieldsById.keys()].join(', ')}`);
    }
    const length = [...value].length;
    if (length > found.field.maxLength) {
      throw new SpecError(`${found.field.label} (field "${id}") is ${length} characters long; at most ${found.field.maxLength} fit on the card`);
    }
    if (found.field.kind === 'write-in' && value.trim() !== '') {
      throw new SpecError(`${found.field.label} (field "${id}") is written in by hand on the printed card; leave it empty`);
    }
    if (value.trim() !== '' && !seen.has(found.section.id)) unusedFields.push(id);
  }

  const selected = spec.sections.map((id) => byId.get(id) as Section);
  const ordered = [
    ...selected.filter((s) => s.frontPriority >= FRONT_PRIORITY_THRESHOLD).sort((a, b) => b.frontPriority - a.frontPriority),
    ...selected.filter((s) => s.frontPriority < FRONT_PRIORITY_THRESHOLD),
  ];
  const sections = ordered.map((section) => composeSection(section, spec)).filter((section) => section.entries.length > 0);
  const hash = options.contentHash.slice(0, SHORT_HASH_CHARS);

  return {
    title: spec.discreet ? DISCREET_TITLE : template.title,
    discreet: spec.discreet,
    sections,
    clinic: composeClinic(spec.clinic),
    footer: { stamp: `${options.custom === true ? 'Custom template ' : ''}${key} · ${spec.date} · #${hash}`, disclaimer: template.disclaimer, attribution: template.attribution },
    meta: {
      title: spec.discreet ? DISCREET_TITLE : template.title,
      subject: template.description,
      keywords: ['safety card', template.id, key],
      language: template.locale,
      templateKey: key,
      contentHash: hash,
      date: spec.date,
    },
    unusedFields,
    unusedExtraContacts: selected.some((section) => section.kind === 'contacts') ? 0 : spec.extraContacts.length,
  };
}

function composeClinic(clinic: CardSpec['clinic']): DocClinic | null {
  const name = clinic.name.trim();
  const phone = clinic.phone.trim();
  const url = clinic.url.trim().replace(/^https?:\/\//i, '').replace(/\/$/, '');
  if (name === '' && phone === '' && url === '' && clinic.logo === null) return null;
  let logo: DocClinic['logo'] = null;
  if (clinic.logo !== null) {
    try {
      logo = { ...clinic.logo, ...inspectLogo(clinic.logo) };
    } catch (error) {
      if (error instanceof LogoError) throw new SpecError(error.message);
      throw error;
    }
  }
  return { name, phone, url, logo };
}

function composeSection(section: Section, spec: CardSpec): DocSection {
  const base = { id: section.id, title: section.title, severity: section.severity };
  switch (section.kind) {
    case 'items':
      return { ...base, discreetFront: false, entries: section.items.map((item) => ({ kind: 'item', id: item.id, text: item.text })) };
    case 'text':
      return { ...base, discreetFront: false, entries: [{ kind: 'item', id: section.id, text: section.text }] };
    case 'contacts': {
      const contacts = section.contacts.filter((contact) => servesRegion(contact, spec.region)).map(contactEntry);
      const extras = spec.extraContacts.map((extra, index): DocEntry => ({ kind: 'contact', id: `extra-${index + 1}`, name: extra.name, number: extra.phone }));
      return { ...base, discreetFront: true, entries: [...contacts, ...extras] };
    }
    case 'fields': {
      const entries = section.fields.map((field): DocEntry => {
        const value = (spec.fields[field.id] ?? '').trim();
        if (field.kind === 'write-in' || value === '') {
          return { kind: 'write-in', id: field.id, label: field.label, lines: field.lines ?? 1 };
        }
        return { kind: 'field', id: field.id, label: field.label, value };
      });
      return { ...base, discreetFront: !section.fields.some((field) => field.kind === 'write-in'), entries };
    }
  }
}

/** Whether a contact serves a region ("any" on either side matches everything). */
export function servesRegion(contact: Pick<Contact, 'regions'>, region: string): boolean {
  return region === 'any' || contact.regions.includes('any') || contact.regions.includes(region);
}

function contactEntry(contact: Contact): DocEntry {
  const url = contact.url?.replace(/^https:\/\//, '').replace(/\/$/, '');
  const number = [contact.phone?.display, url].filter((part) => part !== undefined).join(' · ');
  return { kind: 'contact', id: contact.id, name: contact.name, number, ...(contact.notes === undefined ? {} : { notes: contact.notes }) };
}
