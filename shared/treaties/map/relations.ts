/**
 * Questions asked of the treaty map: does an instrument bind a State on a day, does it apply
 * between two States on a day (parties, replacement by a later instrument, transitional
 * declarations), and which declarations of a State touch a condition. Pure, and cheap
 * enough to ask for every case of a store against every instrument (the route finder):
 * the map is indexed once per version.
 */
import { parseIsoDate, type DayNumber } from '../../sentence/calendar.ts';
import type { Confidence } from '../confidence.ts';
import type { Declaration, DeclarationKind, Instrument, Party, TreatyMap, UnidentifiedDeclaration } from './schema.ts';

interface IndexedParty {
  party: Party;
  entry: DayNumber | null;
  provisional: DayNumber | null;
  inForceBy: DayNumber | null;
  ceases: DayNumber | null;
}

interface IndexedInstrument {
  instrument: Instrument;
  parties: Map<string, IndexedParty>;
  /** Declarations by State, this instrument's and those of `declarationsOf`. */
  declarations: Map<string, Declaration[]>;
  /** Replacements of this instrument by others: the replacing instrument and the replacement. */
  replacedBy: { by: IndexedInstrument; from: DayNumber; replacement: Instrument['replaces'][number] }[];
}

/** The map indexed for lookups; build it once per map version (`indexTreatyMap`). */
export interface TreatyMapIndex {
  readonly map: TreatyMap;
  /** sha256 of the canonical JSON of the map, when the caller knows it (stored with assessments). */
  readonly hash: string | null;
  readonly instruments: ReadonlyMap<string, IndexedInstrument>;
  readonly byRuleSet: ReadonlyMap<string, IndexedInstrument>;
}

const day = (iso: string | null): DayNumber | null => (iso === null ? null : parseIsoDate(iso));

export function indexTreatyMap(map: TreatyMap, hash: string | null = null): TreatyMapIndex {
  const instruments = new Map<string, IndexedInstrument>();
  for (const instrument of map.instruments) {
    const parties = new Map<string, IndexedParty>();
    for (const party of instrument.parties) {
      parties.set(party.state, {
        party,
        entry: day(party.entryIntoForce),
        provisional: day(party.provisionalFrom),
        inForceBy: day(party.inForceBy),
        ceases: day(party.ceasesFrom),
      });
    }
    instruments.set(instrument.id, { instrument, parties, declarations: new Map(), replacedBy: [] });
  }
  for (const indexed of instruments.values()) {
    for (const id of [indexed.instrument.id, ...indexed.instrument.declarationsOf]) {
      for (const d of instruments.get(id)?.instrument.declarations ?? []) {
        const list = indexed.declarations.get(d.state);
        if (list === undefined) indexed.declarations.set(d.state, [d]);
        else list.push(d);
      }
    }
    for (const replacement of indexed.instrument.replaces) {
      for (const id of replacement.instruments) {
        instruments.get(id)?.replacedBy.push({ by: indexed, from: parseIsoDate(replacement.from), replacement });
      }
    }
  }
  const byRuleSet = new Map<string, IndexedInstrument>();
  for (const indexed of instruments.values()) for (const r of indexed.instrument.ruleSets) byRuleSet.set(r, indexed);
  return { map, hash, instruments, byRuleSet };
}

/** How an instrument stands for one State on one day. */
export type Binding =
  | { status: 'bound'; since: DayNumber; provisional: boolean; party: Party }
  /** Not yet bound: in force for it from `from`, or signed with no date known (`from` null, confirmed so). */
  | { status: 'not-yet'; from: DayNumber | null; party: Party }
  | { status: 'ceased'; since: DayNumber; party: Party }
  | { status: 'not-party' }
  /** The map does not know (an unconfirmed row without a date). */
  | { status: 'unknown'; party: Party };

function bindingOf(p: IndexedParty | undefined, on: DayNumber): Binding {
  if (p === undefined) return { status: 'not-party' };
  const { party, entry, provisional, inForceBy, ceases } = p;
  if (ceases !== null && on >= ceases) return { status: 'ceased', since: ceases, party };
  const start = entry !== null && provisional !== null ? Math.min(entry, provisional) : (entry ?? provisional);
  // No date: confirmed as signed only (not-yet, no date), or not known (a provisional application or a ratification without its date).
  if (start === null && inForceBy !== null) return on >= inForceBy ? { status: 'bound', since: inForceBy, provisional: false, party } : { status: 'unknown', party };
  if (start === null) {
    const signedOnly = party.signature !== null && party.consentToBeBound === null && party.confidence !== 'U';
    return signedOnly ? { status: 'not-yet', from: null, party } : { status: 'unknown', party };
  }
  if (on >= start) return { status: 'bound', since: start, provisional: entry === null || on < entry, party };
  return { status: 'not-yet', from: start, party };
}

