/**
 * Dispatches a channel of shared/api.ts to its service: validates the payload with the
 * channel's schema, checks the acting user's role, runs the service, and answers with a
 * value (`{ ok, data }` or `{ ok: false, error }`). Knows nothing of Electron: the app, the
 * CLI and the Chromium test shell all call it the same way.
 */
import { API, type ApiOutputs, type ApiResponse, type Channel } from '../shared/api.ts';
import { runAssessment, listAssessments } from './services/assessments.ts';
import { listAudit, verifyAudit } from './services/audit.ts';
import { exportCases, importCases } from './services/case-files.ts';
import { closeCase, createCase, getCase, listCaseEvents, listCases, reopenCase, setCaseStatus, updateCase } from './services/cases.ts';
import type { ServiceContext } from './services/context.ts';
import { ServiceError } from './services/errors.ts';
import { listRuleSets, saveRuleSet } from './services/rulesets.ts';
import { createUser, currentUser, listUsers } from './services/users.ts';
import { problemsOf } from './services/validate.ts';

type Handler<C extends Channel> = (ctx: ServiceContext, input: unknown) => ApiOutputs[C];

export const HANDLERS: { [C in Channel]: Handler<C> } = {
  'session.current': (ctx) => currentUser(ctx),
  'cases.list': listCases,
  'cases.get': getCase,
  'cases.events': listCaseEvents,
  'cases.create': createCase,
  'cases.update': updateCase,
  'cases.setStatus': setCaseStatus,
  'cases.close': closeCase,
  'cases.reopen': reopenCase,
  'cases.import': importCases,
  'cases.export': exportCases,
  'assessments.run': runAssessment,
  'assessments.list': listAssessments,
  'rulesets.list': (ctx) => listRuleSets(ctx),
  'rulesets.save': saveRuleSet,
  'users.list': (ctx) => listUsers(ctx),
  'users.create': createUser,
  'audit.list': listAudit,
  'audit.verify': (ctx) => verifyAudit(ctx),
};

export interface Router {
  dispatch<C extends Channel>(channel: C | string, payload: unknown): ApiResponse<C>;
}

export function createRouter(ctx: ServiceContext, log: (message: string) => void = console.error): Router {
  return {
    dispatch<C extends Channel>(channel: C | string, payload: unknown): ApiResponse<C> {
      if (!Object.hasOwn(API, channel)) {
        return { ok: false, error: { code: 'not_found', messageKey: 'error.unknown_channel', problems: [{ field: 'channel', message: `no channel "${channel}"` }] } };
      }
      const contract = API[channel as C];
      const parsed = contract.input.safeParse(payload);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_input', messageKey: 'error.invalid_input', problems: problemsOf(parsed.error) } };
      if (!(contract.roles as readonly string[]).includes(ctx.user.role)) {
        return { ok: false, error: { code: 'forbidden', messageKey: 'error.role_forbidden', problems: [] } };
      }
      try {
        const handler = HANDLERS[channel as C] as Handler<C>;
        return { ok: true, data: handler(ctx, payload) };
      } catch (error) {
        if (error instanceof ServiceError) return { ok: false, error: error.toJSON() };
        log(`router: ${channel} failed: ${(error as Error).stack ?? String(error)}`);
        return { ok: false, error: { code: 'internal', messageKey: 'error.internal', problems: [] } };
      }
    },
  };
}
