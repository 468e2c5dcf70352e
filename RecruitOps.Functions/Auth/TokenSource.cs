namespace RecruitOps.Auth;

/// <summary>Where the caller's token came from; only a cookie rides along on cross-site requests, so only it needs CSRF.</summary>
public enum TokenSource
{
    None,
    Bearer,
    Cookie,
}
