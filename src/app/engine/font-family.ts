/** The CSS font family under which the card font is registered for the preview (a constant of the first screen). */
export const PREVIEW_FONT_FAMILY = 'Safety Card DejaVu Sans Condensed';