export function bindingOn(index: TreatyMapIndex, instrumentId: string, state: string, on: DayNumber): Binding {
  return bindingOf(index.instruments.get(instrumentId)?.parties.get(state), on);
}

/** The sources and confidence of what a relation rests on. */
export interface Evidence {
  sources: string[];
  confidence: Confidence;
}

export type Relation =
  | { status: 'applies'; via: string | null; evidence: Evidence }
  | {
      status: 'not-applies';
      reason: 'not-party' | 'not-yet' | 'ceased' | 'replaced' | 'no-scheme-party' | 'no-basis';
      /** The State the reason concerns, and the instrument that applies instead (replacement). */
      state: string | null;
      instead: string | null;
      /** The first day it will apply, when one is known. */
      opensOn: DayNumber | null;
      evidence: Evidence;
    }
  | {
      status: 'unknown';
      reason: 'no-map-entry' | 'party-unconfirmed' | 'pattern' | 'transitional-unconfirmed' | 'judgment-date-unknown';
      state: string | null;
      instead: string | null;
      evidence: Evidence;
    };

const RANK: Record<Confidence, number> = { C: 0, S: 1, U: 2 };
const CONFIDENCE_OF: readonly Confidence[] = ['C', 'S', 'U'];

type Row = { source: string; confidence: Confidence };

/**
 * The evidence of a set of map rows, made once per combination: the rows are the map's own
 * objects, so a chain of weak maps keyed by them finds it again without building anything
 * (the route finder asks the same few combinations for every case of a store).
 */
interface MemoNode {
  next: WeakMap<object, MemoNode>;
  value?: Evidence;
}
const MEMO: MemoNode = { next: new WeakMap() };
const ABSENT = {};
const NO_EVIDENCE: Evidence = { sources: [], confidence: 'U' };

function evidence(...rows: (Row | undefined)[]): Evidence {
  let node = MEMO;
  for (const r of rows) {
    const key = r ?? ABSENT;
    let next = node.next.get(key);
    if (next === undefined) {
      next = { next: new WeakMap() };
      node.next.set(key, next);
    }
    node = next;
  }
  node.value ??= evidenceOf(rows);
  return node.value;
}

function evidenceOf(rows: readonly (Row | undefined)[]): Evidence {
  const sources: string[] = [];
  let worst = 0;
  for (const r of rows) {
    if (r === undefined) continue;
    if (!sources.includes(r.source)) sources.push(r.source);
    worst = Math.max(worst, RANK[r.confidence]);
  }
  return { sources, confidence: CONFIDENCE_OF[worst] as Confidence };
}

export interface RelationQuery {
  /** The sentencing State and the administering State. */
  a: string;
  b: string;
  on: DayNumber;
  /** The judgment's date, for transitional declarations (EU FD 2008/909 Art. 28(2)). */
  judgment: DayNumber | null;
}

/** Does instrument `id` apply between `a` and `b` on a day? */
export function relationOn(index: TreatyMapIndex, id: string, q: RelationQuery): Relation {
  const indexed = index.instruments.get(id);
  if (indexed === undefined) return { status: 'unknown', reason: 'no-map-entry', state: null, instead: null, evidence: NO_EVIDENCE };
  const { instrument } = indexed;
  if (instrument.kind === 'pattern') {
    return { status: 'unknown', reason: 'pattern', state: null, instead: null, evidence: evidence(instrument.inForce) };
  }
  if (instrument.kind === 'domestic-scheme') return schemeRelation(index, indexed, q);
  return partiesRelation(indexed, q);
}

