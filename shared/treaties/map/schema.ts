/**
 * The treaty map (`tsp-treaty-map/1`): which instrument binds which States and places, from
 * when, with which declarations, and which instrument replaces which between whom. It is a
 * dated document like a rule-set (immutable versions, hashed, importable and exportable);
 * every party row and declaration carries its source and confidence (C from the depositary's
 * or a party's official record, S secondary, U not found: then the date is null and the
 * treaty basis between those States is unknown, never assumed).
 */
import { z } from 'zod';
import { boundedDate as isoDate, country as place } from '../../domain/fields.ts';
import { consentExceptionKinds } from '../schema.ts';

export const TREATY_MAP_FORMAT = 'tsp-treaty-map/1';

const dated = isoDate.nullable();
const instrumentId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'validation.ruleset.id' }).max(80);
const confidence = z.enum(['C', 'S', 'U'], { error: 'validation.ruleset.confidence' });
const source = z.string().min(1, { error: 'validation.map.source' }).max(500);
const note = z.string().max(2000).optional();

/**
 * One State's or place's relation to an instrument. `entryIntoForce` null means not in force
 * for it: confirmed so (C/S: signed only) or not known (U). `ceasesFrom` is the first day the
 * instrument no longer applies to it (a denunciation taking effect, a withdrawal).
 */
export const partySchema = z
  .object({
    state: place,
    signature: dated.default(null),
    /** Ratification, accession, acceptance or approval. */
    consentToBeBound: dated.default(null),
    entryIntoForce: dated,
    /** Provisional application before entry into force (e.g. CETS 222 Art. 5). */
    provisionalFrom: dated.default(null),
    /**
     * When the date of entry into force is not known but a source shows the instrument in
     * operation for this party by a day: bound from that day; before it, unknown.
     */
    inForceBy: dated.default(null),
    ceasesFrom: dated.default(null),
    source,
    confidence,
    note,
  })
  .strict();

/** The categories a State's definition of "national" adds (ETS 112 Art. 3(4)), as facts the case file holds. */
export const NATIONAL_EXTENSIONS = [
  'permanent-residents', // permanent residence there (person.permanentResidence)
  'stateless-permanent-residents', // no nationality, permanent residence there
  'habitual-residents', // lives there (person.livesIn)
  'close-ties', // persons with close ties to the State, as it judges (UK, Ireland, Norway): open for someone who lives there
] as const;

const declarationBase = {
  state: place,
  /** The article the declaration is made under, e.g. "3(4)". */
  article: z.string().min(1).max(40),
  /** The first day it has effect, when known (null: from the State's entry into force). */
  from: dated.default(null),
  /** What it says, in our words. */
  summary: z.string().min(1).max(2000),
  source,
  confidence,
};

export const declarationSchema = z.discriminatedUnion('kind', [
  /** ETS 112 Art. 3(4): whom the State counts as its national for the instrument. */
  z.object({ ...declarationBase, kind: z.literal('national-definition'), includes: z.array(z.enum(NATIONAL_EXTENSIONS)).min(1).max(NATIONAL_EXTENSIONS.length) }).strict(),
  /** ETS 112 Art. 3(3): the State excludes one of the procedures of Art. 9(1). */
  z.object({ ...declarationBase, kind: z.literal('excludes-procedure'), excludes: z.enum(['continued-enforcement', 'conversion']) }).strict(),
  /** ETS 167 Art. 3(6) and the like: the State will not take a case by these consent-free routes. */
  z.object({ ...declarationBase, kind: z.literal('consent-route-opt-out'), routes: z.array(z.enum(consentExceptionKinds)).min(1).max(consentExceptionKinds.length) }).strict(),
  /** EU FD 2008/909 Art. 7(4): the State will not apply the list exemption from dual criminality. */
  z.object({ ...declarationBase, kind: z.literal('dual-criminality-opt-out') }).strict(),
  /**
   * EU FD 2008/909 Art. 28(2): for judgments issued before `judgmentsBefore` the State keeps
   * applying the instruments the Framework Decision replaces (null: the date is not known).
   */
  z.object({ ...declarationBase, kind: z.literal('transitional'), judgmentsBefore: dated }).strict(),
  /** Anything else worth showing in the treaty table (channels, languages…); no condition reads it. */
  z.object({ ...declarationBase, kind: z.literal('other') }).strict(),
  /**
   * A declaration the State made whose content the map does not have: the conditions it may
   * concern read as unknown where it could make the difference, never as if it did not exist.
   */
  z.object({ ...declarationBase, kind: z.literal('unread'), mayConcern: z.array(z.enum(['national-definition', 'excludes-procedure', 'consent-route-opt-out', 'dual-criminality-opt-out'])).min(1).max(4) }).strict(),
]);

/**
 * Declarations that some parties are known to have made without the map knowing which (2008/909
 * Art. 7(4): "twelve Member States by December 2017"). A party with no declaration row of the
 * kind, and not in `notBy`, may be one of them: the conditions that read the kind take it as
 * unconfirmed for that party, never as absent. Only kinds a condition reads are allowed.
 */
