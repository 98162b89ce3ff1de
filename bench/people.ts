/**
 * Names and prison numbers for the large stores of the benchmark (a million persons): the
 * demo data's common names (a few surnames account for a large share, as in real caseloads)
 * plus a long tail of generated names, in Latin, Cyrillic, Chinese and Thai script. And the
 * queries an officer types: a surname, a given name and surname, the first letters of a
 * surname, a Cyrillic or Chinese name, a prison-number fragment.
 */
import {
  CHINESE_GIVEN, CHINESE_SURNAMES, LATIN_NAMES, RUSSIAN_GIVEN, RUSSIAN_SURNAMES, THAI_GIVEN, THAI_SURNAMES,
} from '../electron/services/demo-data.ts';

import { Random as Rng } from '../electron/services/seeded-random.ts';

export { Rng };

export interface Person {
  family_name: string;
  given_names: string | null;
  native_name: string | null;
  aliases: string | null;
  prison_number: string | null;
}

const LATIN_SYLLABLES = ['ka', 'lo', 'mer', 'tin', 'son', 'ber', 'ri', 'va', 'no', 'dal', 'ski', 'ez', 'man', 'der', 'gu', 'sto', 'fa', 'bri', 'ol', 'an', 'hel', 'mo', 'rak', 'zu'];
const CYRILLIC_ROOTS = ['Бел', 'Чер', 'Гор', 'Лес', 'Мель', 'Кова', 'Жук', 'Сав', 'Тар', 'Гри', 'Пет', 'Ник', 'Бор', 'Зай', 'Мак', 'Руд'];
const CYRILLIC_ENDINGS = ['ов', 'ев', 'ин', 'енко', 'ский', 'ович', 'ук', 'як'];
const CHINESE_CHARS = ['明', '華', '偉', '芳', '娟', '敏', '靜', '麗', '強', '磊', '軍', '洋', '勇', '艷', '傑', '濤', '超', '秀', '霞', '平', '剛', '桂', '英', '玉', '輝', '鵬', '婷', '龍', '欣', '宇'];
const THAI_PARTS = ['ศรี', 'สุข', 'ทอง', 'ดี', 'แก้ว', 'มณี', 'บุญ', 'มี', 'ชัย', 'พร', 'วงศ์', 'สวัสดิ์', 'รัตน', 'กร'];
const LATIN_KEYS = Object.keys(LATIN_NAMES);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function prisonNumber(rng: Rng, kind: number): string {
  switch (kind) {
    case 0:
      return `CSD ${pad(rng.int(10, 25), 2)}/${pad(rng.int(1, 99999), 5)}`;
    case 1:
      return `ИК-${rng.int(1, 30)}/${pad(rng.int(1, 999999), 6)}`;
    case 2:
      return `${pad(rng.int(1, 99999), 5)}-${pad(rng.int(1, 999), 3)}`;
    default:
      return `${String.fromCharCode(65 + rng.int(0, 25))}${pad(rng.int(0, 9999), 4)}${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}`;
  }
}

