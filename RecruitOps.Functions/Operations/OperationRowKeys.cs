namespace RecruitOps.Operations;

/// <summary>
/// The table layout. Everything lives in one partition so that an operation, its per-recruit copy, its idempotency
/// key and its outbox mark are written in a single entity-group transaction: none can exist without the others.
/// Row keys are prefixed by kind; every user-supplied part is either validated to <c>A-Z a-z 0-9 _ -</c> or an id
/// this service generated, so no key ever holds <c>/ \ # ?</c> or control characters.
/// <list type="table">
/// <item><term><c>t|{inverted id}</c></term><description>timeline, newest first</description></item>
/// <item><term><c>r|{recruitId}|{inverted id}</c></term><description>one recruit's operations, newest first</description></item>
/// <item><term><c>k|{operationId}</c></term><description>idempotency key → id and content hash</description></item>
/// <item><term><c>o|{id}</c></term><description>outbox: recorded but not yet confirmed published, oldest first</description></item>
/// <item><term><c>l|{publish ms}|{id}</c></term><description>late-publish index: a copy of each operation published late, by publish time (docs/servicebus.md)</description></item>
/// </list>
/// </summary>
public static class OperationRowKeys
{
    public const string Partition = "ops";
    public const string TimelinePrefix = "t|";
    public const string KeyPrefix = "k|";
    public const string OutboxPrefix = "o|";
    public const string LatePrefix = "l|";

    public static string Timeline(string id) => TimelinePrefix + OperationId.Invert(id);

    public static string RecruitPrefix(string recruitId) => $"r|{recruitId}|";

    public static string Recruit(string recruitId, string id) => RecruitPrefix(recruitId) + OperationId.Invert(id);

    public static string Key(string operationId) => KeyPrefix + operationId;

    public static string Outbox(string id) => OutboxPrefix + id;

    /// <summary>A late-publish row: fixed-width Unix milliseconds sort as text in time order.</summary>
    public static string Late(DateTimeOffset publishedAt, string id) => LateAt(publishedAt) + "|" + id;

    /// <summary>The lower bound of every late-publish row at or after <paramref name="time"/>.</summary>
    public static string LateAt(DateTimeOffset time) =>
        LatePrefix + time.ToUnixTimeMilliseconds().ToString("D15", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first string after every key that starts with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string IdFromTimeline(string rowKey) => OperationId.Invert(rowKey[TimelinePrefix.Length..]);
}
