/** Messages for the foundation: errors, /progress, /targets, statuses, categories. */
export const core = {
  'error.generic': {
    ja: '申し訳ありません。処理中に問題が発生しました。時間をおいてもう一度お試しください。',
    en: 'Sorry, something went wrong. Please try again in a moment.',
  },
  'error.database_unavailable': {
    ja: '申し訳ありません。現在データベースに接続できないため、処理できませんでした（内容は保存されていません）。少し時間をおいてもう一度お試しください。',
    en: 'Sorry, the database cannot be reached right now, so nothing was saved. Please try again in a moment.',
  },
  'error.database_busy': {
    ja: '申し訳ありません。データベースが別の処理で長い間使用中だったため、処理できませんでした（内容は保存されていません）。少し時間をおいてもう一度お試しください。',
    en: 'Sorry, the database was kept busy by other work for too long, so nothing was saved. Please try again in a moment.',
  },
  'error.no_department': {
    ja: 'あなたはまだどの部にも登録されていません。政策経営部（本部）の担当者に、部の名簿への登録を依頼してください。',
    en: 'You are not registered in any department yet. Please ask headquarters (Policy and Management) to add you to your department.',
  },
  'error.no_targets': {
    ja: '{fy}の重点目標がまだ登録されていません。',
    en: 'No key targets have been loaded for {fy} yet.',
  },
  'error.not_allowed_target': {
    ja: 'この重点目標について報告する権限がありません。',
    en: 'You are not allowed to report on this target.',
  },
  'error.department_not_visible': {
    ja: '「{query}」の重点目標は見られません。/targets で見られるのは、あなたの部（{departments}）の目標だけです。ほかの部の状況は本部にお問い合わせください。',
    en: 'You may not see the targets of "{query}". /targets shows your departments only ({departments}); ask headquarters about other departments.',
  },
  'error.unknown_department': {
    ja: '「{query}」に一致する部が見つかりません。あなたの部: {departments}',
    en: 'No department matches "{query}". Your departments: {departments}',
  },
  'progress.modal.title': { ja: '進捗報告', en: 'Report progress' },
  'progress.modal.submit': { ja: '報告する', en: 'Submit' },
  'progress.modal.close': { ja: 'キャンセル', en: 'Cancel' },
  'progress.modal.year': { ja: '*{fy}* の重点目標', en: 'Key targets of *{fy}*' },
  'progress.modal.intro': {
    ja: '重点目標を選び、現在の状況を報告してください。報告は履歴として残ります（訂正は新しい報告として記録されます）。',
    en: 'Choose a key target and report where it stands. Every report is kept; a correction is recorded as a new report.',
  },
  'progress.field.target': { ja: '重点目標', en: 'Key target' },
  'progress.field.target.placeholder': { ja: '目標を選択', en: 'Choose a target' },
  'progress.field.target.search': {
    ja: 'コードまたは名称の一部を入力して検索',
    en: 'Type part of a code or title to search',
  },
  'progress.field.target.own_group': { ja: '★ あなたが担当の目標', en: '★ Targets you own' },
  'progress.field.status': { ja: '状況', en: 'Status' },
  'progress.field.value': { ja: '実績値', en: 'Current value' },
  'progress.field.value.unit': { ja: '実績値（{unit}）', en: 'Current value ({unit})' },
  'progress.field.value.range': {
    ja: '基準値 {baseline}{unit} → 目標値 {target}{unit}。達成率はこの2つから自動で計算されます。',
    en: 'Baseline {baseline}{unit} → target {target}{unit}. The achievement rate is worked out from these.',
  },
  'progress.field.value.target': { ja: '目標値 {target}{unit}', en: 'Target {target}{unit}' },
  'progress.field.value.hint': { ja: '指標の現在値（数値）', en: 'Current value of the indicator (a number)' },
  'progress.field.percent': { ja: '進捗率（%）', en: 'Progress (%)' },
  'progress.field.percent.hint': {
    ja: 'この目標には数値指標がありません。進み具合を 0〜100 の数値で入力してください。',
    en: 'This target has no indicator: enter how far along it is, from 0 to 100.',
  },
  'progress.field.comment': { ja: 'コメント', en: 'Comment' },
  'progress.field.comment.placeholder': {
    ja: '取組状況、課題、今後の予定など',
    en: 'What was done, issues, next steps',
  },
  'progress.field.milestones': { ja: '完了したマイルストーン', en: 'Milestones completed' },
  'progress.field.milestones.none': {
    ja: '目標を選ぶと、前回の報告、実績値の入力欄、未完了のマイルストーンが表示されます。',
    en: 'Choose a target to see its last report, the value to enter and its open milestones.',
  },
  'progress.field.milestones.all_done': {
    ja: 'この目標に未完了のマイルストーンはありません。',
    en: 'This target has no open milestones.',
  },
  'progress.milestone.option': { ja: '{title}（{date}）', en: '{title} ({date})' },
  'progress.milestone.overdue': { ja: '⚠️ {title}（{date}・期限超過）', en: '⚠️ {title} ({date}, overdue)' },
  'progress.previous.header': { ja: '*前回の報告*　{date}・{reporter}', en: '*Last report* · {date} · {reporter}' },
  'progress.previous.none': { ja: 'この目標の報告はまだありません。', en: 'No report on this target yet.' },
  'progress.previous.value': { ja: '実績 {value}{unit}', en: 'Value {value}{unit}' },
  'progress.previous.achievement': { ja: '（達成率 {percent}%）', en: ' (achievement {percent}%)' },
  'progress.validation.one_number': {
    ja: '数値は一つだけ入力してください。',
    en: 'Enter one number only.',
  },
  'progress.validation.number_for_other_target': {
    ja: '重点目標を変更したため、入力欄が切り替わる前の数値は使えません。もう一度入力してください。',
    en: 'The key target changed before the form was updated; enter the number again.',
  },
  'progress.validation.target_required': { ja: '重点目標を選択してください。', en: 'Choose a key target.' },
  'progress.validation.status_required': { ja: '状況を選択してください。', en: 'Choose a status.' },
  'progress.validation.number': {
    ja: '数値を入力してください（例: 42 または 12.5）。',
    en: 'Enter a number (for example 42 or 12.5).',
  },
  'progress.validation.number_range': {
    ja: '-{max}〜{max} の数値を入力してください。',
    en: 'Enter a number from -{max} to {max}.',
  },
  'progress.validation.percent_range': {
    ja: '0〜100 の数値を入力してください。',
    en: 'Enter a number from 0 to 100.',
  },
  'progress.validation.too_long': {
    ja: '{max}文字以内で入力してください。',
    en: 'Use at most {max} characters.',
  },
  'progress.validation.milestone_unknown': {
    ja: '選択されたマイルストーンはこの目標のものではありません。',
    en: 'A selected milestone does not belong to this target.',
  },
  'progress.validation.target_unknown': {
    ja: 'この重点目標は見つからないか、報告する権限がありません。',
    en: 'This target does not exist or you may not report on it.',
  },
  'progress.confirmed': {
    ja: '✅ {code}「{title}」の進捗を記録しました（{status}）。',
    en: '✅ Progress on {code} "{title}" recorded ({status}).',
  },
  'progress.channel_post': {
    ja: '{reporter} さんが {code}「{title}」の進捗を報告しました。',
    en: '{reporter} reported progress on {code} "{title}".',
  },
  'progress.not_stored_late': {
    ja: '⚠️ 先ほどの進捗報告は保存されませんでした。{reason} 入力内容は下のとおりです。お手数ですが /progress からもう一度報告してください。',
    en: '⚠️ Your last progress report was not saved. {reason} What you entered is below; please report it again with /progress.',
  },
  'progress.channel_post_failed': {
    ja: '進捗は記録されましたが、部のチャンネルへの投稿はできませんでした（ボットがチャンネルに招待されているか確認してください）。',
    en: 'Your progress was recorded, but it could not be posted to the department channel (is the bot invited there?).',
  },
  'targets.header': { ja: '{department}の重点目標（{fy}）', en: '{department}: key targets ({fy})' },
  'targets.none': { ja: 'この部には{fy}の重点目標がありません。', en: 'This department has no key targets for {fy}.' },
  'targets.page': { ja: '{from}〜{to}件目 / 全{total}件', en: '{from}–{to} of {total}' },
  'targets.next': { ja: '次へ', en: 'Next' },
  'targets.previous': { ja: '前へ', en: 'Previous' },
  'targets.latest': { ja: '最新: {status}（{date}、{reporter}）', en: 'Latest: {status} ({date}, {reporter})' },
  'targets.no_update': { ja: '報告なし', en: 'No report yet' },
  'targets.value': {
    ja: '実績 {value}{unit} / 目標 {target}{unit}',
    en: 'Value {value}{unit} / target {target}{unit}',
  },
  'targets.value_none': { ja: '実績 未報告 / 目標 {target}{unit}', en: 'Value not reported / target {target}{unit}' },
  'targets.percent': { ja: '進捗 {percent}%', en: 'Progress {percent}%' },
  'targets.overdue': { ja: '⚠️ 期限超過: {milestones}', en: '⚠️ Overdue: {milestones}' },
  'targets.owner': { ja: '担当: {owner}', en: 'Owner: {owner}' },
  'targets.report_button': { ja: '報告する', en: 'Report' },
  'status.on_track': { ja: '順調', en: 'On track' },
  'status.at_risk': { ja: '注意', en: 'At risk' },
  'status.off_track': { ja: '遅延', en: 'Off track' },
  'status.done': { ja: '完了', en: 'Done' },
  'category.施策': { ja: '施策', en: 'Policy measures' },
  'category.改革': { ja: '改革', en: 'Reform' },
  'category.人材育成・活用': { ja: '人材育成・活用', en: 'Staff development' },
} as const;
