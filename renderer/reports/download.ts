/**
 * Saves a file the main process produced (base64 over IPC): the browser's download, which
 * Electron turns into a "Save as" dialog. Nothing is written without the user choosing where.
 */
import type { ProducedFile } from '../../shared/contracts/reports.ts';

export function fileBytes(file: ProducedFile): Uint8Array<ArrayBuffer> {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function saveProducedFile(file: ProducedFile): void {
  const url = URL.createObjectURL(new Blob([fileBytes(file)], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
