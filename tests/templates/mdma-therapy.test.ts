/**
 * The content of mdma-therapy: every safety fact the source gives is carried by an entry, with its numbers intact,
 * and the card wording stays short. docs/CONTENT-FACTS.md maps each fact to these ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact, Field, Item, Template } from '../../src/core/template/schema';
import { parseTemplateText } from '../../src/core/template/validate';
import { REPO_ROOT } from '../helpers/run';

function load(): Template {
  const result = parseTemplateText(readFileSync(join(REPO_ROOT, 'templates/mdma-therapy/1.0.0.json'), 'utf8'), { id: 'mdma-therapy', version: '1.0.0' });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.template;
}

const template = load();
const section = (id: string) => {
  const found = template.sections.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no section ${id}`);
  return found;
};
const items = (id: string): Item[] => {
  const s = section(id);
  return s.kind === 'items' ? s.items : [];
};
const item = (sectionId: string, id: string) => {
  const found = items(sectionId).find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id} in ${sectionId}`);
  return found;
};
const contact = (id: string): Contact => {
  const s = section('crisis-contacts');
  const found = s.kind === 'contacts' ? s.contacts.find((c) => c.id === id) : undefined;
  if (found === undefined) throw new Error(`no contact ${id}`);
  return found;
};
const fields = (): Field[] => template.sections.flatMap((s) => (s.kind === 'fields' ? s.fields : []));

describe('mdma-therapy 1.0.0', () => {
  it('has the sections of a safety card, in order, with sensible defaults', () => {
    expect(template.sections.map((s) => [s.id, s.kind, s.severity])).toEqual([
      ['crisis-contacts', 'contacts', 'info'],
      ['emergency-contact', 'fields', 'info'],
      ['taken-today', 'fields', 'danger'],
      ['always-avoid', 'items', 'danger'],
      ['use-caution', 'items', 'caution'],
      ['take-precaution', 'items', 'caution'],
      ['dosing', 'items', 'info'],
      ['during-session', 'items', 'info'],
      ['afterwards', 'items', 'info'],
      ['choosing-guide', 'items', 'info'],
      ['about-me', 'fields', 'info'],
    ]);
    expect(section('always-avoid').defaultSelected).toBe(true);
    expect(section('crisis-contacts').frontPriority).toBe(Math.max(...template.sections.map((s) => s.frontPriority)));
    expect(section('always-avoid').title).toMatch(/death/);
  });

  it('always avoid: each item of the source list', () => {
    expect(items('always-avoid').map((i) => i.id)).toEqual(['maois-ayahuasca', 'ritonavir-cobicistat', 'lifetime-125-tablets', 'hyperthyroidism']);
    expect(item('always-avoid', 'maois-ayahuasca').text).toMatch(/MAOI.*ayahuasca/);
    expect(item('always-avoid', 'ritonavir-cobicistat').text).toMatch(/ritonavir.*cobicistat.*HIV/i);
    expect(item('always-avoid', 'lifetime-125-tablets').text).toMatch(/125 tablets lifetime.*MDMA.*medium–high dose psychedelics/);
    expect(item('always-avoid', 'hyperthyroidism').text).toMatch(/[Hh]yperthyroidism.*well managed and mild/);
  });

  it('use caution: each item of the source list', () => {
    const texts = items('use-caution').map((i) => i.text).join('\n');
    for (const fact of [/[Pp]sychosis or mania.*family/, /addiction to amphetamines or cocaine/, /2 mg\/kg.*handful/, /less than 6 weeks/, /supplements, herbs.*caffeine/, /[Ll]iver or cardiovascular/, /serious conditions.*well managed and mild/, /bad reactions to amphetamines/]) {
      expect(texts).toMatch(fact);
    }
    expect(items('use-caution')).toHaveLength(8);
  });

  it('take precaution: water, SSRIs/SNRIs, testing, support, driving', () => {
    expect(item('take-precaution', 'water-limit').text).toMatch(/0\.5 L.*6-hour session.*sweat/);
    expect(item('take-precaution', 'ssri-snri-washout').text).toMatch(/SSRIs and SNRIs.*2 months/);
    expect(item('take-precaution', 'test-mdma').text).toMatch(/[Tt]est.*reagent.*lab/);
    expect(item('take-precaution', 'psychological-support').text).toMatch(/[Ss]evere trauma.*mental illness.*disorganized attachment.*support/);
    expect(item('take-precaution', 'no-driving').text).toMatch(/driving.*risky/);
  });

  it('dosing: doses with thresholds, booster, minimum effective dose, spacing', () => {
    expect(item('dosing', 'standard-dose').text).toMatch(/100 mg under 60 kg \(132 lb\), 125 mg/);
    expect(item('dosing', 'over-75-dose').text).toMatch(/75.*100 mg/);
    expect(item('dosing', 'booster').text).toMatch(/half the first dose, 1\.5–2\.5 h/);
    expect(item('dosing', 'minimum-effective-dose').text).toMatch(/least dose that works/);
    expect(item('dosing', 'session-spacing').text).toMatch(/6 weeks/);
  });

  it('for the sitter, afterwards, and choosing a guide', () => {
    expect(items('during-session').map((i) => i.id)).toEqual(expect.arrayContaining(['session-strategy', 'dissociation-focus', 'dissociation-time', 'sitter-qualities']));
    expect(item('during-session', 'sitter-qualities').text).toMatch(/trusted, experienced, empathetic, emotionally non-reactive/);
    expect(items('afterwards').map((i) => i.id)).toEqual(expect.arrayContaining(['recovery-day', 'turmoil', 'destabilization', 'psychosis-suicide-risk', 'cpep-help']));
    expect(items('choosing-guide').map((i) => i.id)).toEqual(expect.arrayContaining(['guide-ethical', 'guide-skilled', 'guide-matched', 'red-flags', 'record-or-bring']));
  });

  it('crisis contacts: Fireside, TripSit, CPEP and emergency numbers by region, each sourced and dated', () => {
    expect(contact('fireside-line')).toMatchObject({ phone: { tel: '+16234737433' }, regions: ['US'] });
    expect(contact('fireside-app-canada').regions).toEqual(['CA']);
    expect(contact('tripsit-webchat')).toMatchObject({ url: 'https://tripsit.me/webchat', regions: ['any'] });
    expect(contact('cpep').url).toBe('https://challengingpsychedelicexperiences.com');
    expect(contact('emergency-911')).toMatchObject({ phone: { tel: '911' }, regions: ['US', 'CA'] });
    expect(contact('emergency-112').regions).toHaveLength(27);
    expect(contact('emergency-112').regions).toEqual(expect.arrayContaining(['DE', 'FR', 'IE', 'GR']));
    expect(contact('emergency-999')).toMatchObject({ phone: { tel: '999' }, regions: ['GB'] });
    expect(contact('emergency-000')).toMatchObject({ phone: { tel: '000' }, regions: ['AU'] });
  });

  it('personal fields: name, emergency contact, sitter, guide, medications, allergies; write-ins for what was taken', () => {
    const byId = new Map(fields().map((f) => [f.id, f]));
    for (const id of ['name', 'emergency-contact-name', 'emergency-contact-phone', 'sitter', 'guide', 'medications', 'allergies-conditions']) {
      expect(byId.get(id)?.personal, id).toBe(true);
    }
    expect(byId.get('emergency-contact-phone')?.kind).toBe('phone');
    for (const id of ['dose-taken', 'booster-taken']) expect(byId.get(id)?.kind, id).toBe('write-in');
  });

  it('keeps card wording short, and every reference used and defined', () => {
    const all = template.sections.flatMap((s) => (s.kind === 'items' ? s.items : []));
    // About one line of the card at 7 pt (DejaVu Sans Condensed holds about 64 characters a line).
    for (const entry of all) expect(entry.text.length, entry.id).toBeLessThanOrEqual(72);
    const used = new Set(template.sections.flatMap((s) => [...(s.kind === 'items' ? s.items.flatMap((i) => i.refs) : []), ...(s.kind === 'contacts' ? s.contacts.flatMap((c) => c.refs ?? []) : [])]));
    expect([...used].sort()).toEqual(template.references.map((r) => r.id).sort());
  });

  it('is mapped fact by fact in docs/CONTENT-FACTS.md', () => {
    const facts = readFileSync(join(REPO_ROOT, 'docs/CONTENT-FACTS.md'), 'utf8');
    const ids = template.sections.flatMap((s) => (s.kind === 'items' ? s.items.map((i) => i.id) : s.kind === 'contacts' ? s.contacts.map((c) => c.id) : []));
    for (const id of ids) expect(facts, id).toContain(`\`${id}\``);
  });
});
