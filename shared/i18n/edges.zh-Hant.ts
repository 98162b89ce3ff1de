/** 程式邊界的繁體中文訊息：可接受數值的界限、姓名、規則集的拒絕原因、無法讀取的案件及資料庫本身的故障。 */
import type { edgesEn } from './edges.en.ts';

export const edgesZhHant: Record<keyof typeof edgesEn, string> = {
  'validation.date.range': '必須是 {min} 至 {max} 之間的日期',
  'validation.text.tooLong': '超過 {max, plural, other {# 個字元}}',
  'validation.list.tooLong': '超過 {max, plural, other {# 項}}',
  'validation.list.duplicate': '與前面的項目重複（{value}）',
  'validation.name.invisible': '沒有任何可見的字元，只有隱形字元或文字方向控制字元',
  'validation.name.marks': '同一個字母上有超過 {max, plural, other {# 個}}重音或其他組合符號',
  'validation.term.tooLong': '定期刑期最長為 {max, plural, other {# 年}}（年、月、日合計）；更長的刑期請記錄為「終身」',
  'validation.sentence.chainTooLong': '連續執行至此項的刑罰合計超過 {max, plural, other {# 年}}',
  'validation.number.tooLarge': '不可大於 {max}',
  'validation.remand.tooLong': '不可超過 {max, plural, other {# 日}}（100 年）',
  'validation.duration.tooLong': '最長為 {max, plural, other {# 年}}（年、月、日合計）',
  'validation.fraction.aboveOne': '不可大於分母：分數最大為一',
  'validation.deadline.anchor':
    '並非本程式認識的事件或步驟：請使用個案事件（application、request、requestReceived、judgmentReceived、statesAgreed）、agreement、final-decision、transferred、status:<步驟> 或 closed:<結果>',
  'validation.deadline.untilIsAfter': '不可與期限起計的事件相同',
  'step.outOfRange': '按記錄的刑罰計算，刑期會在 9999 年後才結束或在公元 1 年前開始：請更正刑期、開始日期及還押日數。',
  'validation.file.notUtf8': '不是 UTF-8 文字（有位元組序列不是有效的 UTF-8）：請以 UTF-8 儲存',
  'error.store.busy': '資料庫忙碌中：另一個程式（TSP Desk 或 tsp 指令）正在寫入。沒有作出任何更改；請稍後再試。',
  'error.store.full': '磁碟已滿：請騰出空間後再試。沒有作出任何更改。',
  'error.store.readonly': '無法寫入資料庫：它位於唯讀磁碟上，或你無權更改該檔案或其資料夾。沒有作出任何更改。',
  'error.store.corrupt': '資料庫檔案已損壞，或並非 TSP Desk 資料庫：請從備份還原（tsp restore）。沒有作出任何更改。',
  'error.store.cantopen': '無法開啟資料庫檔案：請確認檔案及其資料夾存在，而且你有權讀取。',
  'due.unreadable.title': '未列出：儲存的日期無法計算的個案',
  'due.unreadable.intro': '這些個案所儲存的日期或規則集超出 TSP Desk 可計算的範圍（由舊版本或人手寫入）。請逐一開啟並更正；其餘項目均已列出。',
  'reports.unreadable': '有 {count, plural, other {# 宗}}個案未計入任何數字：其儲存的日期無法讀取（{ids}）。',
  'validation.payload.notBase64': '必須是以 base64 編碼的檔案內容',
};
