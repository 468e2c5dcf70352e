namespace RecruitOps.Streaming;

/// <summary>Why a stream ended. In every case the client resumes from its last id and loses nothing.</summary>
public enum StreamEnd
{
    /// <summary>The configured lifetime passed (the platform cuts responses at 230 s anyway).</summary>
    Lifetime,

    /// <summary>The caller's token expired; reconnecting needs a fresh one.</summary>
    TokenExpired,

    /// <summary>The app is shutting down.</summary>
    AppStopping,

    /// <summary>The client disconnected.</summary>
    ClientGone,

    /// <summary>The client fell behind by the backlog cap.</summary>
    Backlog,

    /// <summary>The stream sent as many ids as it may remember; see <see cref="SentIds"/>.</summary>
    IdMemoryFull,

    /// <summary>The client was told to resync: it reloads the history and connects afresh.</summary>
    Resync,

    /// <summary>Table Storage failed during the replay.</summary>
    StorageFailed,

    /// <summary>The feed behind the relay may have missed operations; the client's resume replays them.</summary>
    FeedGap,
}
