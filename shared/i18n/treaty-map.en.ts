/** English messages of the treaty map: the treaty-basis condition, instrument names and the map's screens. */
export const treatyMapEn = {
  'ui.field.treatyMap': 'the treaty map entry (Treaties › Treaty map)',
  'error.treaty_map_not_found': 'No such treaty map version.',
  'error.invalid_treaty_map': 'The treaty map is not valid.',
  'error.treaty_map_version_exists': 'That treaty map version already exists.',
  'condition.treaty-basis': 'Treaty basis',
  'param.moment.reference': 'the reference date',
  'param.moment.transfer': 'the planned transfer date',

  'cond.treatyBasis.arrangement': 'An arrangement made for this case between {a} and {b}, in force from {from}.',
  'cond.treatyBasis.notMet.noArrangement': 'The treaty map records that {a} and {b} have no arrangement and can make none (see the source): an arrangement for this case is no basis for a transfer between them.',
  'cond.treatyBasis.noMapEntry':
    'The treaty map has no entry for this rule-set ({ruleSet}): which States it binds, and from when, is not recorded. Record it in the treaty map before relying on the verdict.',
  'cond.treatyBasis.met': '{instrument} binds {a} and {b} on {on}, {moment}.',
  'cond.treatyBasis.met.transitional': '{instrument} still applies between {a} and {b} on {on} to a judgment of this date, under the transitional declaration of {state}.',
  'cond.treatyBasis.met.via': 'The programme applies between {a} and {b} on {on}, {moment}, through {via}.',
  'cond.treatyBasis.notMet.not-party': '{state} is not a party to {instrument}.',
  'cond.treatyBasis.notMet.not-yet': '{instrument} is not yet in force for {state} on {on}, {moment}: it is from {opens}.',
  'cond.treatyBasis.notMet.not-yet.noDate': '{state} is not bound by {instrument} on {on}, {moment} (signed, not ratified): no date of entry into force is known.',
  'step.window.instrument.ceased': '{instrument} no longer applies to {state} from {date} (its denunciation takes effect): the window for a transfer under it ends on {last}.',
  'step.window.instrument.replaced': '{instead} replaces {instrument} between the two States from {date}: the window for a transfer under {instrument} ends on {last}.',
  'cond.treatyBasis.notMet.ceased': '{instrument} no longer applies to {state} on {on}, {moment}.',
  'cond.treatyBasis.notMet.replaced': 'Between {a} and {b}, {instead} replaces {instrument} on {on}, {moment}: the transfer goes under {instead}.',
  'cond.treatyBasis.notMet.no-scheme-party': 'Neither {a} nor {b} runs {instrument}.',
  'cond.treatyBasis.notMet.no-basis': 'No treaty that {instrument} runs on binds {a} and {b} on {on}, {moment}.',
  'cond.treatyBasis.unknown.no-map-entry': 'The treaty map has no entry for {instrument}: record which States it binds and from when.',
  'cond.treatyBasis.unknown.party-unconfirmed':
    'Whether {instrument} binds {state} on {on}, {moment}, is not confirmed in the treaty map: find its date of entry into force for {state} and record it.',
  'cond.treatyBasis.unknown.pattern':
    '{instrument} is a pattern: which agreement binds {a} and {b}, and from when, is not recorded. Find the agreement in force between them and record it.',
  'cond.treatyBasis.unknown.transitional-unconfirmed':
    '{state} declared that it keeps the earlier instruments for older judgments, but the date of its declaration is not confirmed: whether {instrument} or {instead} applies to this judgment is unknown.',
  'cond.treatyBasis.unknown.judgment-date-unknown':
    '{state} keeps the earlier instruments for judgments before a date: record the date of the judgment to tell whether {instrument} or {instead} applies.',

  'cond.nationality.met.declaration': 'Counts as a national of {state} under its declaration ({article}): {category}.',
  'cond.nationality.unknown.declaration':
    '{state} defined "national" by a declaration ({article}) that may cover this person ({category}), but it is not confirmed: check it.',
  'cond.nationality.unknown.unreadDeclaration':
    '{state} made a declaration defining "national" whose content the treaty map does not have; this person has a tie with {state} by residence: check whether it covers them.',
  'cond.dualCriminality.unknown.optOutUnconfirmed':
    '{state} may have declared (Art. {article}) that it checks dual criminality even for listed offences; the treaty map does not confirm it. Until it is confirmed, find out whether these offences are criminal in {state}: {offences}.',
  'param.category.permanent-residents': 'a permanent resident',
  'param.category.stateless-permanent-residents': 'a stateless permanent resident',
  'param.category.habitual-residents': 'a person who lives there',
  'param.category.close-ties': 'a person with close ties to it, as it judges',

  'param.instrument.coe-ets-112': 'the Transfer Convention (ETS 112)',
  'param.instrument.coe-ets-167': 'the Additional Protocol as amended (ETS 167, CETS 222)',
  'param.instrument.coe-ets-167-original': 'the Additional Protocol (ETS 167)',
  'param.instrument.eu-fd-2008-909': 'Framework Decision 2008/909/JHA',
  'param.instrument.oas-1993': 'the Inter-American Convention (1993)',
  'param.instrument.us-iptp': 'the US transfer programme',
  'param.instrument.us-th-1982': 'the US–Thailand treaty (1982)',
  'param.instrument.us-mx-1976': 'the US–Mexico treaty (1976)',
  'param.instrument.us-ca-1977': 'the US–Canada treaty (1977)',
  'param.instrument.it-br-2008': 'the Italy–Brazil treaty (2008)',
  'param.instrument.ru-bilateral': 'the Russian bilateral pattern',
  'param.instrument.ch-0-344-294': 'the Swiss bilateral treaty SR 0.344.294',
  'param.instrument.hk-th': 'the Hong Kong–Thailand agreement',
  'param.instrument.hk-us-1997': 'the Hong Kong–US agreement (1997)',
  'param.instrument.hk-ru-2021': 'the Hong Kong–Russia agreement (2021)',
  'param.instrument.hk-gb': 'the Hong Kong–United Kingdom agreement',
  'param.instrument.hk-it': 'the Hong Kong–Italy agreement',
  'param.instrument.hk-ph': 'the Hong Kong–Philippines agreement',
  'param.instrument.hk-fr': 'the Hong Kong–France agreement',
  'param.instrument.hk-mo': 'the Hong Kong–Macao arrangement',
  'param.instrument.hk-pt': 'the Hong Kong–Portugal agreement',
  'param.instrument.hk-es': 'the Hong Kong–Spain agreement',
  'param.instrument.hk-kr': 'the Hong Kong–Korea agreement',
  'param.instrument.hk-ng': 'the Hong Kong–Nigeria agreement',
  'param.instrument.hk-zm': 'the Hong Kong–Zambia agreement',
} as const;
