/**
 * Names of the constituent States a sentence can be imposed under (`judgment.jurisdiction`,
 * ISO 3166-2). Intl.DisplayNames names countries only; the US States are the ones the
 * instruments ask about (a State prisoner's transfer needs that State's consent), so their
 * names are listed here in both languages. Any other subdivision is written with its
 * country's name.
 */
import type { Locale } from '../../shared/i18n/index.ts';

/** ISO 3166-2:US code (without "US-") → [English, Traditional Chinese]. */
export const US_STATES: Readonly<Record<string, readonly [string, string]>> = {
  AL: ['Alabama', '阿拉巴馬州'],
  AK: ['Alaska', '阿拉斯加州'],
  AZ: ['Arizona', '亞利桑那州'],
  AR: ['Arkansas', '阿肯色州'],
  CA: ['California', '加利福尼亞州'],
  CO: ['Colorado', '科羅拉多州'],
  CT: ['Connecticut', '康涅狄格州'],
  DE: ['Delaware', '特拉華州'],
  DC: ['District of Columbia', '哥倫比亞特區'],
  FL: ['Florida', '佛羅里達州'],
  GA: ['Georgia', '喬治亞州'],
  HI: ['Hawaii', '夏威夷州'],
  ID: ['Idaho', '愛達荷州'],
  IL: ['Illinois', '伊利諾州'],
  IN: ['Indiana', '印第安納州'],
  IA: ['Iowa', '愛荷華州'],
  KS: ['Kansas', '堪薩斯州'],
  KY: ['Kentucky', '肯塔基州'],
  LA: ['Louisiana', '路易斯安那州'],
  ME: ['Maine', '緬因州'],
  MD: ['Maryland', '馬里蘭州'],
  MA: ['Massachusetts', '麻薩諸塞州'],
  MI: ['Michigan', '密歇根州'],
  MN: ['Minnesota', '明尼蘇達州'],
  MS: ['Mississippi', '密西西比州'],
  MO: ['Missouri', '密蘇里州'],
  MT: ['Montana', '蒙大拿州'],
  NE: ['Nebraska', '內布拉斯加州'],
  NV: ['Nevada', '內華達州'],
  NH: ['New Hampshire', '新罕布什爾州'],
  NJ: ['New Jersey', '新澤西州'],
  NM: ['New Mexico', '新墨西哥州'],
  NY: ['New York', '紐約州'],
  NC: ['North Carolina', '北卡羅來納州'],
  ND: ['North Dakota', '北達科他州'],
  OH: ['Ohio', '俄亥俄州'],
  OK: ['Oklahoma', '俄克拉何馬州'],
  OR: ['Oregon', '俄勒岡州'],
  PA: ['Pennsylvania', '賓夕法尼亞州'],
  RI: ['Rhode Island', '羅德島州'],
  SC: ['South Carolina', '南卡羅來納州'],
  SD: ['South Dakota', '南達科他州'],
  TN: ['Tennessee', '田納西州'],
  TX: ['Texas', '德克薩斯州'],
  UT: ['Utah', '猶他州'],
  VT: ['Vermont', '佛蒙特州'],
  VA: ['Virginia', '弗吉尼亞州'],
  WA: ['Washington', '華盛頓州'],
  WV: ['West Virginia', '西弗吉尼亞州'],
  WI: ['Wisconsin', '威斯康辛州'],
  WY: ['Wyoming', '懷俄明州'],
};

/** The US States as ISO 3166-2 codes with their names in `locale`, sorted by name. */
export function usStateOptions(locale: Locale): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale === 'en' ? 'en-GB' : 'zh-Hant-HK');
  return Object.entries(US_STATES)
    .map(([code, names]) => ({ code: `US-${code}`, name: names[locale === 'en' ? 0 : 1] }))
    .sort((x, y) => collator.compare(x.name, y.name));
}

/**
 * A place by name: a country or territory (ISO 3166-1, by `region`), a US State by its name
 * and country, any other constituent State (ISO 3166-2) by its country and its own code.
 */
export function placeName(locale: Locale, region: (code: string) => string, code: string): string {
  const sub = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code);
  if (sub === null) return region(code);
  const [, country = '', part = ''] = sub;
  const names = country === 'US' ? US_STATES[part] : undefined;
  if (names !== undefined) return locale === 'en' ? `${names[0]}, ${region(country)}` : `${region(country)}${names[1]}`;
  return locale === 'en' ? `${region(country)} (${part})` : `${region(country)}（${part}）`;
}
