/** Line breaking with the fixed-width fake measurer (every character 0.5 em): readable goldens. */
import { describe, expect, it } from 'vitest';
import { flowSegments, type Segment } from '../../../src/core/layout/flow';
import { fakeMeasurer } from '../../helpers/fake-measurer';

const SIZE = 10; // 5 pt a character
const plain = (text: string): Segment => ({ text, weight: 'regular', sizePt: SIZE, color: 'ink' });
/** Lines as text, each padded to the line width in characters, so the golden shows where lines break. */
const lines = (segments: Segment[], widthChars: number, indentChars = 0) =>
  flowSegments(segments, widthChars * 5, fakeMeasurer, indentChars * 5).map((line) => line.pieces.map((piece) => `${' '.repeat(Math.round(piece.xPt / 5))}${piece.text}`).reduce((acc, text) => acc + text.slice(acc.length), ''));

describe('flowSegments', () => {
  it('breaks at spaces and collapses white space', () => {
    expect(lines([plain('Never  combine MDMA\nwith MAOIs, including ayahuasca')], 20)).toEqual(['Never combine MDMA', 'with MAOIs,', 'including ayahuasca']);
  });

  it('breaks a URL after a slash or dot rather than mid-word, and never overflows', () => {
    expect(lines([plain('See challengingpsychedelicexperiences.com/help/after-effects now')], 16)).toEqual(['See', 'challengingpsych', 'edelicexperience', 's.com/help/', 'after-effects', 'now']);
    for (const line of flowSegments([plain('x'.repeat(50))], 80, fakeMeasurer)) expect(line.widthPt).toBeLessThanOrEqual(80);
  });

  it('keeps a phone number together and continues the line after it', () => {
    const number: Segment = { text: '+1 623-473-7433', weight: 'bold', sizePt: SIZE, color: 'ink', keepTogether: true };
    expect(lines([number, plain('Fireside Project peer support line')], 30)).toEqual(['+1 623-473-7433 Fireside', 'Project peer support line']);
  });

  it('starts after an indent on the first line only', () => {
    expect(lines([plain('one two three four five')], 12, 6)).toEqual(['      one', 'two three', 'four five']);
  });

  it('keeps an empty first line when nothing fits after the indent', () => {
    const result = flowSegments([plain('unbreakableword')], 50, fakeMeasurer, 45);
    expect(result[0]?.pieces).toEqual([]);
    expect(result.slice(1).map((line) => line.pieces.map((p) => p.text).join(''))).toEqual(['unbreakabl', 'eword']);
  });

  it('drops nothing: the text of the lines is the input without its spaces', () => {
    const text = 'Ritonavir, cobicistat, or HIV drugs containing them: never combine https://example.org/a/very/long/path?with=query&and=more';
    for (const width of [3, 7, 15, 40]) {
      const out = flowSegments([plain(text)], width * 5, fakeMeasurer).flatMap((line) => line.pieces.map((piece) => piece.text)).join('');
      expect(out.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });
});
