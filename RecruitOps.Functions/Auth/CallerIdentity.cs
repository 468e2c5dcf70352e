namespace RecruitOps.Auth;

/// <summary>A request's token, where it came from and what validating it found.</summary>
public sealed record CallerIdentity(TokenSource Source, TokenCheck Check)
{
    public static readonly CallerIdentity Anonymous = new(TokenSource.None, TokenCheck.Refused(TokenFailure.Invalid));

    public bool IsValid => Check.Failure == TokenFailure.None;
}
