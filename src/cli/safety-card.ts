/**
 * `safety-card` (npm run card --): prints a wallet-size safety card to PDF from a template and your choices.
 * A thin entry over core + fonts + render/pdf: it reads files, parses flags into a CardSpec, and writes the PDF.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkLogoSize, LogoError, logoFromBytes } from '../core/image';
import { FORMAT_IDS } from '../core/layout/formats';
import { describeGeometry } from '../core/layout/layout';
import { FORMAT_CHOICES, localIsoDate, PHONE_PATTERN, templateFields, templateRegions } from '../core/spec/defaults';
import { defaultSpec, migrateSpec, PAPERS, PRINT_MODES, SPEC_LIMITS, SpecFormatError, STOCKS, type CardSpec } from '../core/spec/schema';
import type { Template } from '../core/template/schema';
import { CARD_FONT_FAMILY, cardFontNames } from '../fonts/card-font';
import { measurerFromBytes } from '../fonts/measurer';
import { GeneratedFontMissingError, loadFontBytes } from '../fonts/node';
import { isPrintProblem, makeCard } from '../render/pdf/make-card';
import { STOCK_PRESETS } from '../core/layout/sheet-layout';
import { runMerge } from './merge';
import { InputError, runMain, UsageError } from './run-main';
import { cliShareLink, specFromShareLink } from './share-link';
import { findTemplate, loadTemplateFile, loadTemplates, type FileTemplate, type StoredTemplate } from './template-store';
import { APP_VERSION } from './version';

const USAGE = `usage: safety-card [options]            (in the repository: npm run card -- [options])
  --template ID[@VERSION]   template, default: the latest mdma-therapy
  --template-file FILE.json a template file of your own (validated like the bundled ones; the card's
                            footer says "Custom template"); see docs/TEMPLATES.md
  --sections all|default|ID,ID…   sections to print, in this order (default: the template's defaults)
  --field KEY=VALUE         a field value, e.g. --field name=Ada (repeatable; --list shows the keys)
  --region CODE             crisis contacts for a region (ISO code like US, DE), or any (default)
  --contact "NAME=PHONE"    an extra contact, e.g. --contact "Guide Sam=+44 7700 900123" (repeatable)
  --format auto|${FORMAT_IDS.join('|')}   card format (default auto: the smallest that fits)
  --paper ${PAPERS.join('|')}     card: one ID-1 page per face; a4/letter: sheets with crop marks (default card)
  --stock ${STOCKS.join('|')}   A4 card stock with 10 pre-cut 85 × 54 mm cards
                            (wallet cards, scaled to 99.3 %; implies --paper a4) or plain paper (default)
  --copies N                copies on a4/letter sheets (1–${SPEC_LIMITS.copiesMax}); with --merge, of each row
  --print-mode ${PRINT_MODES.join('|')}   sheets for a duplex printer, or single-sided to fold over
  --back-offset X,Y         shift the back side of duplex sheets by X,Y mm (to correct a printer)
  --discreet                a front that does not name the drug
  --clinic-name NAME        the clinic or guide handing out the card, printed on every copy
  --clinic-phone PHONE      its phone number, printed large
  --clinic-url ADDRESS      its web address, e.g. harbour-care.example/sitters
  --logo FILE               its logo: a PNG or JPEG of at most 1 MB (--logo none: no logo)
  --date YYYY-MM-DD         the date printed on the card (default: today)
  --spec FILE.json          a saved card spec; flags override it
  --link URL                a setup link made by the app (…#s=1.…); flags override it
  --print-link APP-URL      print the link that opens this setup in the app at APP-URL instead of a PDF;
                            personal details (fields, extra contacts, date) only with --link-personal
  --link-personal           put the personal details in the link of --print-link
  --merge FILE.csv          one card per row, all in one PDF: the first line names the columns (field
                            ids, see --list), each further line is one card's values; empty values print
                            as blank lines. All cards share one format (with auto, the largest a row needs)
  --out FILE.pdf            where to write the PDF (default card.pdf)
  --list                    list templates, versions, sections, fields and formats
  --json                    print the summary as JSON
  --help                    this help`;

const DEFAULT_TEMPLATE = 'mdma-therapy';

runMain(USAGE, async () => {
  const args = parseFlags();
  if (args.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const templates = loadTemplates();
  if (args.spec !== undefined && args.link !== undefined) throw new UsageError('give --spec or --link, not both');
  if (args.template !== undefined && args['template-file'] !== undefined) throw new UsageError('give --template or --template-file, not both');
  const ownTemplate = args['template-file'] === undefined ? undefined : loadTemplateFile(args['template-file'], templates);
  const specFromFile = args.link !== undefined ? await specFromShareLink(args.link, templates, ownTemplate?.template) : args.spec === undefined ? undefined : readSpecFile(args.spec);
  const stored: FileTemplate =
    ownTemplate ?? { ...findTemplate(templates, args.template ?? (specFromFile === undefined ? DEFAULT_TEMPLATE : `${specFromFile.template.id}@${specFromFile.template.version}`)), custom: false };

  if (args.list === true) {
    // A --template-file is listed with the bundled templates (its "custom" mark is in the section heading).
    const listed = stored.custom ? new Map([...templates, [stored.template.id, [stored]]]) : templates;
    process.stdout.write(args.json === true ? `${JSON.stringify({ ...listing(listed, stored), customTemplate: stored.custom }, null, 2)}\n` : describeListing(listed, stored));
    return 0;
  }

  const spec = buildSpec(stored.template, specFromFile, args);
  if (args['print-link'] !== undefined) {
    process.stdout.write(`${await cliShareLink(spec, stored.template, args['print-link'], args['link-personal'] === true)}\n`);
    return 0;
  }
  let measurer, fonts;
  try {
    const bytes = loadFontBytes(CARD_FONT_FAMILY);
    measurer = measurerFromBytes(bytes);
    fonts = { ...bytes, ...cardFontNames() };
  } catch (error) {
    if (error instanceof GeneratedFontMissingError) throw new InputError(error.message);
    throw error;
  }
  const creator = `Safety Card ${APP_VERSION}`;
  if (args.merge !== undefined) {
    return runMerge({ file: args.merge, out: args.out ?? 'cards.pdf', json: args.json === true, template: stored.template, contentHash: stored.sha256, custom: stored.custom, spec, measurer, fonts, creator });
  }
  let made;
  try {
    made = await makeCard({ template: stored.template, contentHash: stored.sha256, custom: stored.custom, spec, measurer, fonts, creator: `Safety Card ${APP_VERSION}` });
  } catch (error) {
    if (isPrintProblem(error)) throw new InputError(error.message);
    throw error;
  }
  const out = args.out ?? 'card.pdf';
  try {
    writeFileSync(out, made.bytes);
  } catch (error) {
    throw new InputError(`cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const id of made.document.unusedFields) {
    process.stderr.write(`note: field "${id}" is not printed because its section is not selected; add the section with --sections\n`);
  }
  if (made.document.unusedExtraContacts > 0) {
    process.stderr.write('note: the extra contacts are not printed because no contacts section is selected; add crisis-contacts with --sections\n');
  }
  const summary = {
    out,
    template: `${stored.template.id}@${stored.template.version}`,
    customTemplate: stored.custom,
    format: made.layout.format.id,
    faces: made.layout.faces.length,
    paper: spec.paper,
    stock: spec.stock,
    copies: spec.copies,
    pages: made.pageCount,
    bodySizePt: made.layout.bodySizePt,
    minSizePt: made.layout.minSizePt,
    bytes: made.bytes.length,
    unusedFields: made.document.unusedFields,
    unusedExtraContacts: made.document.unusedExtraContacts,
    clinic: made.document.clinic === null ? null : { name: made.document.clinic.name, phone: made.document.clinic.phone, url: made.document.clinic.url, logo: made.document.clinic.logo === null ? null : { mediaType: made.document.clinic.logo.mediaType, widthPx: made.document.clinic.logo.widthPx, heightPx: made.document.clinic.logo.heightPx } },
  };
  process.stdout.write(
    args.json === true
      ? `${JSON.stringify(summary)}\n`
      : `${out}: ${describeGeometry(made.layout.format)}, ${summary.pages} page${summary.pages === 1 ? '' : 's'} (${spec.paper}${spec.stock === 'plain' ? '' : `, ${STOCK_PRESETS[spec.stock].name}`}${spec.paper === 'card' ? '' : `, ${spec.copies} cop${spec.copies === 1 ? 'y' : 'ies'}`}), body ${summary.bodySizePt} pt, smallest ${summary.minSizePt} pt, ${(summary.bytes / 1024).toFixed(1)} kB, ${stored.custom ? 'custom template ' : ''}${summary.template}\n`,
  );
  return 0;
});

type Flags = ReturnType<typeof parseFlags>;

function parseFlags() {
  try {
    return parseArgs({
      options: {
        template: { type: 'string' },
        'template-file': { type: 'string' },
        sections: { type: 'string' },
        field: { type: 'string', multiple: true },
        region: { type: 'string' },
        contact: { type: 'string', multiple: true },
        format: { type: 'string' },
        paper: { type: 'string' },
        stock: { type: 'string' },
        copies: { type: 'string' },
        'print-mode': { type: 'string' },
        'back-offset': { type: 'string' },
        discreet: { type: 'boolean' },
        'clinic-name': { type: 'string' },
        'clinic-phone': { type: 'string' },
        'clinic-url': { type: 'string' },
        logo: { type: 'string' },
        date: { type: 'string' },
        spec: { type: 'string' },
        link: { type: 'string' },
        'print-link': { type: 'string' },
        'link-personal': { type: 'boolean' },
        merge: { type: 'string' },
        out: { type: 'string' },
        list: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function readSpecFile(path: string): CardSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the spec ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return migrateSpec(data);
  } catch (error) {
    if (error instanceof SpecFormatError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Defaults, then the spec file, then the flags. */
