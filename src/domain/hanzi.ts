// Traditional → simplified Chinese, for recognising headers and values only (issue 20: a team in
// Taiwan or Hong Kong writes 問題編號, 當前狀態, 已解決). Not a general converter: the characters of
// the tracker's vocabulary and the words teams use around it. Cells are never rewritten with it.

// Pairs: a traditional character and its simplified form.
const PAIRS = [
  '問问 題题 編编 號号 標标 處处 負负 責责 當当 狀状 態态 緊紧 級级 聯联 繫系 絡络 門门 區区 屬属 類类 別别 過过 記记 錄录 紀纪 決决 關关 閉闭 備备 註注',
  '饋馈 響响 應应 時时 間间 創创 結结 單单 請请 優优 嚴严 險险 務务 臺台 話话 電电 郵邮 聲声 誰谁 員员 認认 證证 碼码 庫库 歸归 檔档 設设 週周 進进 們们',
  '開开 啟启 據据 構构 網网 軟软 體体 權权 賬账 帳帐 戶户 機机 統统 腦脑 擬拟 擇择 換换 顯显 線线 數数 業业 滿满 議议 評评 價价 廠厂 轉转 給给 從从 發发',
  '現现 細细 說说 範范 圍围 試试 驗验 總总 錯错 誤误 無无 經经 歷历 內内 銷销 廢废 棄弃 暫暂 擱搁 掛挂 審审 確确 專专 參参 與与 長长 點点 鐘钟 頭头 條条',
  '項项 準准 萬万 來来 個个 這这 為为 會会 對对 後后 隊队 產产 讀读 寫写 擔担 辦办 簽签 屆届 終终 複复 維维 護护 運运 營营 須须 預预 計计 劃划 畫画 際际',
  '實实 闆板 資资 訊讯 廳厅 樓楼 層层 齡龄 漢汉 語语 圖图 錶表 鏈链 氣气 燈灯 紙纸 損损 壞坏 礙碍 斷断 將将 選选 則则',
].join(' ');

const FOLD: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const pair of PAIRS.split(' ')) {
    const [trad, simp] = Array.from(pair);
    m.set(trad, simp);
  }
  return m;
})();

const HAS_CJK = /[\u3400-\u9fff]/;

/** The simplified spelling of `s` (characters outside the table are kept). */
export function foldTraditional(s: string): string {
  if (!HAS_CJK.test(s)) return s;
  let out = '';
  for (const ch of s) out += FOLD.get(ch) ?? ch;
  return out;
}
