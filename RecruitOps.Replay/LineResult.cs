namespace RecruitOps.Replay;

public enum LineResult
{
    /// <summary>201: stored now.</summary>
    Recorded,

    /// <summary>200: the operationId was stored before with the same content; nothing new.</summary>
    AlreadyRecorded,

    /// <summary>A 4xx answer or a malformed line: sending it again will not help.</summary>
    Rejected,

    /// <summary>Network trouble or a 5xx after retries: sending it again later may work.</summary>
    Failed,
}
