/** 靜態加密及備份的繁體中文訊息：程式啟動時顯示的對話框。 */
import type { storageEn } from './storage.en.ts';

export const storageZhHant: Record<keyof typeof storageEn, string> = {
  'storage.recovery.title': '請抄下此資料庫的復原密鑰',
  'storage.recovery.body':
    '此電腦上的個案資料庫已加密，其密鑰由作業系統為你的帳戶保管。如該密鑰遺失（例如更換電腦或重新安裝系統），只有這個復原密鑰可以開啟資料庫：\n\n{recoveryKey}\n\n請抄下並鎖好存放，切勿與電腦放在一起。此密鑰只會顯示這一次。',
  'storage.recovery.bodyNoKeychain':
    '此電腦上的個案資料庫已加密，但本系統沒有可保管密鑰的鑰匙圈（在 Linux 上即沒有 GNOME Keyring 或 KWallet 等 Secret Service）。今後啟動 TSP Desk 時，請在環境變數 TSP_DB_KEY 中提供復原密鑰：\n\n{recoveryKey}\n\n請抄下並鎖好存放。此密鑰只會顯示這一次。',
  'storage.unlock.failedTitle': '無法開啟個案資料庫',
  'storage.open.failed':
    'TSP Desk 無法開啟個案資料庫或將其更新。資料並無遺失：失敗的更新步驟會全部復原。\n\n原因（英文）：{reason}\n\n請保留資料庫檔案原狀，並通知負責支援 TSP Desk 的人員；每日備份存於資料庫旁的 backups 資料夾。',
  'storage.unlock.recoveryNeeded':
    '{reason}\n\n請在環境變數 TSP_DB_KEY 中提供管理員的復原密鑰後再啟動 TSP Desk，例如：\n  TSP_DB_KEY="XXXXX-XXXXX-…" tsp-desk',
};
