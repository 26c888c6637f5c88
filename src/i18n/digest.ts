/** Messages for the weekly leadership digest, the department digests and their chart. */
export const digest = {
  'digest.weekly.header': { ja: '週次進捗ダイジェスト {fy}', en: 'Weekly progress digest {fy}' },
  'digest.weekly.as_of': {
    ja: '{date}時点・前回（{previous}）との比較',
    en: 'As of {date}, compared with {previous}',
  },
  'digest.weekly.totals': { ja: '*全体の状況*（重点目標 {total}件）', en: '*Overall* ({total} key targets)' },
  'digest.weekly.delta': { ja: '（前週比 {delta}）', en: ' ({delta} vs last week)' },
  'digest.department.line': { ja: '*{name}*　{counts}　｜ {extras}', en: '*{name}*  {counts}  |  {extras}' },
  'digest.change.where': { ja: '（{department}）', en: ' ({department})' },
  'digest.weekly.changes_title': { ja: '*今週の変化*', en: '*Changes this week*' },
  'digest.weekly.changes_none': {
    ja: '前週から状況が変わった目標はありません。',
    en: 'No target changed status since last week.',
  },
  'digest.weekly.changes_details': {
    ja: '変化した目標の一覧は、部別の状況の後にあります。',
    en: 'The targets that changed are listed after the departments.',
  },
  'digest.weekly.signals': {
    ja: '⏰ 期限超過のマイルストーン *{overdue}件*　🔕 報告が途絶えた目標 *{silent}件*　📈 指標の平均達成率 *{achievement}*',
    en: '⏰ Overdue milestones *{overdue}*   🔕 Silent targets *{silent}*   📈 Average indicator achievement *{achievement}*',
  },
  'digest.weekly.signals_note': {
    ja: '報告が途絶えた目標: 各部の報告頻度（既定 {days}日）を超えて報告のない未完了の目標',
    en: 'Silent: not done and no report for longer than the department’s cadence (default {days} days)',
  },
  'digest.weekly.attention_title': { ja: '*重点的に見るべき部*', en: '*Where to look*' },
  'digest.weekly.attention_none': {
    ja: '遅延・注意・期限超過・報告の途絶えた目標のある部はありません。',
    en: 'No department has targets off track, at risk, overdue or silent.',
  },
  'digest.weekly.departments_title': { ja: '*部別の状況*（{count}部）', en: '*By department* ({count})' },
  'digest.weekly.legend': {
    ja: '🟢 順調　🟡 注意　🔴 遅延　✅ 完了　⚪ 未報告　｜ 指標 = 平均達成率　期限超過 = マイルストーン　無報告 = 報告が途絶えた目標',
    en: '🟢 on track  🟡 at risk  🔴 off track  ✅ done  ⚪ not reported | indicator = average achievement, overdue = milestones, silent = targets',
  },
  'digest.weekly.thread_hint': {
    ja: '📊 グラフと続きはこのメッセージのスレッドにあります（{count}件）。',
    en: '📊 The chart and the rest of the digest are in this message’s thread ({count}).',
  },
  'digest.weekly.fallback': {
    ja: '週次進捗ダイジェスト {fy}（{date}）: 順調 {on_track}・注意 {at_risk}・遅延 {off_track}・完了 {done}・未報告 {not_reported}',
    en: 'Weekly progress digest {fy} ({date}): on track {on_track}, at risk {at_risk}, off track {off_track}, done {done}, not reported {not_reported}',
  },
  'digest.continued': { ja: '{title}（続き {page}/{pages}）', en: '{title} (continued {page}/{pages})' },
  'digest.review.upcoming': {
    ja: '🗓 次の評価: *{name}*（{fy}）{opens}〜{closes}　あと *{days}日*',
    en: '🗓 Next review: *{name}* ({fy}) {opens}–{closes}, in *{days} days*',
  },
  'digest.review.open': {
    ja: '🗓 *{name}*（{fy}）実施中: {closes}まで　残り *{days}日*',
    en: '🗓 *{name}* ({fy}) is open until {closes}: *{days} days* left',
  },
  'digest.season.summary': {
    ja: '📋 *{fy}の行政評価*（重点目標 {total}件）: 自己評価 *{self}* · 承認 *{approved}* · 確認 *{checked}* · 確定 *{confirmed}*',
    en: '📋 *{fy} review* ({total} key targets): self-assessed *{self}* · approved *{approved}* · checked *{checked}* · confirmed *{confirmed}*',
  },
  'digest.season.waiting': { ja: '次の手番: {list}', en: 'Next step with: {list}' },
  'digest.season.waiting_none': { ja: '次の手番を待つ目標はありません。', en: 'No target is waiting for a step.' },
  'digest.season.holder.owners': {
    ja: '担当者 {count}件（最長 {days}日）',
    en: 'owners {count} (longest {days} days)',
  },
  'digest.season.holder.managers': {
    ja: '管理職 {count}件（最長 {days}日）',
    en: 'managers {count} (longest {days} days)',
  },
  'digest.season.holder.hq': {
    ja: '本部 {count}件（最長 {days}日）',
    en: 'headquarters {count} (longest {days} days)',
  },
  'digest.season.department_line': {
    ja: '*{name}*　自己評価 {self}/{total} · 承認 {approved} · 確認 {checked} · 確定 {confirmed}　｜ {waiting}',
    en: '*{name}*  self-assessed {self}/{total} · approved {approved} · checked {checked} · confirmed {confirmed}  |  {waiting}',
  },
  'digest.season.departments_title': { ja: '*{fy}の行政評価（部別）*', en: '*{fy} review by department*' },
  'digest.review.none': { ja: '🗓 予定されている評価期間はありません。', en: '🗓 No review window is scheduled.' },
  'digest.status.not_reported': { ja: '未報告', en: 'Not reported' },
  'digest.change.off_track': { ja: '🔴 新たに遅延', en: '🔴 Newly off track' },
  'digest.change.at_risk': { ja: '🟡 新たに注意', en: '🟡 Newly at risk' },
  'digest.change.done': { ja: '✅ 完了', en: '✅ Completed' },
  'digest.change.recovered': { ja: '🟢 順調に回復', en: '🟢 Back on track' },
  'digest.change.count': { ja: '{label} {count}件', en: '{label}: {count}' },
  'digest.change.list_title': { ja: '*{label}*（{count}件）', en: '*{label}* ({count})' },
  'digest.department.indicator': { ja: '指標 {value}', en: 'indicator {value}' },
  'digest.department.overdue': { ja: '期限超過 {count}', en: 'overdue {count}' },
  'digest.department.silent': { ja: '無報告 {count}', en: 'silent {count}' },
  'digest.department.header': { ja: '{department} 週次ダイジェスト', en: '{department}: weekly digest' },
  'digest.department.summary': {
    ja: '*{fy}の重点目標 {total}件*',
    en: '*{total} key targets in {fy}*',
  },
  'digest.department.attention_title': { ja: '*遅延・注意の目標*', en: '*Off track or at risk*' },
  'digest.department.overdue_title': {
    ja: '*期限を過ぎたマイルストーン*（{count}件）',
    en: '*Overdue milestones* ({count})',
  },
  'digest.department.overdue_line': { ja: '{code} {milestone}（期限 {due}）', en: '{code} {milestone} (due {due})' },
  'digest.department.silent_title': {
    ja: '*{days}日を超えて報告のない目標*（{count}件）',
    en: '*No report for over {days} days* ({count})',
  },
  'digest.department.silent_line': {
    ja: '{code} {title}（最終報告 {date}）',
    en: '{code} {title} (last report {date})',
  },
  'digest.department.silent_never': { ja: '{code} {title}（報告なし）', en: '{code} {title} (never reported)' },
  'digest.department.all_clear': {
    ja: '遅延・注意の目標、期限超過のマイルストーン、報告の途絶えた目標はありません。',
    en: 'Nothing off track or at risk, no overdue milestones and no silent targets.',
  },
  'digest.department.fallback': {
    ja: '{department} 週次ダイジェスト（{date}）: 順調 {on_track}・注意 {at_risk}・遅延 {off_track}・完了 {done}・未報告 {not_reported}',
    en: '{department} weekly digest ({date}): on track {on_track}, at risk {at_risk}, off track {off_track}, done {done}, not reported {not_reported}',
  },
  'digest.department.report_hint': {
    ja: '進捗の報告は `/progress` からできます。',
    en: 'Report progress with `/progress`.',
  },
  'digest.chart.title': { ja: '重点目標の進捗 {fy}（{date}時点）', en: 'Key targets {fy} (as of {date})' },
  'digest.chart.departments': {
    ja: '部別の状況（割合、遅延・注意・未報告の多い順）',
    en: 'By department (share of targets, most behind first)',
  },
  'digest.chart.departments_top': {
    ja: '部別の状況（割合、遅延・注意・未報告の多い順）: 上位{shown}部 / 全{total}部（全部の一覧はダイジェスト本文）',
    en: 'By department (share of targets, most behind first): the first {shown} of {total} (all are listed in the digest)',
  },
  'digest.chart.behind_column': { ja: '遅延・注意・未報告/目標数', en: 'Behind / targets' },
  'digest.chart.first_week': {
    ja: '報告は今週から始まります。来週から週ごとの推移を表示します。',
    en: 'Reports start this week. The weekly trend appears from next week.',
  },
  'digest.chart.no_reports': {
    ja: 'まだ報告がありません。最初の報告の週から割合を表示します。',
    en: 'No reports yet. The shares appear from the week of the first report.',
  },
  'digest.chart.behind_now': {
    ja: '今週: 遅延・注意・未報告 {behind}件 / {total}件（{percent}%）',
    en: 'This week: off track, at risk or not reported {behind} of {total} ({percent}%)',
  },
  'digest.chart.trend': { ja: '状況別の割合の推移（週次、%）', en: 'Share by status over the year (weekly, %)' },
  'digest.chart.comment': {
    ja: '📊 部別の進捗と年度内の推移（{date}時点）',
    en: '📊 Progress by department and over the year (as of {date})',
  },
  'digest.chart.alt': {
    ja: '遅延・注意・未報告 {behind}件 / {total}件（{percent}%）。{worst}。グラフ: 部別の状況の割合（遅れの多い順）と、週ごとの状況別割合の推移。',
    en: 'Off track, at risk or not reported: {behind} of {total} ({percent}%). {worst}. Chart: each department’s share of targets by status (most behind first) and the weekly share of each status.',
  },
  'digest.chart.alt_worst': { ja: '最も遅れている部: {departments}', en: 'Most behind: {departments}' },
  'digest.chart.alt_none_behind': { ja: '遅れている部はありません', en: 'No department is behind' },
} as const;
