/** Making the PDF in the browser: the PDF engine (pdf-lib and our font subsetter) is loaded only when the first PDF is made. */
import type { CardSpec } from '../../core/spec/schema';
import type { BundledTemplate } from './templates';
import type { CardFonts } from './fonts';


export async function makePdf(bundled: BundledTemplate, spec: CardSpec, fonts: CardFonts): Promise<Uint8Array> {
  const { makeCard } = await import('../../render/pdf/make-card');
  const made = await makeCard({
    template: bundled.template,
    contentHash: bundled.sha256,
    custom: bundled.custom,
    spec,
    measurer: fonts.measurer,
    fonts: { ...fonts.bytes, ...fonts.names },
    creator: `Safety Card ${__APP_VERSION__}`,
  });
  return made.bytes;
}

/** A file name for the PDF that says what it is, without anything personal. */
export function pdfFileName(spec: CardSpec): string {
  return `safety-card-${spec.template.id}-${spec.template.version}-${spec.paper}-${spec.date}.pdf`;
}
