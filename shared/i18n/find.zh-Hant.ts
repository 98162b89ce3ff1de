/** 尋找人士的繁體中文訊息（issue 18）：搜尋未列出的已結束案件、可能重複的人士、清單中的出生日期。 */
import type { findEn } from './find.en.ts';

export const findZhHant: Record<keyof typeof findEn, string> = {
  'ui.cases.closedMatch': '另有 {count, plural, other {{shown} 宗}}已結束的個案符合——顯示這些個案',
  'ui.cases.col.dateOfBirth': '出生日期',
  'ui.cases.filter.statusAnother': '加入另一個狀態',
  'ui.form.duplicate.title': '此人可能已有個案',
  'ui.form.duplicate.lead': '{count, plural, other {有 # 宗個案}}的姓名及出生日期相同，或囚犯編號相同。建立另一宗個案前，請先開啟核對；或仍然建立此個案。',
  'ui.form.duplicate.born': '出生日期：{date}',
  'ui.form.duplicate.prisonNumber': '囚犯編號：{number}',
  'ui.form.duplicate.reference': '個案編號：{reference}',
  'ui.form.duplicate.closed': '已於 {date} 結束',
  'ui.form.duplicate.details': '（{details}）',
  'ui.form.duplicate.separator': '；',
  'ui.form.duplicate.save': '仍然建立此個案',
};
