/** Required documents per rule-set, direction and step (docs/domain.md "Documents of a dossier"). */
import { describe, expect, it } from 'vitest';
import { hasMessage, LOCALES } from '../i18n/index.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../treaties/schema.ts';
import { ETS_112_DOCUMENTS } from './document-sets.ts';
import { defaultStatus, isDone, requirementsFor } from './documents.ts';

const rs = (id: string) => builtInRuleSet(id) as RuleSet;

describe('requirementsFor', () => {
  it('ETS 112 outgoing: the Art. 6(2) dossier is needed to send the request', () => {
    const needed = requirementsFor(rs('coe-ets-112'), 'outgoing').filter((d) => d.required && d.step === 'requested').map((d) => d.kind);
    expect(needed).toEqual(['notification-to-administering-state', 'certified-judgment', 'time-served-statement', 'consent-declaration']);
  });

  it('ETS 112 incoming: the Art. 6(1) documents go with our request, the judgment comes before the agreement', () => {
    const docs = requirementsFor(rs('coe-ets-112'), 'incoming');
    expect(docs.find((d) => d.kind === 'nationality-proof')).toEqual({ kind: 'nationality-proof', step: 'requested', required: true });
    expect(docs.find((d) => d.kind === 'certified-judgment')).toEqual({ kind: 'certified-judgment', step: 'agreed', required: true });
    expect(docs.some((d) => d.kind === 'information-notice')).toBe(false);
  });

  it('each kind once, at its earliest step, required if either listing requires it', () => {
    const custom = { documents: { value: [
      { kind: 'x', direction: 'both' as const, step: 'agreed' as const, required: false },
      { kind: 'x', direction: 'outgoing' as const, step: 'dossier' as const, required: true },
    ], source: 's', confidence: 'U' as const } };
    expect(requirementsFor(custom, 'outgoing')).toEqual([{ kind: 'x', step: 'dossier', required: true }]);
    expect(requirementsFor(custom, 'incoming')).toEqual([{ kind: 'x', step: 'agreed', required: false }]);
  });

  it('2008/909 asks for the certificate, US IPTP for the verification hearing record', () => {
    expect(requirementsFor(rs('eu-fd-2008-909'), 'outgoing').map((d) => d.kind)).toContain('eu-certificate');
    expect(requirementsFor(rs('us-iptp'), 'outgoing').find((d) => d.kind === 'consent-verification-record')?.required).toBe(true);
  });

  it('every built-in lists documents; a rule-set without the parameter gets the ETS 112 list, unconfirmed', () => {
    for (const r of BUILT_IN_RULESETS) expect(r.documents.value.length, r.id).toBeGreaterThan(0);
    const { documents: _, ...rest } = rs('eu-fd-2008-909');
    const parsed = ruleSetSchema.parse(rest);
    expect(parsed.documents.value).toEqual(ETS_112_DOCUMENTS);
    expect(parsed.documents.confidence).toBe('U');
  });
});

describe('Hong Kong: the Cap. 513 warrant before the handover', () => {
  it('outgoing (Hong Kong sentencing) needs the outward warrant, incoming the inward warrant, both by the transfer', () => {
    const out = requirementsFor(rs('hk-gb'), 'outgoing');
    const inc = requirementsFor(rs('hk-gb'), 'incoming');
    expect(out.find((d) => d.kind === 'outward-warrant')).toEqual({ kind: 'outward-warrant', step: 'transferred', required: true });
    expect(out.some((d) => d.kind === 'inward-warrant')).toBe(false);
    expect(inc.find((d) => d.kind === 'inward-warrant')).toEqual({ kind: 'inward-warrant', step: 'transferred', required: true });
  });

  it('every document kind of every built-in has a label in both languages', () => {
    for (const r of BUILT_IN_RULESETS) {
      for (const d of r.documents.value) {
        for (const locale of LOCALES) expect(hasMessage(locale, `workflow.document.${d.kind}`), `${r.id} ${d.kind} ${locale}`).toBe(true);
      }
    }
  });
});

describe('document status', () => {
  it('received, verified, sent and not applicable are done; required and requested are not', () => {
    expect(['required', 'requested', 'received', 'verified', 'sent', 'not_applicable'].filter((s) => isDone(s as never))).toEqual(['received', 'verified', 'sent', 'not_applicable']);
  });

  it('a required document starts as required, an optional one as not applicable', () => {
    expect(defaultStatus({ required: true })).toBe('required');
    expect(defaultStatus({ required: false })).toBe('not_applicable');
  });
});
