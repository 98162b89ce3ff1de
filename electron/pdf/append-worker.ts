/**
 * The worker thread of append-pdfs.ts: loads the request, copies every page of each attached
 * PDF after it (pdf-lib, whose API is asynchronous), and answers on the port it was given,
 * then wakes the waiting thread through the shared signal.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';

interface Job {
  port: MessagePort;
  signal: Int32Array;
  letter: Uint8Array;
  files: { id: number; bytes: Uint8Array }[];
}

async function append(job: Job): Promise<{ bytes: Uint8Array; failed: number[] }> {
  const out = await PDFDocument.load(job.letter, { updateMetadata: false });
  const failed: number[] = [];
  for (const file of job.files) {
    try {
      const source = await PDFDocument.load(file.bytes, { updateMetadata: false });
      for (const page of await out.copyPages(source, source.getPageIndices())) out.addPage(page);
    } catch {
      failed.push(file.id);
    }
  }
  // The request alone is PDF/A-2b; pages appended from elsewhere are not ours to vouch for, so the
  // file no longer claims the conformance (its XMP declaration is removed, the rest kept).
  if (failed.length < job.files.length) {
    const metadata = out.catalog.get(PDFName.of('Metadata'));
    out.catalog.delete(PDFName.of('Metadata'));
    if (metadata instanceof PDFRef) out.context.delete(metadata);
  }
  return { bytes: await out.save({ useObjectStreams: false }), failed };
}

const job = workerData as Job;
append(job)
  .then((value) => job.port.postMessage({ ok: true, ...value }))
  .catch((error: unknown) => job.port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }))
  .finally(() => {
    Atomics.store(job.signal, 0, 1);
    Atomics.notify(job.signal, 0);
  });
