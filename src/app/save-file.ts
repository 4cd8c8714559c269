/** Offers data as a file download (a temporary object URL on a clicked link); nothing leaves the device. */
export function saveFile(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns: it is released a minute later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers JSON text as a file download. */
export function saveJson(text: string, fileName: string): void {
  saveFile(new Blob([text], { type: 'application/json' }), fileName);
}
