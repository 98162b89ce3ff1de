/**
 * The transfer package `tsp-package/1` (issue 19): one ZIP file for the other State's central
 * authority holding the case as `tsp-case/1` (case.json), the request (request.pdf) and the
 * attached documents (attachments/<document kind>/<file name>), with manifest.json naming every
 * file with its SHA-256 digest and size, the sending State and its reference. Pure.
 */
import { z } from 'zod';

export const PACKAGE_FORMAT = 'tsp-package/1';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const packageManifestSchema = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  /** The State that sends it, and its reference for the case: what an import matches on. */
  sendingState: z.string().regex(/^[A-Z]{2}$/),
  sendingReference: z.string().trim().min(1).max(200),
  /** The civil date it was made. */
  madeOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The language of the request. */
  language: z.enum(['en', 'zh-Hant']),
  files: z
    .array(
      z.strictObject({
        path: z.string().min(1).max(400),
        role: z.enum(['case', 'request', 'attachment']),
        /** For an attachment: the document it is (a document kind of the rule-sets). */
        kind: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
        mediaType: z.string().max(200),
        size: z.int().min(0),
        sha256,
      }),
    )
    .max(1000),
});
export type PackageManifest = z.output<typeof packageManifestSchema>;

export interface PackageDifference {
  /** The field of the case file, as a dotted path. */
  field: string;
  stored: string;
  package: string;
}

export interface PackageImport {
  /** created: a new incoming case; matched: the same sending State and reference were imported before, nothing new was made. */
  outcome: 'created' | 'matched';
  caseId: string;
  sendingState: string;
  sendingReference: string;
  /** For a matched package: what differs between the case and the package (empty: nothing). */
  differences: PackageDifference[];
}
