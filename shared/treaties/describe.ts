/**
 * A rule parameter's value in words, in the reader's language: "6 months, mandatory, the
 * States may agree otherwise" rather than `{"duration":{"months":6},...}`. Used by the
 * Treaties page, its diff and the CLI; every word comes from the catalogs.
 */
import { formatPeriod, t, type Locale } from '../i18n/index.ts';
import { placeName } from '../reports/wording.ts';
import type { ParameterKey } from './parameter-groups.ts';
import type { ConsentException, Duration, RuleSet } from './schema.ts';

type Say = (key: string, params?: Record<string, string | number>) => string;

const period = (locale: Locale, d: Duration) => formatPeriod(locale, { years: d.years, months: d.months, days: d.days });

function list(locale: Locale, items: readonly string[]): string {
  return items.join(locale === 'en' ? '; ' : '；');
}

function describers(locale: Locale, say: Say): { [K in ParameterKey]: (value: RuleSet[K]['value']) => string } {
  const yesNo = (v: boolean) => say(v ? 'treaties.v.yes' : 'treaties.v.no');
  // States and places by name in the reader's language, never by code.
  const states = (codes: readonly string[] | null) => (codes === null ? say('treaties.v.allStates') : places(locale, codes));
  const bases = (b: readonly string[]) => b.map((x) => say(`treaties.link.${x}`)).join(say('treaties.v.or'));
  return {
    referenceEvent: (v) => say(`param.event.${v}`),
    statesAgreementRequired: (v) => say(v ? 'treaties.v.required' : 'treaties.v.notRequired'),
    link: (v) =>
      list(locale, [
        bases(v.default),
        ...Object.entries(v.byAdministeringState).map(([state, b]) => say('treaties.v.linkFor', { state, bases: bases(b) })),
      ]),
    dualNationality: (v) =>
      typeof v === 'string'
        ? say(`treaties.dualNationality.${v}`)
        : list(locale, [
            say(`treaties.dualNationality.${v.default}`),
            ...Object.entries(v.bySentencingState).map(([state, rule]) => say('treaties.v.sentencedIn', { state, rule: say(`treaties.dualNationality.${rule}`) })),
          ]),
    finality: (v) => (v.required ? say('treaties.v.finality', { definition: say(`treaties.finality.${v.definition}`) }) : say('treaties.v.notRequired')),
    otherProceedings: (v) => say(`treaties.otherProceedings.${v}`),
    minRemaining: (v) =>
      v === null ? say('treaties.v.noMinimum') : say('treaties.v.minRemaining', { period: period(locale, v.duration), effect: say(`treaties.effect.${v.effect}`) }),
    remainingBasis: (v) => say(`param.basis.${v}`),
    indeterminateBypass: yesNo,
    minServed: (v) =>
      v === null
        ? say('treaties.v.none')
        : say('treaties.v.minServed', {
            fraction: `${v.numerator}/${v.denominator}`,
            life: v.lifeMinimum === null ? say('treaties.v.notKnown') : period(locale, v.lifeMinimum),
            states: states(v.sentencingStates),
          }),
    consent: (v) =>
      list(locale, [
        say(v.required ? 'treaties.v.required' : 'treaties.v.notRequired'),
        say('treaties.v.representative', {
          triggers: v.representativeTriggers.length === 0 ? say('treaties.v.none') : v.representativeTriggers.map((x) => say(`treaties.trigger.${x}`)).join(', '),
        }),
        ...(v.minorAge === null ? [] : [say('treaties.v.minorAge', { age: v.minorAge })]),
        say(`treaties.irrevocable.${v.irrevocableAfter}`),
      ]),
    dualCriminality: (v) => (v.required ? say('treaties.v.dualCriminality', { test: say(`param.test.${v.test}`) }) : say('treaties.v.notRequired')),
    listExemption: (v) =>
      v === null
        ? say('treaties.v.none')
        : say('treaties.v.listExemption', { months: v.thresholdMonths, optOut: v.optOutStates.length === 0 ? say('treaties.v.none') : places(locale, v.optOutStates) }),
    excludedOffences: (v) => (v.length === 0 ? say('treaties.v.none') : list(locale, v.map((code) => say(`ui.category.${code}`)))),
    deathSentence: (v) => say(`treaties.deathSentence.${v}`),
    financialObligations: (v) =>
      v.rule === 'none'
        ? say('treaties.financial.none')
        : say('treaties.v.financial', { rule: say(`treaties.financial.${v.rule}`), scope: v.scope.map((k) => say(`ui.form.obligationKind.${k}`)).join(', ') }),
    partialTransfer: yesNo,
    discretionaryRefusalGrounds: (v) => (v.length === 0 ? say('treaties.v.none') : list(locale, v.map((g) => say(`treaties.ground.${g}`)))),
    deadlines: (v) =>
      v.length === 0 ? say('treaties.v.none') : list(locale, v.map((d) => say('treaties.v.deadline', { id: d.id, days: d.days, after: d.after }))),
    documents: (v) => say('workflow.param.documents', { required: v.filter((d) => d.required).length, total: v.length }),
    offenceScope: (v) => say(`treaties.offenceScope.${v}`),
    conditionalRelease: (v) => say(`treaties.conditionalRelease.${v}`),
    domicileExclusion: (v) => (v === null ? say('treaties.v.none') : say('treaties.v.domicile', { years: v.years, intent: yesNo(v.intentToRemain) })),
    subnationalConsent: (v) =>
      typeof v === 'boolean' ? say(v ? 'treaties.v.required' : 'treaties.v.notRequired') : say('treaties.v.requiredSentencedIn', { states: states(v.sentencingStates) }),
  };
}

const cache = new Map<Locale, ReturnType<typeof describers>>();

/** A parameter's value in words; a value of a shape this reader does not know is shown as JSON, never hidden. */
const places = (locale: Locale, codes: readonly string[]): string => codes.map((code) => placeName(locale, code)).join(locale === 'en' ? ', ' : '、');

export function describeParameter<K extends ParameterKey>(locale: Locale, key: K, value: RuleSet[K]['value']): string {
  let table = cache.get(locale);
  if (table === undefined) {
    // A place parameter (`state`) by its name, as everywhere else: "sentenced in Hong Kong", not "HK".
    const say: Say = (k, params = {}) => t(locale, k, params, { formatPlace: (code) => placeName(locale, code) });
    table = describers(locale, say);
    cache.set(locale, table);
  }
  const describe = table[key] as ((v: unknown) => string) | undefined;
  if (describe === undefined) return JSON.stringify(value);
  try {
    return describe(value);
  } catch {
    return JSON.stringify(value);
  }
}

/** A consent-free route in words: "expulsion ordered in the sentence (the person's opinion is required)". */
export function describeConsentRoute(locale: Locale, route: ConsentException): string {
  const parts = [t(locale, `param.route.${route.kind}`)];
  if (route.opinionRequired) parts.push(t(locale, 'treaties.v.opinionRequired'));
  if (route.notForAdministeringStates.length > 0) parts.push(t(locale, 'treaties.v.notFor', { states: places(locale, route.notForAdministeringStates) }));
  return parts.join(locale === 'en' ? ', ' : '，');
}
