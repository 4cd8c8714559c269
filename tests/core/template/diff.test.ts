import { describe, expect, it } from 'vitest';
import { diffTemplates } from '../../../src/core/template/diff';
import { miniTemplate, sectionOf, variant } from '../../helpers/fixtures';

const before = miniTemplate();
const bump = (to: typeof before) => ({ ...to, version: '9.9.9' });

describe('diffTemplates', () => {
  it('finds nothing between a version and itself', () => {
    const diff = diffTemplates(before, before);
    expect(diff.requiredBump).toBe('none');
    expect(diff.entries).toEqual({ added: [], removed: [], reworded: [], detailChanged: [], moved: [] });
    expect(diff.from).toBe('mini@1.0.0');
  });

  it('calls an added item minor and names it with its section', () => {
    const after = variant(before, (t) => sectionOf(t, 'avoid', 'items').items.push({ id: 'third', text: 'Third thing', refs: ['ref-a'] }));
    const diff = diffTemplates(before, bump(after));
    expect(diff.entries.added).toEqual([{ id: 'third', kind: 'item', sectionId: 'avoid', wording: 'Third thing' }]);
    expect(diff.entries.moved).toEqual([]);
    expect(diff.requiredBump).toBe('minor');
  });

  it('calls a removed item major', () => {
    const after = variant(before, (t) => sectionOf(t, 'avoid', 'items').items.shift());
    const diff = diffTemplates(before, after);
    expect(diff.entries.removed.map((e) => e.id)).toEqual(['first']);
    expect(diff.entries.moved).toEqual([]);
    expect(diff.requiredBump).toBe('major');
  });

  it('calls a reworded item patch and shows both wordings', () => {
    const after = variant(before, (t) => (sectionOf(t, 'avoid', 'items').items[0]!.text = 'First thing, never'));
    const diff = diffTemplates(before, after);
    expect(diff.entries.reworded).toEqual([{ id: 'first', kind: 'item', sectionId: 'avoid', from: 'First thing to avoid', to: 'First thing, never' }]);
    expect(diff.requiredBump).toBe('patch');
  });

  it('tells a changed detail or reference apart from a rewording', () => {
    const after = variant(before, (t) => {
      const item = sectionOf(t, 'avoid', 'items').items[1]!;
      item.detail = 'A better explanation.';
      item.refs = ['ref-b'];
    });
    const diff = diffTemplates(before, after);
    expect(diff.entries.reworded).toEqual([]);
    expect(diff.entries.detailChanged).toEqual([{ id: 'second', kind: 'item', sectionId: 'avoid', keys: ['detail', 'refs'] }]);
    expect(diff.requiredBump).toBe('patch');
  });

  it('reports a changed phone number as a rewording of the contact', () => {
    const after = variant(before, (t) => (sectionOf(t, 'contacts', 'contacts').contacts[0]!.phone = { tel: '+16234737434', display: '+1 623-473-7434' }));
    const diff = diffTemplates(before, after);
    expect(diff.entries.reworded).toEqual([
      { id: 'line', kind: 'contact', sectionId: 'contacts', from: 'Help line · +1 623-473-7433 · (US)', to: 'Help line · +1 623-473-7434 · (US)' },
    ]);
  });

  it('reports an item moved to another section', () => {
    const after = variant(before, (t) => {
      const item = sectionOf(t, 'avoid', 'items').items.pop()!;
      t.sections.push({ id: 'later', title: 'Later', summary: 'Later.', kind: 'items', severity: 'info', defaultSelected: false, frontPriority: 0, items: [item] });
    });
    const diff = diffTemplates(before, after);
    expect(diff.entries.moved).toEqual([{ id: 'second', kind: 'item', fromSection: 'avoid', toSection: 'later' }]);
    expect(diff.sections.added).toEqual([{ id: 'later', title: 'Later' }]);
    expect(diff.entries.added).toEqual([]);
    expect(diff.requiredBump).toBe('minor');
  });

  it('flags only the entry that moved when a section is reordered', () => {
    const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id.toUpperCase(), refs: ['ref-a'] }));
    const four = variant(before, (t) => (sectionOf(t, 'avoid', 'items').items = items));
    const reordered = variant(four, (t) => {
      const list = sectionOf(t, 'avoid', 'items').items;
      list.push(list.shift()!); // a moves to the end: b c d a
    });
    const diff = diffTemplates(four, reordered);
    expect(diff.entries.moved).toEqual([{ id: 'a', kind: 'item', fromSection: 'avoid', toSection: 'avoid' }]);
    expect(diff.requiredBump).toBe('patch');
  });

  it('reports sections added, removed, retitled, moved and made more severe', () => {
    const after = variant(before, (t) => {
      const [contacts, avoid] = t.sections;
      avoid!.title = 'Never';
      avoid!.severity = 'caution';
      t.sections = [avoid!, contacts!];
    });
    const diff = diffTemplates(before, after);
    expect(diff.sections.removed).toEqual([{ id: 'me', title: 'About me' }]);
    expect(diff.sections.retitled).toEqual([{ id: 'avoid', from: 'Avoid', to: 'Never' }]);
    expect(diff.sections.moved.map((s) => s.id)).toEqual(['contacts']);
    expect(diff.sections.severityChanged).toEqual([{ id: 'avoid', from: 'danger', to: 'caution' }]);
    expect(diff.entries.removed.map((e) => e.id)).toEqual(['name', 'dose']);
    expect(diff.requiredBump).toBe('major');
  });

  it('calls a changed severity alone major: it changes the safety meaning', () => {
    const after = variant(before, (t) => (sectionOf(t, 'avoid', 'items').severity = 'info'));
    expect(diffTemplates(before, after).requiredBump).toBe('major');
  });

  it('notices template-level changes', () => {
    const after = variant(before, (t) => (t.disclaimer = 'Another disclaimer.'));
    const diff = diffTemplates(before, after);
    expect(diff.templateKeysChanged).toEqual(['disclaimer']);
    expect(diff.requiredBump).toBe('patch');
  });
});