function buildSpec(template: Template, fromFile: CardSpec | undefined, flags: Flags): CardSpec {
  const spec: CardSpec = fromFile === undefined ? defaultSpec(template, localIsoDate(new Date())) : { ...fromFile, template: { id: template.id, version: template.version } };
  if (flags.sections !== undefined) spec.sections = parseSections(flags.sections, template);
  if (flags.field !== undefined) {
    spec.fields = { ...spec.fields };
    for (const pair of flags.field) {
      const at = pair.indexOf('=');
      if (at <= 0) throw new UsageError(`--field takes KEY=VALUE, like --field name=Ada; got "${pair}"`);
      spec.fields[pair.slice(0, at)] = pair.slice(at + 1).replace(/\\n/g, '\n');
    }
  }
  if (flags.region !== undefined) {
    const region = flags.region === 'any' ? 'any' : flags.region.toUpperCase();
    if (!/^(any|[A-Z]{2})$/.test(region)) throw new UsageError(`--region takes a two-letter region code like US or DE, or any; got "${flags.region}"`);
    spec.region = region;
  }
  if (flags.contact !== undefined) {
    spec.extraContacts = flags.contact.map((pair) => {
      const at = pair.lastIndexOf('=');
      const name = pair.slice(0, at).trim();
      const phone = pair.slice(at + 1).trim();
      if (at <= 0 || name === '' || !PHONE_PATTERN.test(phone)) throw new UsageError(`--contact takes "NAME=PHONE", like --contact "Guide Sam=+44 7700 900123"; got "${pair}"`);
      return { name, phone };
    });
    if (spec.extraContacts.length > SPEC_LIMITS.extraContacts) throw new UsageError(`at most ${SPEC_LIMITS.extraContacts} --contact`);
  }
  if (flags.format !== undefined) spec.format = oneOf('--format', flags.format, FORMAT_CHOICES);
  if (flags.paper !== undefined) spec.paper = oneOf('--paper', flags.paper, PAPERS);
  if (flags.stock !== undefined) {
    spec.stock = oneOf('--stock', flags.stock, STOCKS);
    // Card stock is A4: asked for without a paper, it means A4 (an explicit other paper is refused with the reason).
    if (spec.stock !== 'plain' && flags.paper === undefined) spec.paper = 'a4';
  }
  if (flags.copies !== undefined) {
    const copies = Number(flags.copies);
    if (!/^\d+$/.test(flags.copies) || copies < SPEC_LIMITS.copiesMin || copies > SPEC_LIMITS.copiesMax) {
      throw new UsageError(`--copies takes a whole number from ${SPEC_LIMITS.copiesMin} to ${SPEC_LIMITS.copiesMax}; got "${flags.copies}"`);
    }
    spec.copies = copies;
  }
  if (flags['print-mode'] !== undefined) spec.printMode = oneOf('--print-mode', flags['print-mode'], PRINT_MODES);
  if (flags['back-offset'] !== undefined) {
    const match = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(flags['back-offset']);
    const [x, y] = [Number(match?.[1]), Number(match?.[2])];
    if (match === null || Math.abs(x) > SPEC_LIMITS.backOffsetMaxMm || Math.abs(y) > SPEC_LIMITS.backOffsetMaxMm) {
      throw new UsageError(`--back-offset takes X,Y in mm, each within ±${SPEC_LIMITS.backOffsetMaxMm}, like --back-offset 1.5,-0.5; got "${flags['back-offset']}"`);
    }
    spec.backOffsetMm = { x, y };
  }
  if (flags.discreet === true) spec.discreet = true;
  if (flags['clinic-name'] !== undefined) spec.clinic = { ...spec.clinic, name: flags['clinic-name'] };
  if (flags['clinic-phone'] !== undefined) {
    if (flags['clinic-phone'].trim() !== '' && !PHONE_PATTERN.test(flags['clinic-phone'].trim())) {
      throw new UsageError(`--clinic-phone takes a phone number (digits, spaces and + ( ) - . / only), like --clinic-phone "+44 20 7946 0000"; got "${flags['clinic-phone']}"`);
    }
    spec.clinic = { ...spec.clinic, phone: flags['clinic-phone'] };
  }
  if (flags['clinic-url'] !== undefined) spec.clinic = { ...spec.clinic, url: flags['clinic-url'] };
  if (flags.logo !== undefined) spec.clinic = { ...spec.clinic, logo: flags.logo === 'none' ? null : readLogo(flags.logo) };
  if (flags.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(flags.date) || Number.isNaN(Date.parse(`${flags.date}T00:00:00Z`))) throw new UsageError(`--date takes YYYY-MM-DD; got "${flags.date}"`);
    spec.date = flags.date;
  }
  // One last check of the whole spec, whatever its source.
  try {
    return migrateSpec(spec);
  } catch (error) {
    if (error instanceof SpecFormatError) throw new InputError(error.message);
    throw error;
  }
}

