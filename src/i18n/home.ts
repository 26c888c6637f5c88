/** Messages for the App Home tab. */
export const home = {
  'home.header': { ja: '重点目標（{fy}）', en: 'Key targets ({fy})' },
  'home.intro': {
    ja: 'あなたが所属する部の重点目標と最新の状況です。「報告する」から進捗を報告できます。',
    en: 'Key targets of your departments and where they stand. Use “Report” to report progress.',
  },
  'home.intro.overview_only': {
    ja: '全庁の重点目標の状況です。部ごとの目標は `/targets 部名` で見られます。',
    en: 'Where the whole organisation’s key targets stand. `/targets <department>` lists a department’s targets.',
  },
  'home.no_department': {
    ja: 'あなたはまだどの部にも登録されていません。政策経営部（本部）の担当者に、部の名簿への登録を依頼してください。',
    en: 'You are not registered in any department yet. Please ask headquarters (Policy and Management) to add you to your department.',
  },
  'home.no_targets': {
    ja: '{fy}の重点目標はまだ登録されていません。',
    en: 'No key targets have been loaded for {fy} yet.',
  },
  'home.department': { ja: '{department}（{count}件）', en: '{department} ({count})' },
  'home.department_continued': { ja: '{department}（続き）', en: '{department} (continued)' },
  'home.target.no_update': { ja: '⚪ 報告なし', en: '⚪ No report yet' },
  'home.target.last_update': { ja: '最終報告 {date}', en: 'Last report {date}' },
  'home.target.next_milestone': { ja: '次: {title}（{date}）', en: 'Next: {title} ({date})' },
  'home.target.overdue': { ja: '⚠️ 期限超過 {count}件', en: '⚠️ {count} overdue' },
  'home.report_button': { ja: '報告する', en: 'Report' },
  'home.page': { ja: '{from}〜{to}件目 / 全{total}件', en: '{from}–{to} of {total}' },
  'home.next': { ja: '次へ', en: 'Next' },
  'home.previous': { ja: '前へ', en: 'Previous' },
  'home.pause.help': {
    ja: '🔕 休暇などでリマインダーを止めるには `/tracker pause until YYYY-MM-DD`（例: `/tracker pause until 2026-08-31`）、再開するには `/tracker resume` と入力してください。',
    en: '🔕 To pause reminders (leave, holidays), type `/tracker pause until YYYY-MM-DD` (e.g. `/tracker pause until 2026-08-31`); `/tracker resume` turns them back on.',
  },
  'home.pause.active': {
    ja: '🔕 リマインダーは *{date}* まで停止中です。再開するには `/tracker resume` と入力してください。',
    en: '🔕 Your reminders are paused until *{date}*. Type `/tracker resume` to turn them back on.',
  },
  'home.review.pending': {
    ja: '📝 *{fy}の行政評価*: あなたの対応待ちが *{count}件* あります（期限 {closes}）。',
    en: '📝 *Yearly review {fy}*: *{count}* waiting for you (due {closes}).',
  },
  'home.review.open': {
    ja: '📝 *{fy}の行政評価* の期間中です（{closes}まで）。',
    en: '📝 The *{fy} yearly review* is open (until {closes}).',
  },
  'home.review.button': { ja: '評価一覧を開く', en: 'Open the review' },
  'home.org.header': { ja: '全庁の状況（{fy}）', en: 'Whole organisation ({fy})' },
  'home.org.totals': {
    ja: '{departments}部・{targets}件 ─ 🟢 {on_track} ・ 🟡 {at_risk} ・ 🔴 {off_track} ・ ✅ {done} ・ ⚪ {none} ・ ⚠️ {overdue}',
    en: '{departments} departments, {targets} targets ─ 🟢 {on_track} · 🟡 {at_risk} · 🔴 {off_track} · ✅ {done} · ⚪ {none} · ⚠️ {overdue}',
  },
  'home.org.legend': {
    ja: '🟢 順調 ・ 🟡 注意 ・ 🔴 遅延 ・ ✅ 完了 ・ ⚪ 未報告 ・ ⚠️ 期限超過のマイルストーンがある目標',
    en: '🟢 on track · 🟡 at risk · 🔴 off track · ✅ done · ⚪ no report · ⚠️ targets with overdue milestones',
  },
  'home.org.line': {
    ja: '*{department}*（{total}件）🟢 {on_track} 🟡 {at_risk} 🔴 {off_track} ✅ {done} ⚪ {none}{overdue}',
    en: '*{department}* ({total}) 🟢 {on_track} 🟡 {at_risk} 🔴 {off_track} ✅ {done} ⚪ {none}{overdue}',
  },
  'home.org.overdue': { ja: ' ⚠️ {count}', en: ' ⚠️ {count}' },
  'home.org.empty': { ja: '{fy}の重点目標はまだ登録されていません。', en: 'No key targets loaded for {fy} yet.' },
  'home.updated': { ja: '{time} 時点', en: 'As of {time}' },
} as const;
