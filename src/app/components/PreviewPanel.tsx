/** The live preview of every face, or, when the card cannot be printed as chosen, exactly why and the ways out. */
import { useEffect, useState } from 'preact/hooks';
import type { CardSpec } from '../../core/spec/schema';
import { CardPreview } from '../../render/preview/CardPreview';
import type { LayoutResult } from '../editor';
import { PREVIEW_FONT_FAMILY } from '../engine/font-family';
import type { Messages } from '../messages/en';

interface Props {
  t: Messages;
  spec: CardSpec;
  result: LayoutResult | undefined;
  onChange: (spec: CardSpec) => void;
}

export function PreviewPanel({ t, spec, result, onChange }: Props) {
  // Faces appear one a task apart the first time they are shown, so that a slow phone is never held up by a whole
  // card at once; after that (as the user types) every face is redrawn at once, only the changed ones anew.
  const faceCount = result?.ok === true ? result.layout.faces.length : 0;
  const [drawnFaces, setDrawnFaces] = useState(1);
  useEffect(() => {
    if (faceCount === 0 || drawnFaces >= faceCount) return;
    const timer = setTimeout(() => setDrawnFaces(drawnFaces + 1), 0);
    return () => clearTimeout(timer);
  }, [drawnFaces, faceCount]);
  return (
    <section class="preview" id="preview" aria-labelledby="preview-heading" tabIndex={-1}>
      <h2 id="preview-heading">{t.previewHeading}</h2>
      {result === undefined && <p>{t.preparingFont}</p>}
      {result?.ok === true && (
        <CardPreview
          drawnFaces={drawnFaces}
          layout={result.layout}
          fontFamily={PREVIEW_FONT_FAMILY}
          labels={{ face: (index: number, count: number, role: string) => t.faceLabel(index, count, role) }}
          summary={t.previewSummary(t.formatNames[result.layout.format.id] ?? result.layout.format.id, result.layout.faces.length, result.layout.bodySizePt)}
        />
      )}
      {result?.ok === false && (
        <div class="problem" role="alert">
          <h3>{result.kind === 'overflow' ? t.overflowHeading : result.kind === 'glyphs' ? t.glyphsHeading : t.specErrorHeading}</h3>
          <p>{result.message}</p>
          {result.kind === 'overflow' && (
            <div class="actions">
              {spec.format !== 'auto' && spec.stock === 'plain' && (
                <button type="button" onClick={() => onChange({ ...spec, format: 'auto' })}>
                  {t.overflowTryAuto}
                </button>
              )}
              {result.unplaced.map((section) => (
                <button type="button" class="secondary" key={section.sectionId} onClick={() => onChange({ ...spec, sections: spec.sections.filter((id) => id !== section.sectionId) })}>
                  {t.overflowRemove(section.title)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      <p class="hint">{instructions(t, spec, result)}</p>
    </section>
  );
}

function instructions(t: Messages, spec: CardSpec, result: LayoutResult | undefined): string {
  const parts = [spec.paper === 'card' ? t.instructions.card : spec.stock !== 'plain' ? t.instructions.stock : spec.printMode === 'duplex' ? t.instructions.duplex : t.instructions['fold-over']];
  if (result?.ok === true && result.layout.format.panels > 1) parts.push(t.instructions.fold);
  if (spec.paper !== 'card') parts.push(t.printReminder);
  return parts.join(' ');
}
