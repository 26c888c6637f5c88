/**
 * Messages of the import file reader (src/import): problems and warnings, and the places they are
 * at (CSV/XLSX row and column, YAML path and line). Values quoted in them stay as written.
 */
export const importMessages = {
  // --- places ---
  'import.place.row': { ja: '{row}行目', en: 'row {row}' },
  'import.place.row_line': { ja: '{row}行目（ファイルの{line}行目）', en: 'row {row} (line {line})' },
  'import.place.column': { ja: '{column}列', en: 'column {column}' },
  'import.place.column_number': { ja: '{column}列目', en: 'column {column}' },
  'import.place.item': { ja: '{item}件目', en: 'item {item}' },
  'import.place.separator': { ja: '・', en: ', ' },
  'import.list_separator': { ja: '、', en: ', ' },
  'import.place.line': { ja: '{line}行目', en: 'line {line}' },
  'import.place.line_column': { ja: '{line}行目・{column}文字目', en: 'line {line}, column {column}' },
  'import.place.path_line': { ja: '{path}（{line}行目）', en: '{path} (line {line})' },
  'import.place.top_level': { ja: 'ファイル全体', en: '(top level)' },
  'import.place.field.due': { ja: '期限', en: 'due' },
  'import.place.field.title': { ja: '名称', en: 'title' },
  'import.place.field.name': { ja: '名称', en: 'name' },
  'import.place.field.opens': { ja: '開始日', en: 'opens' },
  'import.place.field.closes': { ja: '終了日', en: 'closes' },
  'import.place.field.role': { ja: '役割', en: 'role' },
  'import.related.row': { ja: '{message}（最初は{row}行目）', en: '{message} (first at row {row})' },
  'import.related.path': {
    ja: '{message}（最初は {path}、{line}行目）',
    en: '{message} (first at {path}, line {line})',
  },
  // --- kinds of values (in "must be …" messages) ---
  'import.type.empty': { ja: '空の値', en: 'an empty value' },
  'import.type.list': { ja: 'リスト', en: 'a list' },
  'import.type.number': { ja: '数値', en: 'a number' },
  'import.type.mapping': { ja: 'マッピング', en: 'a mapping' },
  'import.type.other': { ja: '{type} 型の値', en: 'a {type}' },
  'import.expected.text': { ja: '文字列', en: 'text' },
  'import.expected.text_quoted': {
    ja: '文字列（文字列として使う数字は引用符で囲んでください）',
    en: 'text (put quotes around numbers used as text)',
  },
  'import.expected.person': { ja: 'SlackユーザーIDまたはメールアドレス', en: 'a Slack user id or an e-mail address' },
  'import.expected.people': {
    ja: 'SlackユーザーIDまたはメールアドレスのリスト',
    en: 'a list of Slack user ids or e-mail addresses',
  },
  'import.expected.channel': {
    ja: 'SlackチャンネルID（C…またはG…、例: C0123ABCD）',
    en: 'a Slack channel id (C… or G…, e.g. C0123ABCD)',
  },
  'import.expected.department_code': {
    ja: '部コード（英小文字・数字・-、{max}文字まで）',
    en: 'a department code (lower-case letters, digits and -, at most {max})',
  },
  'import.expected.target_code': {
    ja: '目標コード（英数字・. _ -、{max}文字まで、例: SK-1）',
    en: 'a target code (letters, digits, . _ -, at most {max}, e.g. SK-1)',
  },
  'import.expected.date': { ja: '{forms} のような日付', en: 'a date such as {forms}' },
  'import.expected.number': { ja: '数値', en: 'a number' },
  'import.expected.year': { ja: '2026 のような年', en: 'a year such as 2026' },
  'import.expected.indicator': {
    ja: '{ kind: outcome, unit: "%", baseline: 0, target: 100 } のようなマッピング',
    en: 'a mapping such as { kind: outcome, unit: "%", baseline: 0, target: 100 }',
  },
  'import.expected.milestone': {
    ja: '{ title: 要件定義, due: 2026-09-30 } のようなマッピング',
    en: 'a mapping such as { title: 要件定義, due: 2026-09-30 }',
  },
  'import.expected.milestones': { ja: 'マイルストーンのリスト', en: 'a list of milestones' },
  'import.expected.target': { ja: 'マッピング（重点目標）', en: 'a mapping (a target)' },
  'import.expected.targets': { ja: '重点目標のリスト', en: 'a list of targets' },
  'import.expected.department': { ja: 'マッピング（部）', en: 'a mapping (a department)' },
  'import.expected.departments': { ja: '部のリスト', en: 'a list of departments' },
  'import.expected.department_codes': { ja: '部コードのリスト', en: 'a list of department codes' },
  'import.expected.review_window': {
    ja: '{ name: 自己評価, opens: 2027-06-01, closes: 2027-06-20 } のようなマッピング',
    en: 'a mapping such as { name: 自己評価, opens: 2027-06-01, closes: 2027-06-20 }',
  },
  'import.expected.review_windows': { ja: '評価期間のリスト', en: 'a list of review windows' },
  'import.expected.organization': {
    ja: 'fiscal_year、leadership_channel、departments などを持つマッピング',
    en: 'a mapping with fiscal_year, leadership_channel, departments…',
  },
  'import.date_forms': {
    ja: '2026-09-30、2026/9/30、2026年9月30日、令和8年9月30日',
    en: '2026-09-30, 2026/9/30, 2026年9月30日 or 令和8年9月30日',
  },
  // --- values (schema) ---
  'import.required': { ja: '必須です（書かれていません）', en: 'is required' },
  'import.wrong_type': {
    ja: '{expected}を書いてください（{actual}になっています）',
    en: 'must be {expected}, not {actual}',
  },
  'import.empty': { ja: '空にはできません', en: 'must not be empty' },
  'import.too_long': {
    ja: '長すぎます: {length}文字（{max}文字まで）',
    en: 'is too long: {length} characters (at most {max})',
  },
  'import.lone_surrogate': {
    ja: '\\ud800 のような対になっていないサロゲートのエスケープを含んでいます（文字ではありません）',
    en: 'contains an unpaired surrogate escape such as \\ud800 (not text)',
  },
  'import.control_multiline': {
    ja: '制御文字を含んでいます（使えるのは改行とタブだけです）',
    en: 'contains control characters (only line breaks and tabs are allowed)',
  },
  'import.control': { ja: '制御文字または改行を含んでいます', en: 'contains control characters or line breaks' },
  'import.not_pattern': { ja: '{value} は{what}ではありません', en: '{value} is not {what}' },
  'import.not_person': {
    ja: '{value} はSlackユーザーID（U…またはW…、例: U0123ABCD）でもメールアドレスでもありません',
    en: '{value} is not a Slack user id (U… or W…, e.g. U0123ABCD) or an e-mail address',
  },
  'import.not_date': {
    ja: '{value} は日付として読めません（{forms} のように書いてください）',
    en: '{value} is not a date (write {forms})',
  },
  'import.not_number': {
    ja: '{value} は数値として読めません（有限の数値を書いてください）',
    en: 'must be a finite number, not {value}',
  },
  'import.number_range': {
    ja: '-{bound}〜{bound} の数値にしてください（{value} になっています）',
    en: 'must be between -{bound} and {bound}, not {value}',
  },
  'import.not_cadence': {
    ja: 'weekly、biweekly、monthly のどれかにしてください（{value} になっています）',
    en: 'must be weekly, biweekly or monthly, not {value}',
  },
  'import.kind_required': { ja: '必須です（activity または outcome）', en: 'is required (activity or outcome)' },
  'import.not_kind': {
    ja: 'activity または outcome にしてください（{value} になっています）',
    en: 'must be activity or outcome, not {value}',
  },
  'import.not_role': {
    ja: 'self、approve、check のどれかにしてください（{value} になっています）',
    en: 'must be self, approve or check, not {value}',
  },
  'import.not_year': { ja: '2026 のような年にしてください', en: 'must be a year such as 2026' },
  'import.year_range': { ja: '2000〜2100 の年にしてください', en: 'must be a year between 2000 and 2100' },
  'import.no_departments': { ja: '部を1つ以上書いてください', en: 'must list at least one department' },
  // --- the organisation as a whole (validate-organization.ts) ---
  'import.unknown_key': {
    ja: '不明なキー {key} です{hint}。使えるキー: {allowed}',
    en: 'unknown key {key}{hint}; allowed: {allowed}',
  },
  'import.unknown_key.hint': {
    ja: '（"{suggestion}" の書き間違いではありませんか）',
    en: ' (did you mean "{suggestion}"?)',
  },
  'import.duplicate': { ja: '{what} {value} が重複しています', en: 'duplicate {what} {value}' },
  'import.duplicate.user': { ja: '本部ユーザー', en: 'user' },
  'import.duplicate.review_window': { ja: '評価期間名', en: 'review window name' },
  'import.duplicate.department_code': { ja: '部コード', en: 'department code' },
  'import.duplicate.manager': { ja: '管理職', en: 'manager' },
  'import.duplicate.member': { ja: '職員', en: 'member' },
  'import.duplicate.continues': { ja: '引継元の部コード', en: 'department code in continues' },
  'import.duplicate.milestone_title': {
    ja: 'この目標のマイルストーン名',
    en: 'milestone title in this target',
  },
  'import.duplicate.target_code': { ja: '目標コード', en: 'target code' },
  'import.closes_before_opens': {
    ja: '終了日 {closes} が開始日 {opens} より前です',
    en: '{closes} is before opens {opens}',
  },
  'import.unknown_hq_department': {
    ja: '{value} はこのファイルにある部のコードではありません',
    en: '{value} is not the code of a department in this file',
  },
  'import.continues_itself': { ja: '部は自分自身を引き継げません', en: 'a department cannot continue itself' },
  'import.owner_outside': {
    ja: '{owner} は部 {department} の管理職でも職員でもありません',
    en: '{owner} is not a manager or member of department {department}',
  },
  'import.outside_fiscal_year': {
    ja: '{due} は{year}年度（{start}〜{end}）の範囲外です',
    en: '{due} is outside fiscal year {year} ({start} .. {end})',
  },
  // --- YAML ---
  'import.yaml.syntax': { ja: 'YAML の構文エラー: {message}', en: 'YAML syntax error: {message}' },
  'import.yaml.alias_bomb': {
    ja: 'YAML のエイリアスの展開が多すぎます（{max}回を超えています）。エイリアス爆弾のおそれがあるため読み込みません。リストを展開して書いてください',
    en: 'YAML aliases expand too much (more than {max} alias expansions): refusing a possible alias bomb; write the lists out instead',
  },
  'import.yaml.unreadable': { ja: 'YAML を読み込めません: {message}', en: 'YAML could not be read: {message}' },
  // --- CSV and XLSX sheets ---
  'import.csv.conflict': {
    ja: '{value} が{row}行目の {first} と食い違っています（{scope}の列はすべての行で同じにするか、空欄にしてください）',
    en: '{value} conflicts with {first} in row {row} ({scope} columns must be the same on every row, or blank)',
  },
  'import.csv.scope.organization': { ja: '組織全体', en: 'organisation' },
  'import.csv.scope.department': { ja: '部', en: 'department' },
  'import.csv.review_item': {
    ja: '{value} は 自己評価:2027-06-01..2027-06-20 の形で書いてください',
    en: '{value} must look like 自己評価:2027-06-01..2027-06-20',
  },
  'import.csv.milestone_item': {
    ja: '{value} は 要件定義@2026-09-30 の形で書いてください',
    en: '{value} must look like 要件定義@2026-09-30',
  },
  'import.csv.broken': { ja: 'CSV が壊れています: {message}{opened}', en: 'broken CSV: {message}{opened}' },
  'import.csv.broken_quoting': {
    ja: 'CSV の引用符が壊れています: {message}{opened}',
    en: 'broken CSV quoting: {message}{opened}',
  },
  'import.csv.quote_not_closed': {
    ja: '（{line}行目で始まる引用符付きのセルが閉じられていません）',
    en: ' (the quoted cell starting on line {line} is never closed)',
  },
  'import.csv.empty': { ja: 'ファイルが空です（見出し行が必要です）', en: 'the file is empty (expected a header row)' },
  'import.csv.unknown_column': {
    ja: '不明な列 {value} です。使える列: {columns}（または英語の列名）',
    en: 'unknown column {value}; columns are: {columns} (or their Japanese names)',
  },
  'import.csv.column_twice': { ja: '列 {value} が2回あります', en: 'column {value} appears twice' },
  'import.csv.missing_column': { ja: '列「{ja}」（{name}）がありません', en: 'missing column {name} ({ja})' },
  'import.csv.value_without_header': {
    ja: '見出しのない列に値があります',
    en: 'a value in a column without a header',
  },
  'import.csv.no_rows': {
    ja: '見出し行だけで、データの行がありません',
    en: 'the file has a header but no rows',
  },
  'import.xlsx.unreadable': {
    ja: '読み込める .xlsx ブックではありません（{message}）。Excel で .xlsx 形式で保存してください',
    en: 'not a readable .xlsx workbook ({message}); save it from Excel as .xlsx',
  },
  'import.xlsx.no_sheet': { ja: 'ブックにシートがありません', en: 'the workbook has no sheet' },
  'import.xlsx.too_many_rows': {
    ja: '最初のシートが{rows}行あります。読み込めるのは{max}行までです',
    en: 'the first sheet has {rows} rows; at most {max} are read',
  },
  // --- the file ---
  'import.file.unknown_type': {
    ja: '{path}: 対応していないファイル形式です。.yaml、.yml、.csv、.xlsx のどれかにしてください',
    en: '{path}: unknown file type; use .yaml, .yml, .csv or .xlsx',
  },
  'import.file.not_file': { ja: '{path} はファイルではありません', en: '{path} is not a file' },
  'import.file.missing': { ja: '{path}: ファイルが見つかりません', en: '{path}: no such file' },
  'import.file.unreadable': { ja: '{path}: 読み込めません（{code}）', en: '{path}: cannot be read ({code})' },
  'import.file.too_large': {
    ja: 'ファイルが大きすぎます（{size} MB。{max} MB まで）',
    en: 'the file is too large ({size} MB; at most {max} MB)',
  },
  // --- text encodings (decode-text.ts) ---
  'import.encoding.utf16': {
    ja: 'UTF-16（Unicode テキスト）のファイルには対応していません。「CSV UTF-8」または CSV（Shift_JIS）で保存してください',
    en: 'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or CSV (Shift_JIS) instead / UTF-16 には対応していません。「CSV UTF-8」で保存してください',
  },
  'import.encoding.mixed': {
    ja: '文字コードが混在しているか不正です。UTF-8 としても Shift_JIS（CP932）としても読めません（最初に読めないバイトは{line}行目）。「CSV UTF-8」で保存し直してください',
    en: 'mixed or invalid encoding: the file is neither valid UTF-8 nor valid Shift_JIS/CP932 (first undecodable byte on line {line}); save it again as "CSV UTF-8" / 文字コードが混在しているか不正です（{line}行目）。「CSV UTF-8」で保存し直してください',
  },
  'import.encoding.invalid_bom': {
    ja: 'UTF-8 の BOM で始まっていますが、UTF-8 として読めないバイトが{line}行目にあります（文字コードの混在？）。「CSV UTF-8」で保存し直してください',
    en: 'invalid UTF-8 (it starts with a UTF-8 BOM): undecodable bytes on line {line} (mixed encoding?) / 文字コードが不正です（{line}行目）',
  },
  'import.encoding.invalid_mostly': {
    ja: 'ほとんどは UTF-8 ですが、UTF-8 として読めないバイトが{line}行目にあります（文字コードの混在？）。「CSV UTF-8」で保存し直してください',
    en: 'invalid UTF-8 (most of the file is UTF-8, some bytes are not): undecodable bytes on line {line} (mixed encoding?) / 文字コードが不正です（{line}行目）',
  },
  // --- people named by e-mail address (src/cli/resolve-import-emails.ts) ---
  'import.email.not_found': {
    ja: 'メールアドレス {address} のSlackユーザーが見つかりません',
    en: 'no Slack user has the e-mail address {address}',
  },
  'import.email.not_found_summary': {
    ja: 'Slackに見つからないメールアドレスが{count}件（{file} の{placeCount}か所）あるため、何も書き込んでいません。',
    en: '{addresses} not found in Slack ({places} in {file}); nothing was written. / Slackに見つからないメールアドレスが{count}件あるため、何も書き込んでいません。',
  },
  'import.email.looking_up': {
    ja: 'メールアドレス{count}件をSlackで照会しています（users.lookupByEmail）…',
    en: 'Looking up {addresses} in Slack (users.lookupByEmail)…',
  },
  'import.email.needs_slack': {
    ja: '{file} のメールアドレス{count}件はまだ登録がなく、Slackでの照会（users.lookupByEmail、スコープ users:read.email）が必要です。SLACK_BOT_TOKEN を設定するか、その人をSlackユーザーIDで書いてください。何も書き込んでいません。',
    en: '{addresses} in {file} {are} not yet known and need Slack to resolve (users.lookupByEmail, scope users:read.email): set SLACK_BOT_TOKEN, or name those people by Slack user id. Nothing was written. / メールアドレスをSlackユーザーに変換するには SLACK_BOT_TOKEN が必要です。何も書き込んでいません。',
  },
  'import.email.lookup_failed': {
    ja: 'メールアドレスの照会（users.lookupByEmail）に失敗したため、何も書き込んでいません: {reason}',
    en: 'users.lookupByEmail failed: {reason}. Nothing was written. / メールアドレスの照会に失敗したため、何も書き込んでいません。',
  },
  'import.email.lookup_failed_scope': {
    ja: 'メールアドレスの照会（users.lookupByEmail）に失敗したため、何も書き込んでいません: {reason}（アプリに users:read.email スコープが必要です。manifest.yml から更新してください）',
    en: 'users.lookupByEmail failed: {reason} (the app needs the users:read.email scope: update it from manifest.yml). Nothing was written. / メールアドレスの照会に失敗したため、何も書き込んでいません。',
  },
  'import.email.resolved': {
    ja: 'メールアドレスで書かれた人: {count}件（登録済み{known}件、Slackで照会{asked}件）',
    en: 'People by e-mail: {addresses}, {known} already known, {asked} resolved with Slack',
  },
  // --- the import against the database (plan-import.ts, plan-reorganization.ts) ---
  'import.reorg.heading': { ja: '組織改正・人事異動:', en: 'Reorganisation and staff moves:' },
  'import.reorg.heading_dry_run': {
    ja: '組織改正・人事異動（予定）:',
    en: 'Reorganisation and staff moves (would be made):',
  },
  'import.reorg.renamed': { ja: '  名称変更: {from} → {to} ({code})', en: '  renamed: {from} → {to} ({code})' },
  'import.reorg.kind.rename': {
    ja: '  改称（部コード変更）: {from} → {to}',
    en: '  continued under a new code: {from} → {to}',
  },
  'import.reorg.kind.merge': { ja: '  統合: {from} → {to}', en: '  merged: {from} → {to}' },
  'import.reorg.kind.split': { ja: '  分割: {from} → {to}', en: '  split: {from} → {to}' },
  'import.reorg.kind.split_off': { ja: '  分離・新設: {from} → {to}', en: '  split off: {from} → {to}' },
  'import.reorg.target_moved': {
    ja: '  前年度までの目標の引継ぎ: {year}年度 {code}: {from} → {to}',
    en: '  earlier targets handed over: FY{year} {code}: {from} → {to}',
  },
  'import.reorg.person_moved': { ja: '  異動: {user}: {from} → {to}', en: '  moved: {user}: {from} → {to}' },
  'import.reorg.department': { ja: '{name} ({code})', en: '{name} ({code})' },
  'import.reorg.separator': { ja: '・', en: ', ' },
  'import.plan.target_kept': {
    ja: '目標 {code}「{title}」は{fy}のデータベースにありますが、ファイルにありません。履歴があるため残しました',
    en: 'target {code} "{title}" is in the database for {fy} but not in the file; it was kept (targets have history)',
  },
  'import.plan.department_kept': {
    ja: '部 {code}「{name}」はデータベースにありますが、ファイルにありません。残しました',
    en: 'department {code} "{name}" is in the database but not in the file; it was kept',
  },
  'import.plan.milestone_kept': {
    ja: '目標 {code} のマイルストーン「{title}」はファイルにありませんが、完了済みのため残しました',
    en: 'milestone "{title}" of target {code} is not in the file but was completed; it was kept',
  },
  'import.plan.continues_new': {
    ja: '部 {code} の引継元 {from} はこのファイルで新しく作られる部です（引継元には取込済みの部を書いてください）',
    en: 'department {code} continues {from}, which is new in this file (continues names departments already imported)',
  },
  'import.plan.continues_unknown': {
    ja: '部 {code} の引継元 {from} はデータベースにある部ではありません',
    en: 'department {code} continues {from}, which is not a department in the database',
  },
  'import.plan.refused': { ja: '{problems}\n何も取り込んでいません。', en: '{problems}\nNothing was imported.' },
} as const;
