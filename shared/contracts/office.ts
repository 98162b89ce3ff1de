/**
 * The office server this desktop app works on, if any (issue 22; electron/services/office.ts,
 * electron/office-connection.ts, docs/office-server.md). Connected, the app's every other call
 * goes to the server; these three are answered by the desktop itself, in either mode.
 */
import { z } from 'zod';
import { reason } from '../api-schemas.ts';
import { ALL, noInput, SUPERVISOR, typed, type AreaContract } from './channel.ts';

export interface OfficeStatus {
  /** 'desk': the store on this computer; 'office': the office server below. */
  mode: 'desk' | 'office';
  url: string | null;
  /** The SHA-256 fingerprint of the server's certificate, pinned (`AB:CD:…`); null only for plain HTTP on loopback. */
  fingerprint: string | null;
  /** Whether this window can work on an office server at all (the desktop app can; the CLI cannot). */
  available: boolean;
}

const connectInput = z.strictObject({
  url: z.string().trim().min(1).max(2000),
  /** 64 hexadecimal digits, with or without colons; left out only for plain HTTP to this computer. */
  fingerprint: z.string().trim().max(200).nullable(),
  reason,
});

export const officeContract = {
  'office.status': { input: noInput, output: typed<OfficeStatus>(), roles: ALL },
  /** A supervisor of this computer's store points the app at an office server. */
  'office.connect': { input: connectInput, output: typed<OfficeStatus>(), roles: SUPERVISOR },
  /** Back to this computer's store; anyone at the computer may (it opens only what its own sign-in opens). */
  'office.disconnect': { input: noInput, output: typed<OfficeStatus>(), roles: ALL },
} as const satisfies AreaContract;
