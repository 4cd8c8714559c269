/**
 * The QR code of a share link, made on the device with lean-qr (loaded on demand): error correction M at least
 * (lean-qr raises it when the chosen size has room), drawn as SVG for the page and exported as SVG or PNG files.
 */
import { correction, generate, type Bitmap2D } from 'lean-qr';
import { toSvgPath, toSvgSource } from 'lean-qr/extras/svg';

/** The light margin around a QR code, in modules (the standard asks for 4). */
export const QR_QUIET_MODULES = 4;
/** Past this many modules a side (version 25), a code on a poster or a phone screen gets hard to scan. */
export const QR_DENSE_MODULES = 117;
/** Pixels per module of the PNG file: a 69-module link makes a 770 px image. */
export const QR_PNG_PIXELS_PER_MODULE = 10;

export interface ShareQr {
  /** Modules a side, without the margin. */
  size: number;
  /** SVG path data of the dark modules, one unit a module. */
  path: string;
  code: Bitmap2D;
}

/** The QR code of some text, or undefined when it is too long for any QR code (version 40, correction M: 2,331 bytes). */
export function makeQr(text: string): ShareQr | undefined {
  let code: Bitmap2D;
  try {
    code = generate(text, { minCorrectionLevel: correction.M });
  } catch {
    return undefined;
  }
  return { size: code.size, path: toSvgPath(code), code };
}

/** A standalone SVG file of the code: black on white with its margin, 8 px a module by default. */
export function qrSvgFile(qr: ShareQr, name: string): File {
  const source = toSvgSource(qr.code, { on: '#000000', off: '#ffffff', pad: QR_QUIET_MODULES, scale: 8, xmlDeclaration: true });
  return new File([source], name, { type: 'image/svg+xml' });
}

/** A PNG file of the code, drawn module by module on a canvas (no smoothing: sharp edges at any print size). */
export async function qrPngFile(qr: ShareQr, name: string): Promise<File> {
  const modules = qr.size + 2 * QR_QUIET_MODULES;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = modules * QR_PNG_PIXELS_PER_MODULE;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('this browser cannot draw images');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (qr.code.get(x, y)) context.fillRect((x + QR_QUIET_MODULES) * QR_PNG_PIXELS_PER_MODULE, (y + QR_QUIET_MODULES) * QR_PNG_PIXELS_PER_MODULE, QR_PNG_PIXELS_PER_MODULE, QR_PNG_PIXELS_PER_MODULE);
    }
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('this browser could not make a PNG file');
  return new File([blob], name, { type: 'image/png' });
}