function partiesRelation(indexed: IndexedInstrument, q: RelationQuery): Relation {
  const ba = bindingOf(indexed.parties.get(q.a), q.on);
  const bb = bindingOf(indexed.parties.get(q.b), q.on);
  const rows = evidence('party' in ba ? ba.party : undefined, 'party' in bb ? bb.party : undefined);
  for (const [state, b] of [[q.a, ba], [q.b, bb]] as const) {
    if (b.status === 'not-party') return { status: 'not-applies', reason: 'not-party', state, instead: null, opensOn: null, evidence: rows };
    if (b.status === 'ceased') return { status: 'not-applies', reason: 'ceased', state, instead: null, opensOn: null, evidence: rows };
  }
  for (const [state, b] of [[q.a, ba], [q.b, bb]] as const) {
    if (b.status === 'unknown') return { status: 'unknown', reason: 'party-unconfirmed', state, instead: null, evidence: rows };
  }
  if (ba.status === 'not-yet' || bb.status === 'not-yet') {
    const later = [ba, bb].filter((b): b is Extract<Binding, { status: 'not-yet' }> => b.status === 'not-yet');
    const state = ba.status === 'not-yet' ? q.a : q.b;
    const opensOn = later.some((b) => b.from === null) ? null : Math.max(...later.map((b) => b.from as DayNumber));
    return { status: 'not-applies', reason: 'not-yet', state, instead: null, opensOn, evidence: rows };
  }
  const replaced = replacement(indexed, q);
  if (replaced !== null) return replaced;
  return { status: 'applies', via: null, evidence: rows };
}

/** Where an instrument that applies between two States stops applying: the first day it no longer does, and why. */
export interface RelationEnd {
  on: DayNumber;
  reason: 'ceased' | 'replaced';
  /** The State whose denunciation takes effect (ceased), or the instrument that applies instead (replaced). */
  state: string | null;
  instead: string | null;
}

/**
 * The first day after `q.on` on which instrument `id`, applying between `q.a` and `q.b` on
 * `q.on`, stops applying between them, as far as the map already knows: a party's denunciation
 * taking effect, or a later instrument binding both that replaces it (unless a transitional
 * declaration keeps it for this judgment). Null when no end is known, when it does not apply on
 * `q.on`, and for a domestic scheme or a pattern (their basis is not followed here).
 */
export function relationEndsAfter(index: TreatyMapIndex, id: string, q: RelationQuery): RelationEnd | null {
  const indexed = index.instruments.get(id);
  if (indexed === undefined || indexed.instrument.kind === 'pattern' || indexed.instrument.kind === 'domestic-scheme') return null;
  if (partiesRelation(indexed, q).status !== 'applies') return null;
  const candidates: RelationEnd[] = [];
  for (const state of [q.a, q.b]) {
    const ceases = indexed.parties.get(state)?.ceases ?? null;
    if (ceases !== null && ceases > q.on) candidates.push({ on: ceases, reason: 'ceased', state, instead: null });
  }
  for (const { by, from } of indexed.replacedBy) {
    const [startA, startB] = [q.a, q.b].map((state) => {
      const p = by.parties.get(state);
      if (p === undefined) return null;
      return p.entry !== null && p.provisional !== null ? Math.min(p.entry, p.provisional) : (p.entry ?? p.provisional ?? p.inForceBy);
    });
    if (startA == null || startB == null) continue;
    const on = Math.max(from, startA, startB);
    if (on > q.on) candidates.push({ on, reason: 'replaced', state: null, instead: by.instrument.id });
  }
  candidates.sort((x, y) => x.on - y.on);
  // Only an end the map confirms on its day: a transitional declaration may keep the instrument, an unconfirmed row settles nothing.
  return candidates.find((c) => partiesRelation(indexed, { ...q, on: c.on }).status === 'not-applies') ?? null;
}

/**
 * A later instrument that binds both States on the day replaces this one between them (EU FD
 * 2008/909 Art. 26(1) for ETS 112 and 167 between Member States), unless a transitional
 * declaration of either State keeps the old instrument for a judgment issued before its date.
 */
function replacement(indexed: IndexedInstrument, q: RelationQuery): Relation | null {
  for (const { by, from, replacement: r } of indexed.replacedBy) {
    if (q.on < from) continue;
    const ba = bindingOf(by.parties.get(q.a), q.on);
    const bb = bindingOf(by.parties.get(q.b), q.on);
    if (ba.status !== 'bound' || bb.status !== 'bound') {
      // Replaced only if both are bound: one known not to be settles it, whatever the other's status.
      const settled = [ba, bb].some((b) => b.status !== 'bound' && b.status !== 'unknown');
      if (!settled) {
        return { status: 'unknown', reason: 'party-unconfirmed', state: ba.status === 'unknown' ? q.a : q.b, instead: by.instrument.id, evidence: evidence(r, 'party' in ba ? ba.party : undefined, 'party' in bb ? bb.party : undefined) };
      }
      continue;
    }
    const base = evidence(r, ba.party, bb.party);
    const transitional = [q.a, q.b].flatMap((s) => by.instrument.declarations.filter((d) => d.state === s && d.kind === 'transitional'));
    for (const d of transitional) {
      if (d.kind !== 'transitional') continue;
      if (d.judgmentsBefore === null || d.confidence === 'U') {
        return { status: 'unknown', reason: 'transitional-unconfirmed', state: d.state, instead: by.instrument.id, evidence: evidence(r, ba.party, bb.party, d) };
      }
      if (q.judgment === null) return { status: 'unknown', reason: 'judgment-date-unknown', state: d.state, instead: by.instrument.id, evidence: evidence(r, d) };
      if (q.judgment < parseIsoDate(d.judgmentsBefore)) {
        return { status: 'applies', via: `transitional:${d.state}`, evidence: evidence(r, ba.party, bb.party, d) };
      }
    }
    return { status: 'not-applies', reason: 'replaced', state: null, instead: by.instrument.id, opensOn: null, evidence: base };
  }
  return null;
}

