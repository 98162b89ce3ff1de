/**
 * Dispatches a channel of shared/api.ts to its service: checks the acting user's role,
 * parses the payload with the channel's schema, runs the area's handler on what it parsed
 * (electron/services/handlers.ts), and answers with a value (`{ ok, data }` or
 * `{ ok: false, error }`). Knows nothing of Electron: the app, the CLI and the Chromium test
 * shell all call it the same way.
 *
 * The acting user is the session's (electron/services/session.ts): with nobody signed in,
 * every channel but those of SIGNED_OUT_CHANNELS is refused before its payload is read.
 */
import { API, SIGNED_OUT_CHANNELS, type ApiResponse, type Channel, type SignedOutChannel } from '../shared/api.ts';
import { REPORT_INPUT } from '../shared/domain/case.ts';
import { assessmentsHandlers } from './services/assessments.ts';
import { backupsHandlers } from './services/backups.ts';
import { casesHandlers } from './services/case-files.ts';
import { importsHandlers } from './services/case-import.ts';
import { auditHandlers } from './services/audit.ts';
import type { ServiceContext, Session } from './services/context.ts';
import { dossierHandlers } from './services/dossier.ts';
import { documentsHandlers } from './services/documents.ts';
import { dueHandlers } from './services/due.ts';
import { enforcementHandlers } from './services/enforcement.ts';
import { payloadProblems } from './payload-guard.ts';
import { ServiceError } from './services/errors.ts';
import { describeError, storeFailureOf } from './store-failure.ts';
import { profilesHandlers } from './services/profiles.ts';
import { openSession, sessionContext, sessionHandlers } from './services/session.ts';
import { usersHandlers } from './services/users.ts';
import { workflowHandlers } from './services/workflow.ts';
import type { Handler, Handlers, SignedOutHandler } from './services/handlers.ts';
import { reportsHandlers } from './services/reports.ts';
import { problemsOf } from './services/validate.ts';
import { rulesetsHandlers } from './services/rulesets.ts';
import { settingsHandlers } from './services/settings.ts';
import { treatiesHandlers } from './services/treaty-map.ts';
import { packagesHandlers } from './services/packages.ts';
import { officeHandlers } from './services/office.ts';

type SignedInChannel = Exclude<Channel, SignedOutChannel>;

const isSignedOutChannel = (channel: Channel): channel is SignedOutChannel => (SIGNED_OUT_CHANNELS as readonly string[]).includes(channel);

/** Every area's handlers (shared/api.ts AREAS): the compiler checks that each channel has one, typed from its contract. */
export const HANDLERS = {
  ...sessionHandlers,
  ...settingsHandlers,
  ...backupsHandlers,
  ...documentsHandlers,
  ...casesHandlers,
  ...importsHandlers,
  ...workflowHandlers,
  ...dueHandlers,
  ...enforcementHandlers,
  ...assessmentsHandlers,
  ...treatiesHandlers,
  ...rulesetsHandlers,
  ...profilesHandlers,
  ...auditHandlers,
  ...dossierHandlers,
  ...packagesHandlers,
  ...reportsHandlers,
  ...usersHandlers,
  ...officeHandlers,
} satisfies Handlers<Channel>;

export interface Router {
  dispatch<C extends Channel>(channel: C | string, payload: unknown): ApiResponse<C>;
}

/** A router whose session starts signed in as `ctx.user` (the CLI, tests); signing out and in again works as in the app. */
export function createRouter(ctx: ServiceContext, log: (message: string) => void = (message) => console.error(message)): Router {
  // At their own computer account, as under the 'os-user' sign-in.
  return createSessionRouter(openSession(ctx.db, ctx.clock, ctx.user, ctx.user.name), log);
}

/**
 * The context of one call, its clock stopped at the instant the call began: every timestamp,
 * "today" (electron/services/context.ts todayOf) and assessment date of the call is the same,
 * so a write and the assessment it runs never fall on two days at midnight.
 */
function atOneInstant(ctx: ServiceContext | null, clock: () => Date): ServiceContext | null {
  if (ctx === null) return null;
  const at = clock().getTime();
  return { ...ctx, clock: () => new Date(at) };
}

/** `log` is told of an unexpected failure: a line to write, and the error itself (the office server writes its kind only). */
export function createSessionRouter(session: Session, log: (message: string, error?: unknown) => void = (message) => console.error(message)): Router {
  return {
    dispatch<C extends Channel>(channel: C | string, payload: unknown): ApiResponse<C> {
      if (!Object.hasOwn(API, channel)) {
        return { ok: false, error: { code: 'not_found', messageKey: 'error.unknown_channel', problems: [{ field: 'channel', message: `no channel "${channel}"` }] } };
      }
      const known = channel as Channel;
      const ctx = atOneInstant(sessionContext(session), session.clock);
      if (ctx === null && !isSignedOutChannel(known)) return { ok: false, error: { code: 'forbidden', messageKey: 'error.signed_out', problems: [] } };
      const contract = API[known];
      // The role before the payload: a caller who may not use a channel learns nothing of its schema.
      if (ctx !== null && !(contract.roles as readonly string[]).includes(ctx.user.role)) {
        return { ok: false, error: { code: 'forbidden', messageKey: 'error.role_forbidden', problems: [] } };
      }
      const hostile = payloadProblems(payload, known);
      if (hostile.length > 0) return { ok: false, error: { code: 'invalid_input', messageKey: 'error.invalid_input', problems: hostile } };
      const parsed = contract.input.safeParse(payload, REPORT_INPUT);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_input', messageKey: 'error.invalid_input', problems: problemsOf(parsed.error) } };
      try {
        // The handler receives the payload as parsed (defaults filled, text trimmed), never the raw one.
        const input = parsed.data as never;
        if (ctx === null || isSignedOutChannel(known)) return { ok: true, data: (HANDLERS[known as SignedOutChannel] as SignedOutHandler<SignedOutChannel>)(session, input) } as ApiResponse<C>;
        return { ok: true, data: (HANDLERS[known as SignedInChannel] as Handler<SignedInChannel>)(ctx, input, session) } as ApiResponse<C>;
      } catch (error) {
        if (error instanceof ServiceError) return { ok: false, error: error.toJSON() };
        // The store busy, the disk full or read-only, the file damaged: a message of its own, not a bug.
        const failure = storeFailureOf(error);
        if (failure !== null) return { ok: false, error: { code: 'unavailable', messageKey: `error.store.${failure}`, problems: [] } };
        log(`router: ${channel} failed: ${describeError(error)}`, error);
        return { ok: false, error: { code: 'internal', messageKey: 'error.internal', problems: [] } };
      }
    },
  };
}
