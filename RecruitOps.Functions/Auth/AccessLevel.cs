namespace RecruitOps.Auth;

public enum AccessLevel
{
    /// <summary>Read the history and the live stream.</summary>
    Read,

    /// <summary>Record operations.</summary>
    Write,
}
