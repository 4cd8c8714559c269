/**
 * Line breaking of styled text: words flow onto lines of a given width; a word wider than a line (a URL, a long
 * number, a long name) is broken inside, after a natural break character where there is one. Pure arithmetic over
 * the widths a Measurer gives.
 */
import type { FontWeight, InkColor, Measurer } from './types';

/** A stretch of text in one style. */
export interface Segment {
  text: string;
  weight: FontWeight;
  sizePt: number;
  color: InkColor;
  /** Keep the whole text on one line unless it is wider than a line (a phone number: "+1 623-473-7433"). */
  keepTogether?: boolean;
}

/** A piece of a line in one style, positioned from the line's start. */
export interface LinePiece extends Segment {
  xPt: number;
  widthPt: number;
}

export interface FlowLine {
  pieces: LinePiece[];
  /** Largest font size on the line, for its height. */
  maxSizePt: number;
  widthPt: number;
}

/** Characters after which a long word may be broken without a hyphen. */
const BREAK_AFTER = new Set(['/', '-', '.', '_', '@', '?', '&', '=', ',', ')', ':', '–', '—', '·']);

interface Word extends Segment {
  widthPt: number;
  /** Width of the space before this word when it does not start a line. */
  spaceBeforePt: number;
}

/**
 * Breaks segments into lines of at most `widthPt`. Words are separated by one space, within and between segments.
 * The first line may start at `firstLineIndentPt` (for text that follows something on the same line); later lines
 * start at 0. White space is collapsed; no text is dropped.
 */
export function flowSegments(segments: readonly Segment[], widthPt: number, measurer: Measurer, firstLineIndentPt = 0): FlowLine[] {
  const words: Word[] = [];
  for (const segment of segments) {
    const { weight, sizePt, color } = segment;
    const spaceBeforePt = measurer.widthPt(' ', weight, sizePt);
    for (const part of splitWords(segment.text, segment.keepTogether === true)) {
      words.push({ text: part, weight, sizePt, color, widthPt: measurer.widthPt(part, weight, sizePt), spaceBeforePt });
    }
  }

  const lines: FlowLine[] = [];
  let pieces: LinePiece[] = [];
  let x = firstLineIndentPt;
  const finishLine = () => {
    if (pieces.length > 0) lines.push(makeLine(pieces));
    // An indented first line that took nothing stays, empty, so the caller's first line keeps what it started with.
    else if (lines.length === 0 && x > 0) lines.push({ pieces: [], maxSizePt: 0, widthPt: x });
    pieces = [];
    x = 0;
  };

  for (const word of words) {
    const space = pieces.length === 0 ? 0 : word.spaceBeforePt;
    if (x + space + word.widthPt <= widthPt + 1e-9) {
      appendPiece(pieces, word, x + space, space > 0);
      x += space + word.widthPt;
      continue;
    }
    // It does not fit here: start a new line (unless this line is empty), then break the word if it is still too wide.
    if (pieces.length > 0 || x > 0) finishLine();
    let rest = word.text;
    while (measurer.widthPt(rest, word.weight, word.sizePt) > widthPt + 1e-9) {
      const cut = breakPoint(rest, widthPt, word, measurer);
      const head = rest.slice(0, cut);
      appendPiece(pieces, { ...word, text: head, widthPt: measurer.widthPt(head, word.weight, word.sizePt) }, 0, false);
      finishLine();
      rest = rest.slice(cut);
    }
    const restWidth = measurer.widthPt(rest, word.weight, word.sizePt);
    appendPiece(pieces, { ...word, text: rest, widthPt: restWidth }, 0, false);
    x = restWidth;
  }
  finishLine();
  return lines;
}

/** Words of a text, split at white space (or the whole text, its white space collapsed): cached, since the layout
 * flows the same texts at several sizes. */
const wordCache = new Map<string, readonly string[]>();
function splitWords(text: string, keepTogether: boolean): readonly string[] {
  const key = keepTogether ? `\u0000${text}` : text;
  let words = wordCache.get(key);
  if (words === undefined) {
    words = keepTogether ? [text.trim().replace(/\s+/g, ' ')].filter((part) => part !== '') : text.split(/\s+/).filter((part) => part !== '');
    if (wordCache.size > 20_000) wordCache.clear();
    wordCache.set(key, words);
  }
  return words;
}

/** Adds a word to the line, merging it into the previous piece when the style is the same. */
function appendPiece(pieces: LinePiece[], word: Segment & { widthPt: number }, xPt: number, afterSpace: boolean): void {
  const last = pieces[pieces.length - 1];
  if (last !== undefined && afterSpace && last.weight === word.weight && last.sizePt === word.sizePt && last.color === word.color) {
    last.text += ` ${word.text}`;
    last.widthPt = xPt + word.widthPt - last.xPt;
    return;
  }
  pieces.push({ text: word.text, weight: word.weight, sizePt: word.sizePt, color: word.color, xPt, widthPt: word.widthPt });
}

function makeLine(pieces: LinePiece[]): FlowLine {
  const last = pieces[pieces.length - 1] as LinePiece;
  return { pieces, maxSizePt: Math.max(...pieces.map((piece) => piece.sizePt)), widthPt: last.xPt + last.widthPt };
}

/** Where to cut `text` so its head fits `availablePt`: after a break character when one is in the second half, else as late as possible. */
function breakPoint(text: string, availablePt: number, style: Segment, measurer: Measurer): number {
  const chars = [...text];
  // Longest prefix (in code points) that fits, by binary search; at least one character so the loop always advances.
  let low = 1;
  let high = chars.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measurer.widthPt(chars.slice(0, middle).join(''), style.weight, style.sizePt) <= availablePt + 1e-9) low = middle;
    else high = middle - 1;
  }
  let fit = Math.max(1, low);
  for (let index = fit; index > Math.floor(fit / 2); index--) {
    if (BREAK_AFTER.has(chars[index - 1] as string)) {
      fit = index;
      break;
    }
  }
  return chars.slice(0, fit).join('').length;
}
