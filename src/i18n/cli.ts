/** Messages of the command line (`tracker …`): help, progress, results and refusals. */
export const cli = {
  // --- help ---
  'cli.help.usage': { ja: '使い方: tracker <コマンド> [オプション]', en: 'Usage: tracker <command> [options]' },
  'cli.help.commands': { ja: 'コマンド:', en: 'Commands:' },
  'cli.help.common_options': { ja: 'すべてのコマンドに使えるオプション:', en: 'Options of every command:' },
  'cli.help.more': {
    ja: '各コマンドのオプションは tracker <コマンド> --help で表示します。',
    en: "A command's options: tracker <command> --help",
  },
  'cli.help.command_usage': { ja: '使い方:', en: 'Usage:' },
  'cli.help.options': { ja: 'オプション:', en: 'Options:' },
  'cli.help.see': { ja: '使い方は tracker {name} --help で表示します。', en: 'See tracker {name} --help' },
  // --- one line per command (tracker help) ---
  'cli.summary.start': {
    ja: 'マイグレーションを適用してボットを起動します（Socket Mode または HTTP）',
    en: 'Apply migrations and run the bot (Socket Mode or HTTP)',
  },
  'cli.summary.migrate': {
    ja: '未適用のデータベースマイグレーションを適用して終了します',
    en: 'Apply pending database migrations and exit',
  },
  'cli.summary.new_migration': {
    ja: 'prisma/models.prisma から SQLite と PostgreSQL の次のマイグレーションを作ります（開発用）',
    en: 'Write the next migration for SQLite and PostgreSQL from prisma/models.prisma (development)',
  },
  'cli.summary.import': {
    ja: '部・重点目標・マイルストーンを YAML、CSV、XLSX ファイルから取り込みます',
    en: 'Import departments, targets and milestones from a YAML, CSV or XLSX file',
  },
  'cli.summary.export': {
    ja: '評価シート（XLSX・CSV）または取込用ワークブックを書き出します',
    en: 'Write the evaluation sheet (XLSX or CSV) or the import workbook',
  },
  'cli.summary.digest_preview': {
    ja: '週次ダイジェストを文字で表示し、グラフを PNG に書き出します（投稿はしません）',
    en: 'Print the weekly digest as text and write its chart as a PNG (posts nothing)',
  },
  'cli.summary.jobs_run': {
    ja: 'ジョブを --at の時刻（既定は現在）として1回実行します',
    en: 'Run one tick of a job as if it were --at (default now)',
  },
  'cli.summary.reminders_preview': {
    ja: '今送られるリマインダーとエスカレーションを表示します（送信はしません）',
    en: 'Print the reminders and escalations that would be sent now (sends nothing)',
  },
  'cli.summary.backup': {
    ja: 'ボットの稼働中でも、SQLite データベースの一貫したコピーを FILE に書き出します',
    en: 'Write a consistent copy of the SQLite database to FILE while the bot runs',
  },
  'cli.summary.restore': {
    ja: 'SQLite データベースをバックアップ FILE で置き換えます（先にボットを停止してください）',
    en: 'Replace the SQLite database with a backup FILE (stop the bot first)',
  },
  // --- options (tracker <command> --help) ---
  'cli.option.lang': {
    ja: 'メッセージの言語（既定は ja。環境変数 TRACKER_LANG でも指定できます）',
    en: 'Language of the messages (default ja; TRACKER_LANG sets it too)',
  },
  'cli.option.help': { ja: 'このヘルプを表示します', en: 'Show this help' },
  'cli.option.pg_url': {
    ja: '作業用データベースを作る PostgreSQL の管理者 URL（既定: postgresql://postgres@127.0.0.1:5432/postgres）',
    en: 'PostgreSQL admin URL for the scratch database (default postgresql://postgres@127.0.0.1:5432/postgres)',
  },
  'cli.option.dry_run': {
    ja: '変更内容を表示するだけで、何も書き込みません（データベースファイルも作りません）',
    en: 'Show what would change and write nothing (not even a database file)',
  },
  'cli.option.actor': {
    ja: '監査ログに取込者として記録する Slack ユーザー ID（既定: cli）',
    en: 'Slack user id recorded as the importer in the audit log (default cli)',
  },
  'cli.option.fy': {
    ja: '年度（既定: 評価中の年度、なければ今年度）',
    en: 'Fiscal year (default: the year under review, else the current one)',
  },
  'cli.option.format': { ja: 'ファイル形式（既定: xlsx）', en: 'File format (default xlsx)' },
  'cli.option.encoding': {
    ja: 'CSV の文字コード（既定: utf8 は BOM 付き UTF-8、sjis は Shift_JIS）',
    en: 'CSV encoding (default utf8: UTF-8 with BOM; sjis: Shift_JIS)',
  },
  'cli.option.out': {
    ja: '書き出し先のファイル（既定: hyouka-sheet-FY2026.xlsx、import-template.xlsx など）',
    en: 'File to write (default hyouka-sheet-FY2026.xlsx, import-template.xlsx…)',
  },
  'cli.option.template': {
    ja: '評価シートではなく、取込用ワークブック（見出しとドロップダウンリスト付き）を書き出します',
    en: 'Write the import workbook (headers and drop-down lists) instead of the evaluation sheet',
  },
  'cli.option.from': {
    ja: '--template と一緒に使い、取込ファイルの内容を入れたワークブックにします',
    en: 'With --template: fill the workbook with an import file',
  },
  'cli.option.at_preview': {
    ja: 'この時刻の時点で表示します（例: 2027-05-25T00:30:00Z。既定: 現在）',
    en: 'Show it as of this instant (e.g. 2027-05-25T00:30:00Z; default now)',
  },
  'cli.option.at_run': {
    ja: 'この時刻として実行します（例: 2027-05-25T00:30:00Z。既定: 現在）',
    en: 'Run as if it were this instant (e.g. 2027-05-25T00:30:00Z; default now)',
  },
  'cli.option.chart': {
    ja: 'グラフの PNG の書き出し先（既定: digest-chart.png）',
    en: 'Where to write the chart PNG (default digest-chart.png)',
  },
  'cli.option.department': {
    ja: 'この部（all はすべての部）の部別ダイジェストも表示します',
    en: "Also print this department's digest (all: every department)",
  },
  'cli.option.missed': {
    ja: '送信期限を過ぎて送られなかった（今後も送られない）リマインダーも表示します',
    en: 'Also list reminders missed beyond the catch-up bound (never to be sent)',
  },
  'cli.option.force': { ja: '既存の FILE を上書きします', en: 'Overwrite an existing FILE' },
  'cli.details.import': {
    ja: 'FILE は .yaml・.yml、.csv（UTF-8 または Shift_JIS）、.xlsx（先頭のシート）です。日付は 2026-09-30、2026/9/30、2026年9月30日、令和8年9月30日 のどの形でも書けます。',
    en: 'FILE is .yaml or .yml, .csv (UTF-8 or Shift_JIS) or .xlsx (first sheet). Dates may be written 2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日.',
  },
  'cli.details.export': {
    ja: '評価シートの言語は --lang に従います。SLACK_BOT_TOKEN が設定されていれば、担当者を Slack の表示名で示します。',
    en: 'The sheet is written in the --lang language. With SLACK_BOT_TOKEN set, owners are shown by their Slack display names.',
  },
  'cli.details.jobs_run': {
    ja: 'ボットの稼働中に実行しても、同じメッセージが二重に送られることはありません。送信には SLACK_BOT_TOKEN が必要です。',
    en: 'Safe while the bot runs: no message is sent twice. Sending needs SLACK_BOT_TOKEN.',
  },
  // --- common ---
  'cli.list_separator': { ja: '、', en: ', ' },
  'cli.warning': { ja: '注意: ', en: 'warning: ' },
  'cli.size.bytes': { ja: '{n} バイト', en: '{n} bytes' },
  'cli.encoding.utf8_bom': { ja: 'UTF-8（BOM 付き）', en: 'UTF-8 with BOM' },
  'cli.encoding.utf8': { ja: 'UTF-8', en: 'UTF-8' },
  'cli.encoding.cp932': { ja: 'Shift_JIS（CP932）', en: 'Shift_JIS (CP932)' },
  'cli.error.no_command': { ja: 'コマンドを指定してください。', en: 'Give a command.' },
  'cli.error.unknown_command': { ja: '「{name}」というコマンドはありません。', en: 'Unknown command: {name}' },
  'cli.error.bad_lang': {
    ja: '--lang には ja か en を指定してください（指定された値: {value}）。',
    en: '--lang must be ja or en (got {value}).',
  },
  'cli.error.bad_arguments': { ja: '引数を読み取れません（{detail}）。', en: 'bad arguments ({detail}).' },
  'cli.error.bad_instant': {
    ja: '--at にはタイムゾーン付きの ISO-8601 日時を指定してください（例: 2027-05-25T00:30:00Z。指定された値: {value}）。',
    en: '--at must be an ISO-8601 instant with a zone, such as 2027-05-25T00:30:00Z (got {value}).',
  },
  'cli.error.config': { ja: '設定に問題があります:', en: 'Configuration problems:' },
  'cli.error.config_hint': {
    ja: 'manifest.yml から Slack アプリを作成し、環境変数を設定してください（README を参照）。',
    en: 'Create the Slack app from manifest.yml, then set the variables (see README).',
  },
  // --- errors of backup, restore and jobs run (AppError user messages) ---
  'cli.error.backup_postgresql': {
    ja: 'DATABASE_URL は PostgreSQL です。tracker backup が扱うのは SQLite だけです。PostgreSQL 自身のツールを使ってください（例: pg_dump --format=custom --file=tracker.dump "$DATABASE_URL"、戻すときは pg_restore）。',
    en: 'DATABASE_URL is PostgreSQL; tracker backup handles SQLite only. Use PostgreSQL\'s own tools, e.g. pg_dump --format=custom --file=tracker.dump "$DATABASE_URL" (restore with pg_restore).',
  },
  'cli.error.restore_postgresql': {
    ja: 'DATABASE_URL は PostgreSQL です。tracker restore が扱うのは SQLite だけです。pg_dump のアーカイブは pg_restore --clean --if-exists --dbname="$DATABASE_URL" tracker.dump で戻してください。',
    en: 'DATABASE_URL is PostgreSQL; tracker restore handles SQLite only. Restore a pg_dump archive with pg_restore --clean --if-exists --dbname="$DATABASE_URL" tracker.dump.',
  },
  'cli.error.backup_memory': {
    ja: 'DATABASE_URL はメモリ上の SQLite データベースです。バックアップするファイルがありません。',
    en: 'DATABASE_URL names an in-memory SQLite database; there is no file to back up.',
  },
  'cli.error.backup_corrupt': {
    ja: '整合性チェックで問題が見つかりました: {found}',
    en: 'integrity check failed: {found}',
  },
  'cli.error.backup_not_tracker': {
    ja: 'tracker のデータベースではありません（適用済みのマイグレーションがありません）。',
    en: 'the database has no applied migrations (_prisma_migrations).',
  },
  'cli.error.backup_no_database': { ja: '{path} にデータベースがありません。', en: 'no database at {path}' },
  'cli.error.backup_same_file': {
    ja: 'バックアップでデータベース自身（{path}）を上書きすることはできません。',
    en: 'the backup must not overwrite the database itself ({path})',
  },
  'cli.error.backup_exists': {
    ja: '{path} は既にあります。別の名前にするか、--force を付けてください。',
    en: '{path} already exists; choose another name or pass --force',
  },
  'cli.error.not_sqlite': {
    ja: '{path} は SQLite データベースではありません。',
    en: '{path} is not an SQLite database',
  },
  'cli.error.no_such_file': { ja: '{path} というファイルはありません。', en: 'no such file: {path}' },
  'cli.error.not_a_file': { ja: '{path} はファイルではありません。', en: '{path} is not a file' },
  'cli.error.restore_in_use': {
    ja: '{path} は他のプロセスが使用中です。ボット（とほかの tracker コマンド）を停止してから、もう一度復元してください。何も変更していません。',
    en: '{path} is in use by another process. Stop the bot (and any other tracker command) first, then run the restore again; nothing was changed.',
  },
  'cli.error.restore_same_file': { ja: '{path} はデータベース自身です。', en: '{path} is the database itself' },
  'cli.error.restore_not_sqlite': {
    ja: '{path} は SQLite データベースではありません（tracker backup で作ったファイルを指定してください）。',
    en: '{path} is not an SQLite database (make one with tracker backup)',
  },
  'cli.error.restore_live_file': {
    ja: '{path}-wal があるため、稼働中のデータベースでありバックアップではないようです。tracker backup でバックアップを作り、それを復元してください。',
    en: '{path}-wal exists: the file looks like a live database, not a backup. Make a backup with tracker backup and restore that.',
  },
  'cli.error.restore_invalid': {
    ja: '{path} は復元できません（{reason}）。何も変更していません。',
    en: '{path} cannot be restored: {reason}; nothing was changed.',
  },
  'cli.error.restore_newer': {
    ja: '{path} は新しい版の tracker で作られています（この版が知らないマイグレーション: {migrations}）。先に tracker を更新してください。何も変更していません。',
    en: '{path} was made by a newer version of tracker (migrations {migrations} are unknown here). Upgrade tracker first; nothing was changed.',
  },
  'cli.error.missing_bot_token': {
    ja: 'SLACK_BOT_TOKEN が設定されていないため送信できません（xoxb-… のボットトークンが必要です）。送信せずに内容を確かめるには tracker reminders preview を使ってください。',
    en: 'SLACK_BOT_TOKEN is not set: sending needs the bot token (xoxb-…). `tracker reminders preview` shows what would be sent without it.',
  },
  // --- import ---
  'cli.import.one_file': { ja: '取り込むファイルを1つ指定してください。', en: 'give one file to import.' },
  'cli.import.reading': {
    ja: '{file} を読み込んでいます（{format}、{size}）',
    en: 'Reading {file} ({format}, {size})',
  },
  'cli.import.problems': {
    ja: '{file} に{count}件の問題があるため、何も書き込んでいません。',
    en: 'Problems found in {file}: {count}. Nothing was written.',
  },
  'cli.import.valid': {
    ja: '検証済み: {fyJa}（{fyEn}）、{departments}部、重点目標{targets}件、マイルストーン{milestones}件',
    en: 'Valid: {fyEn} ({fyJa}), {departments} departments, {targets} targets, {milestones} milestones',
  },
  'cli.import.busy': {
    ja: 'データベースが他のプロセス（ボット）で使用中のため、マイグレーションを適用できませんでした。ボットを停止してから取り込み、その後ボットを再起動してください。何も書き込んでいません。',
    en: 'the SQLite database is in use by another process (is the bot running?); applying migrations needs it to itself. Stop the bot, import, then start it again. Nothing was written.',
  },
  'cli.import.writing': { ja: '{provider} に書き込んでいます…', en: 'Writing to {provider}…' },
  'cli.import.dry_run.copy': {
    ja: 'ドライラン: データベースの一時コピーと比べます。何も書き込みません。',
    en: 'Dry run against a temporary copy of the database: nothing will be written.',
  },
  'cli.import.dry_run.empty': {
    ja: 'ドライラン: データベースがまだないため、空のデータベースと比べます。データベースファイルは作りません。',
    en: 'Dry run: there is no database yet, so the file is compared with an empty one; no database file is created.',
  },
  'cli.import.dry_run.database': {
    ja: 'ドライラン: PostgreSQL を読み取るだけで、何も書き込みません。',
    en: 'Dry run against postgresql, reading only: nothing will be written.',
  },
  'cli.import.dry_run.needs_migration': {
    ja: 'データベースに未適用のマイグレーションがあります。ドライランは何も書き込まないため、先に tracker migrate を実行してください。',
    en: 'the database has pending migrations, and a dry run writes nothing: run tracker migrate first.',
  },
  'cli.import.department': {
    ja: '[{index}/{total}] {name}（{code}）: 重点目標{targets}件、マイルストーン{milestones}件 — {what}',
    en: '[{index}/{total}] {name} ({code}): {targets} targets, {milestones} milestones — {what}',
  },
  'cli.import.part.new_department': { ja: '部を新規登録', en: 'new department' },
  'cli.import.part.department_updated': { ja: '部の情報を更新', en: 'department updated' },
  'cli.import.part.targets_created': { ja: '重点目標{n}件を追加', en: '{n} targets created' },
  'cli.import.part.targets_updated': { ja: '重点目標{n}件を更新', en: '{n} targets updated' },
  'cli.import.part.milestones_created': { ja: 'マイルストーン{n}件を追加', en: '{n} milestones created' },
  'cli.import.part.milestones_updated': { ja: 'マイルストーン{n}件を更新', en: '{n} milestones updated' },
  'cli.import.part.milestones_deleted': { ja: 'マイルストーン{n}件を削除', en: '{n} milestones deleted' },
  'cli.import.part.people_added': { ja: '職員{n}人を追加', en: '{n} people added' },
  'cli.import.part.people_removed': { ja: '職員{n}人を削除', en: '{n} people removed' },
  'cli.import.part.unchanged': { ja: '変更なし', en: 'unchanged' },
  'cli.import.part.would_change': { ja: '変更予定: {list}', en: 'would change: {list}' },
  'cli.import.rows': {
    ja: '追加{created}件、更新{updated}件、変更なし{unchanged}件',
    en: '{created} created, {updated} updated, {unchanged} unchanged',
  },
  'cli.import.rows_deletable': {
    ja: '追加{created}件、更新{updated}件、変更なし{unchanged}件、削除{deleted}件',
    en: '{created} created, {updated} updated, {unchanged} unchanged, {deleted} deleted',
  },
  'cli.import.summary': { ja: '結果:', en: 'Summary:' },
  'cli.import.summary.dry_run': { ja: '変更予定（ドライラン）:', en: 'Would change (dry run):' },
  'cli.import.summary.fiscal_year': { ja: '年度 {fy}: {state}', en: 'fiscal year {fy}: {state}' },
  'cli.import.fiscal_year.create': { ja: '追加', en: 'created' },
  'cli.import.fiscal_year.update': { ja: '更新', en: 'updated' },
  'cli.import.fiscal_year.none': { ja: '変更なし', en: 'unchanged' },
  'cli.import.summary.departments': { ja: '部: {rows}', en: 'departments: {rows}' },
  'cli.import.summary.targets': { ja: '重点目標: {rows}', en: 'targets: {rows}' },
  'cli.import.summary.milestones': {
    ja: 'マイルストーン: {rows}、保持{kept}件（完了済みでファイルにないもの）',
    en: 'milestones: {rows}, {kept} kept (completed, not in file)',
  },
  'cli.import.summary.people': {
    ja: '職員: 追加{added}人、削除{removed}人、変更なし{unchanged}人',
    en: 'people: {added} added, {removed} removed, {unchanged} unchanged',
  },
  'cli.import.summary.review_windows': { ja: '評価期間: {rows}', en: 'review windows: {rows}' },
  'cli.import.summary.settings': { ja: '設定: {rows}', en: 'settings: {rows}' },
  'cli.import.summary.warnings': { ja: '注意: {count}件', en: 'warnings: {count}' },
  'cli.import.done': { ja: '取り込みが完了しました（{seconds} 秒）。', en: 'Import complete in {seconds} s.' },
  'cli.import.done.unchanged': {
    ja: '変更はありません。データベースはファイルと一致しています（{seconds} 秒）。',
    en: 'Nothing to change: the database already matches the file ({seconds} s).',
  },
  'cli.import.done.dry_run': { ja: 'ドライランのため、何も書き込んでいません。', en: 'Dry run: nothing was written.' },
  // --- export ---
  'cli.export.from_without_template': {
    ja: '--from は --template xlsx と一緒に指定してください。',
    en: '--from goes with --template xlsx.',
  },
  'cli.export.bad_format': { ja: '--format は {formats} のどれかです。', en: '--format must be one of {formats}.' },
  'cli.export.bad_encoding': {
    ja: '--encoding は {encodings} のどれかです。',
    en: '--encoding must be one of {encodings}.',
  },
  'cli.export.encoding_csv_only': {
    ja: '--encoding は --format csv のときだけ指定できます。',
    en: '--encoding applies to --format csv only.',
  },
  'cli.export.bad_fy': {
    ja: '--fy には 2026 のような西暦年を指定してください（指定された値: {value}）。',
    en: '--fy must be a year such as 2026 (got {value}).',
  },
  'cli.export.bad_template': { ja: '--template に指定できるのは xlsx だけです。', en: '--template must be xlsx.' },
  'cli.export.written': {
    ja: '{fy}の評価シート（重点目標{rows}件、{what}）を {path} に書き出しました。',
    en: 'Wrote the {fy} evaluation sheet ({rows} targets, {what}) to {path}',
  },
  'cli.export.fiscal_year_unknown': {
    ja: '{fy}年度はまだ取り込まれていません（先に tracker import で取り込んでください）。',
    en: 'fiscal year {fy} is not loaded (import it first).',
  },
  'cli.export.template_problems': {
    ja: '{file} に問題があるため、ワークブックは書き出していません。',
    en: '{file} has problems; no workbook was written.',
  },
  'cli.export.template_written': {
    ja: '取込用ワークブック（見出しとドロップダウンリスト付き）を {path} に書き出しました。',
    en: 'Wrote the import workbook (headers and drop-down lists) to {path}',
  },
  'cli.export.template_filled': {
    ja: '{file} の{rows}行を入れた取込用ワークブックを {path} に書き出しました。',
    en: 'Wrote the import workbook with {rows} rows from {file} to {path}',
  },
  // --- digest preview ---
  'cli.digest.no_fiscal_year': {
    ja: '{at} の年度はまだ取り込まれていません（先に tracker import FILE を実行してください）。',
    en: 'No fiscal year has been imported for {at} (run `tracker import FILE` first).',
  },
  'cli.digest.chart_failed': {
    ja: 'グラフを描けませんでした（ダイジェストはグラフなしで送られます）: {reason}',
    en: 'The chart could not be rendered (the digest would go out without it): {reason}',
  },
  'cli.digest.no_channel': { ja: '（未設定のため送られません）', en: '(none: not sent)' },
  'cli.digest.leadership_channel': { ja: '幹部チャンネル: {channel}', en: 'Leadership channel: {channel}' },
  'cli.digest.department_channel': { ja: '部のチャンネル: {channel}', en: 'Department channel: {channel}' },
  'cli.digest.weekly': { ja: '週次ダイジェスト', en: 'weekly digest' },
  'cli.digest.department': { ja: '{code} の部別ダイジェスト', en: '{code} digest' },
  'cli.digest.no_department': {
    ja: 'コード {code} の部には、この年度の重点目標がありません。',
    en: 'No department with code {code} has targets in this fiscal year.',
  },
  'cli.digest.chart_written': { ja: 'グラフを {path} に書き出しました。', en: 'Chart written to {path}' },
  // --- jobs run ---
  'cli.jobs.unknown': { ja: '{job} というジョブはありません。', en: 'Unknown job {job}.' },
  'cli.jobs.usage': {
    ja: '使い方: tracker jobs run <ジョブ> [--at 2027-05-25T00:30:00Z]',
    en: 'Usage: tracker jobs run <job-id> [--at 2027-05-25T00:30:00Z]',
  },
  'cli.jobs.list': { ja: 'ジョブ: {list}', en: 'Jobs: {list}' },
  'cli.jobs.result': {
    ja: '{job}（{at}）: 送信 {sent}件、スキップ {skipped}件、失敗 {failed}件',
    en: '{job} at {at}: sent {sent}, skipped {skipped}, failed {failed}',
  },
  // --- reminders preview ---
  'cli.reminders.header': {
    ja: '{at} 時点のリマインダー（{zone} では {today}、{day}。送信時刻 {time}）',
    en: 'Reminders as of {at} ({today} in {zone}, {day}; send time {time})',
  },
  'cli.reminders.business_day': { ja: '営業日', en: 'a business day' },
  'cli.reminders.not_business_day': {
    ja: '営業日ではないため今日は何も送りません',
    en: 'not a business day: nothing is sent today',
  },
  'cli.reminders.reminders': { ja: 'リマインダー（{count}件）:', en: 'Reminders ({count}):' },
  'cli.reminders.why': { ja: '理由: ', en: 'why: ' },
  'cli.reminders.reason.checkin': {
    ja: '定期確認（{cadence}、{since}以降の報告なし）',
    en: 'check-in ({cadence}, no update since {since})',
  },
  'cli.reminders.reason.last_day': {
    ja: '{window}の最終日（{closes}まで）',
    en: 'last day of {window} (closes {closes})',
  },
  'cli.reminders.reason.opens': { ja: '{window}が{opens}に開始', en: '{window} opens {opens}' },
  'cli.reminders.reason.approve': { ja: '{what}。承認の依頼（管理職）', en: '{what}; to approve (managers)' },
  'cli.reminders.reason.check': { ja: '{what}。確認の依頼（本部）', en: '{what}; to check (headquarters)' },
  'cli.reminders.reason.self': { ja: '{what}。{since}以降の報告なし', en: '{what}; no update since {since}' },
  'cli.reminders.last_report': { ja: '（最終報告: {last}）', en: ' (last report: {last})' },
  'cli.reminders.never': { ja: 'なし', en: 'none' },
  'cli.reminders.state.recorded': { ja: '記録済み（{status}）', en: 'already {status}' },
  'cli.reminders.state.retry': { ja: '記録済み（{status}、再送予定）', en: 'already {status} (would retry)' },
  'cli.reminders.state.missed': {
    ja: '送信期限切れ（送らずに skipped として記録）',
    en: 'missed beyond the catch-up bound (would be recorded as skipped)',
  },
  'cli.reminders.state.nobody': {
    ja: '送り先なし（skipped として記録）',
    en: 'nobody to tell (would be recorded as skipped)',
  },
  'cli.reminders.state.send': { ja: '送信予定', en: 'WOULD SEND' },
  'cli.reminders.state.waits': { ja: '次の営業日まで待機', en: 'waits for the next business day' },
  'cli.reminders.paused': { ja: '一時停止中（{count}人）:', en: 'Paused ({count}):' },
  'cli.reminders.paused_item': {
    ja: '{until}まで停止中（{day}の対象: 重点目標{targets}件）',
    en: 'until {until}  ({targets} targets on {day})',
  },
  'cli.reminders.escalations': { ja: 'エスカレーション（{count}件）:', en: 'Escalations ({count}):' },
  'cli.reminders.escalated_target': {
    ja: '（担当 {owner}、{on}にリマインド済み）',
    en: ' (owner {owner}, reminded {on})',
  },
  'cli.reminders.missed_hidden': {
    ja: '送信期限（予定時刻から{hours}時間）を過ぎて送られなかった{count}件は表示していません。表示するには --missed を付けてください。',
    en: '{count} missed beyond the catch-up bound ({hours} h after their time, never sent) are not shown; add --missed to list them.',
  },
  'cli.reminders.nothing_sent': {
    ja: 'プレビューのため、何も送信していません。',
    en: 'Nothing was sent (preview).',
  },
  // --- backup, restore, migrate, start ---
  'cli.backup.one_file': { ja: 'ファイルを1つ指定してください。', en: 'give one FILE.' },
  'cli.backup.written': {
    ja: 'バックアップを {path} に作成しました（{size}、整合性チェック済み、{seconds} 秒）: 重点目標{targets}件、進捗報告{updates}件、マイグレーション {migration} まで。',
    en: 'Backup written to {path} ({size}, integrity ok, {seconds} s): {targets} targets, {updates} progress updates, migrations up to {migration}.',
  },
  'cli.restore.done': {
    ja: '{file} から {path} を復元しました: 重点目標{targets}件、進捗報告{updates}件。',
    en: 'Restored {path} from {file}: {targets} targets, {updates} progress updates.',
  },
  'cli.restore.previous': {
    ja: '置き換える前のデータベースは {path} に残しました。',
    en: 'The replaced database was kept as {path}.',
  },
  'cli.restore.pending': {
    ja: '次の起動時に適用されるマイグレーション: {list}',
    en: 'Migrations applied at the next start: {list}.',
  },
  'cli.restore.start_again': {
    ja: 'ボットを再び起動してください: npx tracker start',
    en: 'Start the bot again: npx tracker start',
  },
  'cli.migrate.applied': { ja: '適用しました: {list}', en: 'Applied: {list}' },
  'cli.migrate.up_to_date': { ja: 'データベースは最新です。', en: 'Database is up to date.' },
  'cli.new_migration.no_changes': { ja: '変更なし', en: 'no changes' },
  'cli.start.running': { ja: 'tracker が稼働しています（{where}）。', en: 'tracker is running ({where}).' },
} as const;
