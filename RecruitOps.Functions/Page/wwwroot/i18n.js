// UI strings in the three languages the team reads. Operation data is never translated, only labelled.
const strings = {
  en: {
    title: 'Recruit operations',
    language: 'Language',
    refresh: 'Refresh',
    loadMore: 'Load more',
    loading: 'Loading…',
    empty: 'No operations yet.',
    operationsTitle: 'Operations',
    filterLabel: 'Recruit ID',
    filterApply: 'Filter',
    filterClear: 'Show all',
    filterInvalid: 'A recruit ID is 1 to 64 of A-Z a-z 0-9 _ -.',
    summaryTitle: 'Where recruits stand',
    summaryTotal: '{count} recruits',
    summaryTotalOne: '1 recruit',
    'status.connecting': 'Connecting…',
    'status.live': 'Live',
    'status.waiting': 'Reconnecting in {seconds} s',
    'status.reconnecting': 'Reconnecting…',
    'status.offline': 'Offline',
    'status.signedOut': 'Signed out',
    'status.forbidden': 'No access',
    'status.stopped': 'Paused',
    'stage.new': 'New',
    'stage.pending': 'Awaiting decision',
    'stage.interviewPassed': 'Interview passed',
    'stage.trialPassed': 'Trial passed',
    'stage.live': 'Live',
    'stage.failed': 'Failed',
    'stage.archived': 'Archived',
    'action.created': 'created',
    'action.updated': 'updated',
    'action.interview_decision': 'interview decision',
    'action.trial_broadcast_decision': 'trial broadcast decision',
    'action.go_live_decision': 'go-live decision',
    'action.archived': 'archived',
    'decision.pass': 'Pass',
    'decision.fail': 'Fail',
    'decision.pending': 'Pending',
    'role.gicho': 'Gicho',
    'role.kancho': 'Kancho',
    'role.recruiter': 'Recruiter',
    emptyValue: '(empty)',
    signInTitle: 'Sign in to see operations',
    signInText: 'You are not signed in, or your session has ended.',
    signInName: 'Name',
    signInUserId: 'User ID',
    signInRole: 'Role',
    signInButton: 'Sign in',
    signInElsewhere: 'Sign-in happens in the main recruiting app. Sign in there, then reload this page.',
    signInFailed: 'Sign-in failed: {detail}',
    forbidden: 'Your role may not read operations. Ask a gicho or kancho for access.',
    loadFailed: 'Could not load operations: {detail}',
    unreachable: 'The server cannot be reached.',
  },
  zh: {
    title: '招募操作记录',
    language: '语言',
    refresh: '刷新',
    loadMore: '加载更多',
    loading: '加载中…',
    empty: '暂无操作记录。',
    operationsTitle: '操作记录',
    filterLabel: '招募编号',
    filterApply: '筛选',
    filterClear: '显示全部',
    filterInvalid: '招募编号为 1 到 64 个 A-Z a-z 0-9 _ - 字符。',
    summaryTitle: '招募进度',
    summaryTotal: '共 {count} 人',
    summaryTotalOne: '共 1 人',
    'status.connecting': '连接中…',
    'status.live': '实时',
    'status.waiting': '{seconds} 秒后重连',
    'status.reconnecting': '正在重连…',
    'status.offline': '离线',
    'status.signedOut': '未登录',
    'status.forbidden': '无权限',
    'status.stopped': '已暂停',
    'stage.new': '新建',
    'stage.pending': '待定',
    'stage.interviewPassed': '面试通过',
    'stage.trialPassed': '试播通过',
    'stage.live': '已上线',
    'stage.failed': '未通过',
    'stage.archived': '已归档',
    'action.created': '新建',
    'action.updated': '修改',
    'action.interview_decision': '面试结果',
    'action.trial_broadcast_decision': '试播结果',
    'action.go_live_decision': '上线结果',
    'action.archived': '归档',
    'decision.pass': '通过',
    'decision.fail': '未通过',
    'decision.pending': '待定',
    'role.gicho': '议长',
    'role.kancho': '馆长',
    'role.recruiter': '招募专员',
    emptyValue: '（空）',
    signInTitle: '登录后查看操作记录',
    signInText: '您尚未登录，或登录已过期。',
    signInName: '姓名',
    signInUserId: '用户 ID',
    signInRole: '角色',
    signInButton: '登录',
    signInElsewhere: '请在招募主系统中登录，然后刷新本页。',
    signInFailed: '登录失败：{detail}',
    forbidden: '您的角色无权查看操作记录，请联系议长或馆长。',
    loadFailed: '无法加载操作记录：{detail}',
    unreachable: '无法连接服务器。',
  },
  ja: {
    title: '採用操作ログ',
    language: '言語',
    refresh: '更新',
    loadMore: 'さらに読み込む',
    loading: '読み込み中…',
    empty: '操作はまだありません。',
    operationsTitle: '操作ログ',
    filterLabel: '候補者 ID',
    filterApply: '絞り込み',
    filterClear: 'すべて表示',
    filterInvalid: '候補者 ID は A-Z a-z 0-9 _ - の 1〜64 文字です。',
    summaryTitle: '候補者の状況',
    summaryTotal: '{count} 人',
    summaryTotalOne: '1 人',
    'status.connecting': '接続中…',
    'status.live': 'ライブ',
    'status.waiting': '{seconds} 秒後に再接続',
    'status.reconnecting': '再接続中…',
    'status.offline': 'オフライン',
    'status.signedOut': '未サインイン',
    'status.forbidden': '権限なし',
    'status.stopped': '一時停止',
    'stage.new': '新規',
    'stage.pending': '判定待ち',
    'stage.interviewPassed': '面接合格',
    'stage.trialPassed': '試験配信合格',
    'stage.live': '配信開始',
    'stage.failed': '不合格',
    'stage.archived': 'アーカイブ',
    'action.created': '登録',
    'action.updated': '更新',
    'action.interview_decision': '面接判定',
    'action.trial_broadcast_decision': '試験配信判定',
    'action.go_live_decision': '配信開始判定',
    'action.archived': 'アーカイブ',
    'decision.pass': '合格',
    'decision.fail': '不合格',
    'decision.pending': '保留',
    'role.gicho': '議長',
    'role.kancho': '館長',
    'role.recruiter': 'リクルーター',
    emptyValue: '（空）',
    signInTitle: 'サインインして操作ログを表示',
    signInText: 'サインインしていないか、セッションの有効期限が切れています。',
    signInName: '名前',
    signInUserId: 'ユーザー ID',
    signInRole: 'ロール',
    signInButton: 'サインイン',
    signInElsewhere: 'サインインは採用メインアプリで行います。サインイン後、このページを再読み込みしてください。',
    signInFailed: 'サインインに失敗しました：{detail}',
    forbidden: 'このロールでは操作ログを閲覧できません。議長または館長に依頼してください。',
    loadFailed: '操作ログを読み込めません：{detail}',
    unreachable: 'サーバーに接続できません。',
  },
};

const storageKey = 'recruitops.language';
const htmlLang = { en: 'en', zh: 'zh-CN', ja: 'ja' };

/** The saved choice, else the first of the browser's languages we speak, else English. */
export function initialLanguage() {
  const saved = safeStorage()?.getItem(storageKey);
  if (saved && saved in strings) {
    return saved;
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (base in strings) {
      return base;
    }
  }
  return 'en';
}

export function saveLanguage(language) {
  safeStorage()?.setItem(storageKey, language);
}

/** The BCP 47 tag for dates and for `lang`, so CJK text picks the right glyphs. Keeps the viewer's region for English. */
export function localeFor(language) {
  const browser = navigator.language || 'en';
  return browser.toLowerCase().startsWith(language) ? browser : htmlLang[language];
}

export function htmlLangFor(language) {
  return htmlLang[language];
}

export function translator(language) {
  const table = strings[language] ?? strings.en;
  return (key, values = {}) => {
    const text = table[key] ?? strings.en[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
  };
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    // Storage can be blocked by browser settings; the choice then lasts only for this visit.
    return null;
  }
}
