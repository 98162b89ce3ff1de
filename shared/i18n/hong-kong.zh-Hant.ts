/** 香港移交安排的繁體中文訊息：第 513 章手令、地方的國籍、按判刑一方的雙重國籍規則。 */
export const hongKongZhHant = {
  'cond.dualNationality.unknown.place': '未有記錄國籍：無法判斷該人是否持有判刑地 {state} 的國籍（{nationality}）。',
  'cond.dualNationality.met.place': '並無持有判刑地 {state} 的國籍（{nationality}）。',
  'cond.dualNationality.bar.place': '持有判刑地 {state} 的國籍（{nationality}）：不得移交。',
  'cond.dualNationality.discretionary.place': '持有判刑地 {state} 的國籍（{nationality}）：可拒絕移交。',
  'treaties.v.sentencedIn': '於{state}判刑：{rule}',
  'workflow.document.outward-warrant': '移交出境手令（第 513 章第 3(1)(b) 條）',
  'workflow.document.inward-warrant': '移交入境手令（第 513 章第 3(1)(a) 條）',
} as const;
