namespace RecruitOps.Auth;

/// <summary>Why a token was refused.</summary>
public enum TokenFailure
{
    None,
    Invalid,

    /// <summary>The OpenID Connect metadata could not be fetched: the server's problem, not the caller's.</summary>
    AuthorityUnavailable,
}
