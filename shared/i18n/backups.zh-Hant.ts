/** 設定 › 備份 的繁體中文訊息（renderer/settings/BackupsSection.tsx）。 */
export const backupsZhHant = {
  'ui.settings.backups.title': '備份',
  'ui.settings.backups.intro':
    'TSP Desk 每日將本資料庫備份一次至下列資料夾，每份副本經核對無誤後才保留，並將附件複製至備份旁。系統保留最近 {daily, plural, other {# 日}}、{weekly, plural, other {# 週}}及 {monthly, plural, other {# 個月}}中每段期間最新的一份備份。',
  'ui.settings.backups.folder': '備份資料夾',
  'ui.settings.backups.caption': '此資料夾內的備份（由新至舊）',
  'ui.settings.backups.taken': '備份時間',
  'ui.settings.backups.file': '檔案',
  'ui.settings.backups.size': '大小',
  'ui.settings.backups.megabytes': '{size} MB',
  'ui.settings.backups.none': '尚未有備份。程式啟動一分鐘後會建立第一份備份；您亦可立即備份。',
  'ui.settings.backups.run': '立即備份',
  'ui.settings.backups.running': '正在寫入及核對備份（{time} 開始）。期間您可繼續工作。',
  'ui.settings.backups.done': '備份已寫入並核對無誤：{file}。',
  'ui.settings.backups.failed.no_space': '最近一次備份失敗（{time}）：備份資料夾所在的磁碟已滿。請在該磁碟騰出空間；系統會在一小時內再試，您亦可立即備份。',
  'ui.settings.backups.failed.no_permission': '最近一次備份失敗（{time}）：TSP Desk 無權寫入備份資料夾。請聯絡負責管理此電腦的人員，准許您的帳戶寫入該資料夾。',
  'ui.settings.backups.failed.folder_unusable': '最近一次備份失敗（{time}）：備份資料夾不存在，或該位置有其他檔案。請檢查上方所示的資料夾。',
  'ui.settings.backups.failed.not_verified': '最近一次備份失敗（{time}）：副本未能通過核對，已被刪除。資料庫本身並無改變。請再備份一次；如再失敗，請安排檢查磁碟。',
  'ui.settings.backups.failed.other': '最近一次備份失敗（{time}），發生未預期的錯誤。請把下方的系統訊息轉交負責支援 TSP Desk 的人員。',
  'ui.settings.backups.failed.detail': '系統訊息（英文）：{detail}',
  'ui.settings.backups.restore':
    '如要還原備份，請先關閉 TSP Desk，然後執行：tsp restore --db <資料庫檔案> --from <備份檔案>。還原前會先核對備份，並保留被取代的資料庫。',
  'ui.settings.backups.unavailable': '此視窗不會自行備份。請以下列指令備份：tsp backup --db <資料庫檔案> --out <備份檔案>。',
  'error.backups_unavailable': '此視窗不會自行備份：請使用 tsp backup。',
  'error.backup_running': '正在寫入備份：請待完成後再試。',
} as const;