/** A domestic scheme is open between its own party and a State bound with it by one of its basis instruments. */
function schemeRelation(index: TreatyMapIndex, indexed: IndexedInstrument, q: RelationQuery): Relation {
  const own = indexed.instrument.parties.map((p) => p.state);
  const [home, other] = own.includes(q.a) ? [q.a, q.b] : own.includes(q.b) ? [q.b, q.a] : [null, null];
  if (home === null || other === null) return { status: 'not-applies', reason: 'no-scheme-party', state: null, instead: null, opensOn: null, evidence: evidence(indexed.instrument.inForce) };
  let unknown: Relation | null = null;
  let opensOn: DayNumber | null = null;
  for (const id of indexed.instrument.basis) {
    const r = relationOn(index, id, { ...q, a: home, b: other });
    if (r.status === 'applies') return { ...r, via: id };
    if (r.status === 'unknown') unknown ??= { ...r, instead: id };
    if (r.status === 'not-applies' && r.reason === 'not-yet' && r.opensOn !== null) opensOn = opensOn === null ? r.opensOn : Math.min(opensOn, r.opensOn);
  }
  if (unknown !== null) return unknown;
  return { status: 'not-applies', reason: 'no-basis', state: other, instead: null, opensOn, evidence: evidence(indexed.instrument.inForce) };
}

/** A State's declarations under an instrument (and those it reads) of one kind, in effect on a day. */
export function declarationsOf<K extends DeclarationKind>(
  index: TreatyMapIndex,
  ruleSetOrInstrument: string,
  state: string,
  kind: K,
  on: DayNumber,
): Extract<Declaration, { kind: K }>[] {
  const indexed = index.byRuleSet.get(ruleSetOrInstrument) ?? index.instruments.get(ruleSetOrInstrument);
  const list = indexed?.declarations.get(state);
  if (list === undefined) return [];
  return list.filter((d): d is Extract<Declaration, { kind: K }> => d.kind === kind && (d.from === null || parseIsoDate(d.from) <= on));
}

/**
 * The declarations of `kind` under the instrument (or a rule-set's) that some parties made
 * without the map knowing which, and that `state` may have made: it has no row of the kind and
 * is not confirmed to have made none. Undated: a declaration known by a later day may already
 * have had effect on an earlier one.
 */
export function unidentifiedDeclarationsOf(index: TreatyMapIndex, ruleSetOrInstrument: string, state: string, kind: UnidentifiedDeclaration['kind']): UnidentifiedDeclaration[] {
  const indexed = index.byRuleSet.get(ruleSetOrInstrument) ?? index.instruments.get(ruleSetOrInstrument);
  if (indexed === undefined || indexed.instrument.unidentifiedDeclarations.length === 0) return [];
  if (indexed.declarations.get(state)?.some((d) => d.kind === kind) === true) return [];
  return indexed.instrument.unidentifiedDeclarations.filter((u) => u.kind === kind && !u.notBy.includes(state));
}

/** The instrument a rule-set applies, if the map knows it. */
export function instrumentOfRuleSet(index: TreatyMapIndex, ruleSetId: string): Instrument | undefined {
  return index.byRuleSet.get(ruleSetId)?.instrument;
}

/** The map's record that two places have no arrangement and can have none (Hong Kong and the Mainland), in either order; null when it has none. */
export function noArrangementBetween(index: TreatyMapIndex, a: string, b: string): TreatyMap['noArrangements'][number] | null {
  return index.map.noArrangements.find((n) => (n.between[0] === a && n.between[1] === b) || (n.between[0] === b && n.between[1] === a)) ?? null;
}
