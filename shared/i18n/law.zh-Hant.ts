/** 法律修正的繁體中文訊息：於移交時審核的條件、羈押狀況、居籍、州政府同意。 */
export const lawZhHant = {
  'cond.minServed.atTransfer': '於移交時審核：於 {reference} 已服 {served} 日，須 {required} 日（{termDays} 日的 {fraction}）；可於 {earliest} 起移交。',
  'cond.minServed.lifeAtTransfer': '於移交時審核：{required} 的最低服刑期於 {earliest} 屆滿；可於當日起移交。',
  'cond.minServed.notMetAtTransfer': '於擬定移交日期 {reference} 已服 {served} 日，須 {required} 日（{termDays} 日的 {fraction}）：移交須安排在 {earliest} 或之後。',
} as const;