/** Person `i` of a large store: half common names, half a long tail. */
export function personAt(rng: Rng): Person {
  const script = rng.int(0, 9);
  const common = rng.next() < 0.5;
  const prison = rng.next() < 0.93 ? prisonNumber(rng, rng.int(0, 3)) : null;
  if (script <= 4) {
    const [surnames, given] = LATIN_NAMES[rng.pick(LATIN_KEYS)]!;
    const family = common ? rng.pick(surnames) : Array.from({ length: rng.int(2, 3) }, () => rng.pick(LATIN_SYLLABLES)).join('').toUpperCase();
    const givenName = rng.next() < 0.5 ? rng.pick(given) : capital(Array.from({ length: 2 }, () => rng.pick(LATIN_SYLLABLES)).join(''));
    return { family_name: family, given_names: givenName, native_name: null, aliases: rng.next() < 0.1 ? JSON.stringify([`${givenName} ${family}`.toLowerCase()]) : null, prison_number: prison };
  }
  if (script <= 6) {
    const [mLatin, , mCyr] = rng.pick(RUSSIAN_SURNAMES);
    const [givenLatin, givenCyr] = rng.pick(RUSSIAN_GIVEN);
    const cyr = common ? mCyr : rng.pick(CYRILLIC_ROOTS) + rng.pick(CYRILLIC_ENDINGS);
    return rng.next() < 0.6
      ? { family_name: common ? mLatin : 'VOLK', given_names: givenLatin, native_name: `${cyr} ${givenCyr}`, aliases: null, prison_number: prison }
      : { family_name: cyr, given_names: givenCyr, native_name: null, aliases: null, prison_number: prison };
  }
  if (script <= 8) {
    const [surnameHk, , surnameTrad] = rng.pick(CHINESE_SURNAMES);
    if (common) {
      const [givenHk, , givenTrad] = rng.pick(CHINESE_GIVEN);
      return { family_name: surnameHk, given_names: givenHk, native_name: surnameTrad + givenTrad, aliases: null, prison_number: prison };
    }
    const given = rng.pick(CHINESE_CHARS) + (rng.next() < 0.8 ? rng.pick(CHINESE_CHARS) : '');
    return { family_name: surnameHk, given_names: null, native_name: surnameTrad + given, aliases: null, prison_number: prison };
  }
  const [givenLatin, givenThai] = rng.pick(THAI_GIVEN);
  const [surnameLatin, surnameThai] = rng.pick(THAI_SURNAMES);
  const thaiSurname = common ? surnameThai : rng.pick(THAI_PARTS) + rng.pick(THAI_PARTS) + rng.pick(THAI_PARTS);
  return { family_name: common ? surnameLatin : 'THAI', given_names: givenLatin, native_name: `${givenThai} ${thaiSurname}`, aliases: null, prison_number: prison };
}

export interface Query {
  kind: string;
  text: string;
}

/** A query derived from a stored person, so that it finds at least that person. */
export function queryFor(rng: Rng, p: Person): Query {
  const roll = rng.int(0, 7);
  if (roll === 0 && p.prison_number !== null) {
    const start = rng.int(0, Math.max(0, p.prison_number.length - 6));
    return { kind: 'prison-number fragment', text: p.prison_number.slice(start, start + 6).trim() };
  }
  if (p.native_name !== null && /[\u4e00-\u9fff]/u.test(p.native_name)) {
    return roll <= 3 ? { kind: 'Chinese name', text: p.native_name } : { kind: 'Latin surname', text: p.family_name.toLowerCase() };
  }
  if (/[\u0400-\u04ff]/u.test(p.family_name) || (p.native_name !== null && /[\u0400-\u04ff]/u.test(p.native_name))) {
    const cyr = (/[\u0400-\u04ff]/u.test(p.family_name) ? p.family_name : p.native_name!.split(' ')[0]!);
    return { kind: 'Cyrillic name', text: roll <= 3 ? cyr : cyr.slice(0, 4) };
  }
  if (p.native_name !== null) return { kind: 'Thai name', text: p.native_name.split(' ')[1] ?? p.native_name };
  if (roll <= 2) return { kind: 'Latin surname', text: p.family_name.toLowerCase() };
  if (roll <= 4 && p.given_names !== null) return { kind: 'Latin given name + surname', text: `${p.given_names} ${p.family_name}`.toLowerCase() };
  return { kind: 'Latin surname, first letters', text: p.family_name.slice(0, 4).toLowerCase() };
}

/**
 * The queries with a word under three characters, which the trigram index cannot answer: a
 * two-character Chinese name (or the two-character given name), the first two letters of a
 * Latin surname as an officer starts typing it (or the whole of one: "ng", "ho"), one Chinese
 * character.
 */
export const SHORT_KINDS = ['Chinese name, 2 characters', 'Latin surname, 2 letters', 'Chinese character'] as const;

const HAN = /\p{Script=Han}/u;

/** A query of that kind derived from a stored person (so that it finds them), if the person has one. */
export function shortQueryFor(kind: (typeof SHORT_KINDS)[number], rng: Rng, p: Person): Query | undefined {
  const han = p.native_name !== null && HAN.test(p.native_name) ? [...p.native_name] : undefined;
  switch (kind) {
    case 'Chinese name, 2 characters': {
      const name = han?.length === 2 ? han : han?.slice(1);
      return name?.length === 2 ? { kind, text: name.join('') } : undefined;
    }
    case 'Latin surname, 2 letters':
      return /^[A-Z]{2,}$/u.test(p.family_name) ? { kind, text: p.family_name.slice(0, 2).toLowerCase() } : undefined;
    case 'Chinese character':
      return han === undefined ? undefined : { kind, text: rng.pick(han) };
  }
}
