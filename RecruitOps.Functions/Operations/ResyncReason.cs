namespace RecruitOps.Operations;

/// <summary>Why a resume point cannot be replayed from; the client reloads the history instead.</summary>
public enum ResyncReason
{
    /// <summary>Not an operation id at all.</summary>
    Malformed,

    /// <summary>Well formed, but no such operation was recorded (and it is no time position either).</summary>
    Unknown,

    /// <summary>Recorded longer ago than the stream replays.</summary>
    TooOld,

    /// <summary>More operations were recorded since than one replay may send.</summary>
    TooMany,
}
