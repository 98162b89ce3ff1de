/** 安裝版本身畫面的繁體中文訊息：設定 › 關於 TSP Desk、無法顯示的頁面、一再失效的視窗。 */
import type { aboutEn } from './about.en.ts';

export const aboutZhHant: Record<keyof typeof aboutEn, string> = {
  'ui.settings.about.title': '關於 TSP Desk',
  'ui.settings.about.office': '此視窗使用辦公室伺服器 {url}：以下的版本、資料庫、法律及平台均屬該伺服器，診斷資料亦然。',
  'ui.settings.about.version': '版本',
  'ui.settings.about.schema': '資料庫結構版本',
  'ui.settings.about.ruleSets': '規則集庫',
  'ui.settings.about.ruleSetsValue':
    '{builtIn, plural, other {內置規則集 # 套}}（指紋 {fingerprint}）；{stored, plural, =0 {本資料庫未儲存任何版本} other {本資料庫儲存了 # 個版本}}',
  'ui.settings.about.treatyMap': '條約地圖',
  'ui.settings.about.treatyMapBuiltIn': '{version} 版（內置）',
  'ui.settings.about.treatyMapStored': '{version} 版，儲存於本資料庫（內置：{builtIn}）',
  'ui.settings.about.platform': '平台',
  'ui.settings.about.diagnostics.title': '診斷資料',
  'ui.settings.about.diagnostics.intro': '供支援查詢之用：版本、平台及日誌最後數行。日誌不載有個案資料、姓名或日期，可安心傳送。',
  'ui.settings.about.diagnostics.copy': '複製診斷資料',
  'ui.settings.about.diagnostics.copied': '已複製診斷資料，請貼到你的支援查詢中。',
  'ui.settings.about.diagnostics.copyFailed': '此處無法複製：請選取下列文字再複製（Ctrl+C）。',
  'ui.settings.about.diagnostics.text': '將複製的內容',
  'ui.settings.about.diagnostics.log': '日誌檔案',
  'ui.settings.about.diagnostics.noLog': '此視窗不寫日誌。',
  'ui.crash.title': '無法顯示此頁面',
  'ui.crash.text': '顯示此頁面時出錯。已儲存的資料仍在資料庫內；此頁面上尚未儲存的修改可能會遺失。',
  'ui.crash.next': '請返回個案列表，或重新載入視窗。如問題再次出現，請複製診斷資料（設定 › 關於 TSP Desk）並附於支援查詢。',
  'ui.crash.back': '返回個案列表',
  'ui.crash.reload': '重新載入視窗',
  'ui.crash.details': '技術詳情',
  'shell.rendererFailed.title': 'TSP Desk 已停止',
  'shell.restoreRefused.title': '備份未有還原',
  'shell.restoreRefused.text': '在設定中要求的還原未有進行，資料庫維持原狀。發現的問題（英文）：\n{problems}',
  'shell.rendererFailed.text': '其視窗連續多次失效。已儲存的資料仍在資料庫內。詳情記錄於 {file}。',
};