export const unidentifiedDeclarationSchema = z
  .object({
    kind: z.enum(['dual-criminality-opt-out']),
    article: z.string().min(1).max(40),
    /** The day the source knew of them (null: not known). */
    asOf: dated.default(null),
    summary: z.string().min(1).max(2000),
    source,
    confidence,
    /** Parties confirmed not to have made one. */
    notBy: z.array(place).max(300).default([]),
  })
  .strict();

export const INSTRUMENT_KINDS = ['multilateral', 'bilateral', 'eu-mutual-recognition', 'domestic-scheme', 'pattern'] as const;

/** Between the parties of the replacing instrument, from `from`, the listed instruments no longer apply. */
export const replacementSchema = z
  .object({
    instruments: z.array(instrumentId).min(1).max(50),
    from: isoDate,
    summary: z.string().min(1).max(2000),
    source,
    confidence,
  })
  .strict();

export const instrumentSchema = z
  .object({
    id: instrumentId,
    title: z.string().min(1).max(300),
    kind: z.enum(INSTRUMENT_KINDS),
    /** The rule-sets that apply this instrument (a rule-set belongs to one instrument); none for one recorded only as a basis. */
    ruleSets: z.array(instrumentId).max(50).default([]),
    /** When the instrument itself entered into force (null: not yet, or not known). */
    inForce: z.object({ date: dated, source, confidence }).strict(),
    /**
     * A domestic scheme (the US transfer programme) runs on treaties: it is open between its
     * party and another State when one of these instruments binds them both.
     */
    basis: z.array(instrumentId).max(50).default([]),
    /** Instruments whose declarations this one reads too (ETS 167 reads ETS 112's definitions of "national"). */
    declarationsOf: z.array(instrumentId).max(50).default([]),
    /** The places it binds; for a `pattern` (a model agreement whose counterparty is not identified) the known side only. */
    parties: z.array(partySchema).max(300),
    declarations: z.array(declarationSchema).max(2000).default([]),
    unidentifiedDeclarations: z.array(unidentifiedDeclarationSchema).max(20).default([]),
    replaces: z.array(replacementSchema).max(50).default([]),
    note,
  })
  .strict();

/** A pair of places between which no arrangement exists (e.g. Hong Kong and the Mainland), for the treaty table. */
export const noArrangementSchema = z.object({ between: z.tuple([place, place]), summary: z.string().min(1).max(2000), source, confidence }).strict();

export const treatyMapSchema = z
  .object({
    format: z.literal(TREATY_MAP_FORMAT, { error: 'validation.map.format' }),
    version: z.string().min(1).max(80),
    /** The first day this version of the map is used. */
    effectiveFrom: isoDate,
    notes: note,
    instruments: z.array(instrumentSchema).min(1).max(500),
    noArrangements: z.array(noArrangementSchema).max(5000).default([]),
  })
  .strict()
  .superRefine((map, ctx) => {
    const ids = new Set<string>();
    const ruleSets = new Map<string, string>();
    map.instruments.forEach((instrument, i) => {
      if (ids.has(instrument.id)) ctx.addIssue({ code: 'custom', path: ['instruments', i, 'id'], message: 'validation.map.instrumentTwice', params: { id: instrument.id } });
      ids.add(instrument.id);
      for (const r of instrument.ruleSets) {
        const other = ruleSets.get(r);
        if (other !== undefined) ctx.addIssue({ code: 'custom', path: ['instruments', i, 'ruleSets'], message: 'validation.map.ruleSetTaken', params: { ruleSet: r, instrument: other } });
        ruleSets.set(r, instrument.id);
      }
      const states = new Set<string>();
      instrument.parties.forEach((party, j) => {
        if (states.has(party.state)) ctx.addIssue({ code: 'custom', path: ['instruments', i, 'parties', j, 'state'], message: 'validation.map.partyTwice', params: { state: party.state } });
        states.add(party.state);
        if (party.entryIntoForce !== null && party.ceasesFrom !== null && party.ceasesFrom <= party.entryIntoForce) {
          ctx.addIssue({ code: 'custom', path: ['instruments', i, 'parties', j, 'ceasesFrom'], message: 'validation.map.ceasesAfterEntry' });
        }
      });
      if (instrument.kind === 'domestic-scheme' && instrument.basis.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['instruments', i, 'basis'], message: 'validation.map.domesticBasis' });
      }
    });
    map.instruments.forEach((instrument, i) => {
      const refs = [...instrument.basis, ...instrument.declarationsOf, ...instrument.replaces.flatMap((r) => r.instruments)];
      for (const ref of refs) {
        if (!ids.has(ref)) ctx.addIssue({ code: 'custom', path: ['instruments', i], message: 'validation.map.unknownInstrument', params: { id: ref } });
      }
    });
  });

export type TreatyMap = z.infer<typeof treatyMapSchema>;
export type TreatyMapInput = z.input<typeof treatyMapSchema>;
export type Instrument = TreatyMap['instruments'][number];
export type Party = Instrument['parties'][number];
export type Declaration = Instrument['declarations'][number];
export type DeclarationKind = Declaration['kind'];
export type UnidentifiedDeclaration = Instrument['unidentifiedDeclarations'][number];
export type NationalExtension = (typeof NATIONAL_EXTENSIONS)[number];
