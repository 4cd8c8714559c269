/** Format, paper, copies, printer and discreet front, with short instructions for the choice. */
import { FORMAT_CHOICES, PAPERS, PRINT_MODES, SPEC_LIMITS } from '../../core/spec/defaults';
import type { CardSpec } from '../../core/spec/schema';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  spec: CardSpec;
  onChange: (spec: CardSpec) => void;
}

export function PrintingForm({ t, spec, onChange }: Props) {
  const sheets = spec.paper !== 'card';
  const number = (value: string, min: number, max: number, fallback: number) => {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? Math.min(max, Math.max(min, parsed)) : fallback;
  };
  return (
    <fieldset class="group">
      <legend>{t.printingHeading}</legend>
      <label class="field">
        <span>{t.formatLabel}</span>
        <select value={spec.format} onChange={(event) => onChange({ ...spec, format: (event.target as HTMLSelectElement).value as CardSpec['format'] })}>
          {FORMAT_CHOICES.map((format) => (
            <option key={format} value={format}>
              {t.formats[format]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t.paperLabel}</span>
        <select value={spec.paper} onChange={(event) => { const paper = (event.target as HTMLSelectElement).value as CardSpec['paper']; onChange({ ...spec, paper, copies: paper === 'card' ? 1 : Math.max(spec.copies, 1) }); }}>
          {PAPERS.map((paper) => (
            <option key={paper} value={paper}>
              {t.papers[paper]}
            </option>
          ))}
        </select>
      </label>
      {sheets && (
        <>
          <label class="field">
            <span>{t.copiesLabel}</span>
            <input type="number" inputMode="numeric" min={SPEC_LIMITS.copiesMin} max={SPEC_LIMITS.copiesMax} value={spec.copies} onInput={(event) => onChange({ ...spec, copies: Math.round(number((event.target as HTMLInputElement).value, SPEC_LIMITS.copiesMin, SPEC_LIMITS.copiesMax, spec.copies)) })} />
          </label>
          <label class="field">
            <span>{t.printModeLabel}</span>
            <select value={spec.printMode} onChange={(event) => onChange({ ...spec, printMode: (event.target as HTMLSelectElement).value as CardSpec['printMode'] })}>
              {PRINT_MODES.map((mode) => (
                <option key={mode} value={mode}>
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