/** A logo file as the spec's logo value, checked by its size and bytes. */
function readLogo(path: string): CardSpec['clinic']['logo'] {
  try {
    checkLogoSize(statSync(path).size);
    const { mediaType, base64 } = logoFromBytes(new Uint8Array(readFileSync(path)));
    return { mediaType, base64 };
  } catch (error) {
    if (error instanceof LogoError) throw new InputError(`${path}: ${error.message}`);
    throw new InputError(`cannot read the logo ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseSections(value: string, template: Template): string[] {
  if (value === 'all') return template.sections.map((section) => section.id);
  if (value === 'default') return template.sections.filter((section) => section.defaultSelected).map((section) => section.id);
  const ids = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) throw new UsageError('--sections takes all, default, or section ids separated by commas');
  return ids;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} takes one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}


function listing(templates: Map<string, StoredTemplate[]>, chosen: StoredTemplate) {
  const { template } = chosen;
  return {
    templates: [...templates.entries()].map(([id, versions]) => ({ id, versions: versions.map((v) => ({ version: v.template.version, published: v.template.published, title: v.template.title })) })),
    template: `${template.id}@${template.version}`,
    sections: template.sections.map((section) => ({ id: section.id, title: section.title, kind: section.kind, severity: section.severity, default: section.defaultSelected })),
    fields: templateFields(template).map(({ field, section }) => ({ id: field.id, label: field.label, kind: field.kind, maxLength: field.maxLength, section: section.id })),
    regions: [...templateRegions(template)].sort(),
    formats: FORMAT_CHOICES,
    papers: PAPERS,
    stocks: STOCKS.map((id) => (id === 'plain' ? { id, name: 'Plain paper', cards: null } : { id, name: STOCK_PRESETS[id].name, cards: STOCK_PRESETS[id].columns * STOCK_PRESETS[id].rows })),
  };
}

function describeListing(templates: Map<string, StoredTemplate[]>, chosen: FileTemplate): string {
  const data = listing(templates, chosen);
  const lines = ['Templates:'];
  for (const entry of data.templates) lines.push(`  ${entry.id}: ${entry.versions.map((v) => `${v.version} (${v.published})`).join(', ')}`);
  lines.push('', `Sections of ${chosen.custom ? 'custom template ' : ''}${data.template} (* = on by default):`);
  for (const section of data.sections) lines.push(`  ${section.default ? '*' : ' '} ${section.id.padEnd(20)} ${section.title} [${section.kind}, ${section.severity}]`);
  lines.push('', 'Fields (--field KEY=VALUE):');
  for (const field of data.fields) lines.push(`  ${field.id.padEnd(24)} ${field.label} [${field.kind}${field.kind === 'write-in' ? ': a blank line, filled in by hand' : `, up to ${field.maxLength} characters`}] in ${field.section}`);
  lines.push('', `Regions with their own contacts (--region): ${data.regions.filter((r) => r !== 'any').join(' ')}`, `Formats: ${data.formats.join(', ')}`, `Papers: ${data.papers.join(', ')}`);
  lines.push(`Stocks (--stock): ${data.stocks.map((stock) => (stock.cards === null ? `${stock.id} (${stock.name})` : `${stock.id} (${stock.name}, A4, ${stock.cards} pre-cut wallet cards)`)).join(', ')}`);
  lines.push('Merge files (--merge): the first line names the columns, e.g. name,emergency-contact-name (the field ids above)', '');
  return lines.join('\n');
}
