/** Format, paper, card stock, copies, printer and discreet front, with short instructions for the choice. */
import { useEffect, useState } from 'preact/hooks';
import { FORMAT_CHOICES, PAPERS, PRINT_MODES, SPEC_LIMITS, STOCKS } from '../../core/spec/defaults';
import type { CardSpec } from '../../core/spec/schema';
// The stock geometry is pure (no pdf-lib): the form shows cards per sheet and the scale without the PDF engine.
import { STOCK_PRESETS, stockScaleText } from '../../core/layout/sheet-layout';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}

/** Copies as typed: a whole number in range, or null (the spec keeps its last good value while the form says why). */
function parseCopies(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const copies = Number(text);
  return copies >= SPEC_LIMITS.copiesMin && copies <= SPEC_LIMITS.copiesMax ? copies : null;
}

export function PrintingForm({ t, spec, onChange }: Props) {
  const sheets = spec.paper !== 'card';
  const onStock = spec.stock !== 'plain';
  const preset = spec.stock === 'plain' ? null : STOCK_PRESETS[spec.stock];
  const [copiesText, setCopiesText] = useState(String(spec.copies));
  // A spec changed elsewhere (a saved card opened) brings its copies into the field.
  useEffect(() => {
    if (parseCopies(copiesText) !== spec.copies) setCopiesText(String(spec.copies));
  }, [spec.copies]);
  const copiesInvalid = parseCopies(copiesText) === null;
  const number = (value: string, min: number, max: number, fallback: number) => {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
  };
  const choosePaper = (paper: CardSpec['paper']) => {
    // Card stock is A4: another paper goes back to plain.
    onChange({ ...spec, paper, copies: paper === 'card' ? 1 : Math.max(spec.copies, 1), stock: paper === 'a4' ? spec.stock : 'plain' });
  };
  const chooseStock = (stock: CardSpec['stock']) => {
    // A pre-cut cell holds one wallet card, printed double-sided: the format and printer follow, so the preview
    // shows what will print.
    onChange(stock === 'plain' ? { ...spec, stock } : { ...spec, stock, format: 'wallet', printMode: 'duplex' });
  };
  return (
    <fieldset class="group">
      <legend>{t.printingHeading}</legend>
      <label class="field">
        <span>{t.formatLabel}</span>
        <select value={spec.format} onChange={(event) => onChange({ ...spec, format: (event.target as HTMLSelectElement).value as CardSpec['format'] })}>
          {FORMAT_CHOICES.map((format) => (
            <option key={format} value={format} disabled={onStock && format !== 'wallet'}>
              {t.formats[format]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t.paperLabel}</span>
        <select value={spec.paper} onChange={(event) => choosePaper((event.target as HTMLSelectElement).value as CardSpec['paper'])}>
          {PAPERS.map((paper) => (
            <option key={paper} value={paper}>
              {t.papers[paper]}
            </option>
          ))}
        </select>
      </label>
      {spec.paper === 'a4' && (
        <label class="field">
          <span>{t.stockLabel}</span>
          <select value={spec.stock} aria-describedby="stock-hint" onChange={(event) => chooseStock((event.target as HTMLSelectElement).value as CardSpec['stock'])}>
            {STOCKS.map((stock) => (
              <option key={stock} value={stock}>
                {t.stocks[stock]}
              </option>
            ))}
          </select>
          <span id="stock-hint" class="hint">
            {preset === null ? t.stockPlainHelp : t.stockHelp(preset.columns * preset.rows, stockScaleText(preset))}
          </span>
        </label>
      )}
      {sheets && (
        <>
          <label class="field">
            <span>{t.copiesLabel}</span>
            <input
              type="number"
              inputMode="numeric"
              min={SPEC_LIMITS.copiesMin}
              max={SPEC_LIMITS.copiesMax}
              step={1}
              value={copiesText}
              aria-invalid={copiesInvalid}
              aria-describedby={copiesInvalid ? 'copies-error' : undefined}
              onInput={(event) => {
                const text = (event.target as HTMLInputElement).value;
                setCopiesText(text);
                const copies = parseCopies(text);
                if (copies !== null && copies !== spec.copies) onChange({ ...spec, copies });
              }}
            />
            {copiesInvalid && (
              <span id="copies-error" class="hint invalid" role="alert">
                {t.copiesInvalid(SPEC_LIMITS.copiesMin, SPEC_LIMITS.copiesMax)}
              </span>
            )}
          </label>
          <label class="field">
            <span>{t.printModeLabel}</span>
            <select value={spec.printMode} onChange={(event) => onChange({ ...spec, printMode: (event.target as HTMLSelectElement).value as CardSpec['printMode'] })}>
              {PRINT_MODES.map((mode) => (
                <option key={mode} value={mode} disabled={onStock && mode === 'fold-over'}>
                  {t.printModes[mode]}
                </option>
              ))}
            </select>
          </label>
          {spec.printMode === 'duplex' && (
            <fieldset class="inline">
              <legend>{t.backOffsetLabel}</legend>
              {(['x', 'y'] as const).map((axis) => (
                <label class="field" key={axis}>
                  <span>{axis === 'x' ? t.backOffsetX : t.backOffsetY}</span>
                  <input type="number" step="0.1" min={-SPEC_LIMITS.backOffsetMaxMm} max={SPEC_LIMITS.backOffsetMaxMm} value={spec.backOffsetMm[axis]} onInput={(event) => onChange({ ...spec, backOffsetMm: { ...spec.backOffsetMm, [axis]: number((event.target as HTMLInputElement).value, -SPEC_LIMITS.backOffsetMaxMm, SPEC_LIMITS.backOffsetMaxMm, 0) } })} />
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
      <label class="check">
        <input type="checkbox" checked={spec.discreet} onChange={(event) => onChange({ ...spec, discreet: (event.target as HTMLInputElement).checked })} />
        <span>{t.discreetLabel}</span>
      </label>
      <label class="field">
        <span>{t.dateLabel}</span>
        <input type="date" value={spec.date} required onInput={(event) => { const value = (event.target as HTMLInputElement).value; if (/^\d{4}-\d{2}-\d{2}$/.test(value)) onChange({ ...spec, date: value }); }} />
      </label>
    </fieldset>
  );
}
