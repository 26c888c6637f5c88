/** Messages for reminders, escalations and /tracker (pause, resume, reassign, help). */
export const reminders = {
  'reminders.dm.fallback': {
    ja: '重点目標の進捗報告のお願い（{count}件）',
    en: 'Please report progress on your key targets ({count})',
  },
  'reminders.dm.countdown': {
    ja: '📅 *{window}*（{opens}〜{closes}）の受付開始まで、あと{days}日です。次の重点目標について、{since}以降の進捗報告がまだありません。報告をお願いします。',
    en: '📅 *{window}* ({opens}–{closes}) opens in {days} days. The key targets below have no progress report since {since}. Please report on them.',
  },
  'reminders.dm.countdown_tomorrow': {
    ja: '📅 明日から *{window}*（{opens}〜{closes}）が始まります。次の重点目標について、{since}以降の進捗報告がまだありません。報告をお願いします。',
    en: '📅 *{window}* ({opens}–{closes}) opens tomorrow. The key targets below have no progress report since {since}. Please report on them.',
  },
  'reminders.dm.last_day': {
    ja: '⏰ *{window}* の受付は{closes}で終了します。次の重点目標について、{since}以降の進捗報告がまだありません。本日中の報告をお願いします。',
    en: '⏰ *{window}* closes on {closes}. The key targets below have no progress report since {since}. Please report on them today.',
  },
  'reminders.dm.role_countdown': {
    ja: '📅 *{window}*（{opens}〜{closes}）の開始まで、あと{days}日です。{task}',
    en: '📅 *{window}* ({opens}–{closes}) opens in {days} days. {task}',
  },
  'reminders.dm.role_tomorrow': {
    ja: '📅 明日から *{window}*（{opens}〜{closes}）が始まります。{task}',
    en: '📅 *{window}* ({opens}–{closes}) opens tomorrow. {task}',
  },
  'reminders.dm.role_last_day': {
    ja: '⏰ *{window}* は{closes}で終了します。{task}',
    en: '⏰ *{window}* closes on {closes}. {task}',
  },
  'reminders.task.approve': {
    ja: 'この期間に、所属部の重点目標の自己評価を承認してください（下の目標はまだ承認されていません）。',
    en: 'In it, please approve your department’s self-assessments (the targets below are not approved yet).',
  },
  'reminders.task.check': {
    ja: 'この期間に、本部として各部の評価を確認してください（下の目標はまだ確認されていません）。',
    en: 'In it, please check the departments’ assessments for headquarters (the targets below are not checked yet).',
  },
  'reminders.dm.fallback_review': {
    ja: '行政評価の対応のお願い（{count}件）',
    en: 'Review steps waiting for you ({count})',
  },
  'reminders.dm.review_button': { ja: '評価を開く', en: 'Open review' },
  'reminders.dm.more_review': {
    ja: 'ほか{count}件の目標があります。`/tracker review` から一覧できます。',
    en: '{count} more targets. `/tracker review` lists them all.',
  },
  'reminders.nudge.role': {
    ja: '⏰ *{window}*（{closes}まで）: 対応が必要な目標が{count}件あります（上のメッセージのボタンから開けます）。',
    en: '⏰ *{window}* (until {closes}): {count} targets need your step (use the buttons in the message above).',
  },
  'reminders.dm.checkin': {
    ja: '🗓 定例の進捗確認です。次の重点目標について、{since}以降の進捗報告がありません。現在の状況を報告してください。',
    en: '🗓 Regular check-in: the key targets below have no progress report since {since}. Please report where they stand.',
  },
  'reminders.dm.also_checkin': {
    ja: '定例の進捗確認を兼ねています。',
    en: 'This also serves as your regular check-in.',
  },
  'reminders.dm.target_facts': { ja: '{department}・最終報告: {last}', en: '{department} · last report: {last}' },
  'reminders.dm.last_report': { ja: '{date}（{status}）', en: '{date} ({status})' },
  'reminders.dm.never_reported': { ja: 'なし', en: 'none yet' },
  'reminders.dm.button': { ja: '報告する', en: 'Report' },
  'reminders.dm.more': {
    ja: 'ほか{count}件の目標も報告が必要です。`/progress` から報告できます。',
    en: '{count} more targets need a report. Use `/progress` to report on them.',
  },
  'reminders.dm.footer': {
    ja: '休暇などで通知を止めるには `/tracker pause until YYYY-MM-DD`、再開は `/tracker resume`。',
    en: 'On leave? Pause these reminders with `/tracker pause until YYYY-MM-DD`; `/tracker resume` turns them back on.',
  },
  'reminders.dm.updated': {
    ja: '{date}更新: 報告が済んだ目標はリストから外れています。',
    en: 'Updated {date}: targets already reported are no longer listed.',
  },
  'reminders.nudge.countdown': {
    ja: '⏰ *{window}* の受付開始まであと{days}日です。報告が必要な目標が{count}件あります（上のメッセージのボタンから報告できます）。',
    en: '⏰ *{window}* opens in {days} days. {count} of your targets still need a report (use the buttons in the message above).',
  },
  'reminders.nudge.countdown_tomorrow': {
    ja: '⏰ 明日から *{window}* が始まります。報告が必要な目標が{count}件あります（上のメッセージのボタンから報告できます）。',
    en: '⏰ *{window}* opens tomorrow. {count} of your targets still need a report (use the buttons in the message above).',
  },
  'reminders.nudge.last_day': {
    ja: '⏰ *{window}* の受付は{closes}で終了します。報告が必要な目標が{count}件あります（上のメッセージのボタンから報告できます）。',
    en: '⏰ *{window}* closes on {closes}. {count} of your targets still need a report (use the buttons in the message above).',
  },
  'reminders.escalation.manager.fallback': {
    ja: '進捗報告が滞っている重点目標があります（{count}件）',
    en: 'Some key targets have had no progress report ({count})',
  },
  'reminders.escalation.manager.intro': {
    ja: '⚠️ 次の重点目標は、担当者へのリマインダーから{days}営業日が過ぎても進捗報告がありません。担当者への声かけをお願いします。',
    en: '⚠️ These key targets still have no progress report {days} business days after their owners were reminded. Please follow up with them.',
  },
  'reminders.escalation.manager.line': {
    ja: '• *{code}* {title} — {owner}（{date}に通知）',
    en: '• *{code}* {title} — {owner} (reminded {date})',
  },
  'reminders.escalation.manager.footer': {
    ja: '担当者を変更するには `/tracker reassign <目標コード> @新しい担当者`。',
    en: 'To hand a target to someone else: `/tracker reassign <target code> @new owner`.',
  },
  'reminders.escalation.more': { ja: 'ほか{count}件', en: '…and {count} more' },
  'reminders.escalation.hq.fallback': {
    ja: '進捗報告が滞っている重点目標: {count}件（{departments}部）',
    en: 'Key targets without a progress report: {count} in {departments} departments',
  },
  'reminders.escalation.hq.intro': {
    ja: '📋 次の重点目標は、所属長への連絡からさらに{days}営業日が過ぎても進捗報告がありません（{count}件、{departments}部）。',
    en: '📋 These key targets still have no progress report {days} business days after their managers were told ({count} targets in {departments} departments).',
  },
  'reminders.escalation.hq.department': { ja: '*{department}*（{count}件）', en: '*{department}* ({count})' },
  'reminders.escalation.hq.line': {
    ja: '• *{code}* {title} — 担当: {owner}',
    en: '• *{code}* {title} — owner: {owner}',
  },
  'tracker.help.header': { ja: '*/tracker* の使い方', en: 'How to use */tracker*' },
  'tracker.help.help': { ja: '`/tracker help` — この説明を表示します', en: '`/tracker help` — show this help' },
  'tracker.help.pause': {
    ja: '`/tracker pause until 12/28` — その日までリマインダーを止めます（休暇など。2026-12-28、12月28日、令和8年12月28日も可）',
    en: '`/tracker pause until 12/28` — pause your reminders up to and including that day (leave; 2026-12-28 works too)',
  },
  'tracker.help.resume': {
    ja: '`/tracker resume` — リマインダーを再開します',
    en: '`/tracker resume` — turn your reminders back on',
  },
  'tracker.help.reassign': {
    ja: '`/tracker reassign <目標コード> @担当者` — 目標の担当者を変更します（所属長・本部のみ）',
    en: '`/tracker reassign <target code> @user` — hand a target to another owner (managers and headquarters only)',
  },
  'tracker.unknown': {
    ja: '「{name}」というサブコマンドはありません。',
    en: 'There is no subcommand "{name}".',
  },
  'tracker.pause.usage': {
    ja: '再開する日の前日までの日付を指定してください（例: `/tracker pause until 2026-12-10`）。',
    en: 'Give the last day of your leave (for example `/tracker pause until 2026-12-10`).',
  },
  'tracker.pause.invalid_date': {
    ja: '「{value}」は日付として読めません。次のいずれかの形式で指定してください: {forms}（年を省くと次に来るその日）。',
    en: '"{value}" is not a date. Use one of these forms: {forms} (without a year, the next such day).',
  },
  'tracker.pause.past': {
    ja: '{date}はすでに過ぎています。今日以降の日付を指定してください。',
    en: '{date} has already passed. Give today or a later day.',
  },
  'tracker.pause.too_far': {
    ja: '停止できるのは{limit}までです。',
    en: 'Reminders can be paused up to {limit} at most.',
  },
  'tracker.pause.done': {
    ja: '⏸ リマインダーを{until}まで停止しました（{next}から再開します）。取り消すには `/tracker resume`。',
    en: '⏸ Reminders paused up to and including {until}; they start again on {next}. Use `/tracker resume` to undo.',
  },
  'tracker.resume.done': { ja: '▶️ リマインダーを再開しました。', en: '▶️ Reminders are back on.' },
  'tracker.resume.not_paused': {
    ja: 'リマインダーは停止されていません。',
    en: 'Your reminders are not paused.',
  },
  'tracker.reassign.usage': {
    ja: '目標コードと新しい担当者を指定してください（例: `/tracker reassign SK-1 @山田`）。',
    en: 'Give a target code and the new owner (for example `/tracker reassign SK-1 @yamada`).',
  },
  'tracker.reassign.bad_user': {
    ja: '新しい担当者は @ でメンションして指定してください（例: `/tracker reassign SK-1 @山田`）。',
    en: 'Name the new owner with an @-mention (for example `/tracker reassign SK-1 @yamada`).',
  },
  'tracker.reassign.unknown_target': {
    ja: '目標コード「{code}」の重点目標が見つかりません。',
    en: 'No key target has the code "{code}".',
  },
  'tracker.reassign.not_allowed': {
    ja: '申し訳ありません。担当者を変更できるのは、{department}の所属長または本部（政策経営部）の担当者です。',
    en: 'Sorry, only a manager of {department} or headquarters can hand this target to someone else.',
  },
  'tracker.reassign.not_member': {
    ja: '{user} さんは{department}に登録されていないため、担当者にできません。本部に名簿への登録を依頼してください。',
    en: '{user} is not registered in {department}, so they cannot own this target. Ask headquarters to add them first.',
  },
  'tracker.reassign.same_owner': {
    ja: '{user} さんはすでに {code} の担当者です。',
    en: '{user} already owns {code}.',
  },
  'tracker.reassign.done': {
    ja: '✅ {code}「{title}」の担当者を {from} から {to} さんに変更しました。',
    en: '✅ {code} "{title}" now belongs to {to} (was {from}).',
  },
  'tracker.reassign.nobody': { ja: '（未設定）', en: 'nobody' },
} as const;
