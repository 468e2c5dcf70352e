namespace RecruitOps.Auth;

/// <summary>How callers are authenticated and which roles may do what (see README, "Configuring sign-in").</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The cookie the existing app sets the JWT in.</summary>
    public string CookieName { get; set; } = "access_token_cookie";

    /// <summary>Shared HS256 key (at least 32 bytes), as the existing app signs tokens. Keep it in Key Vault or app settings.</summary>
    public string? SigningKey { get; set; }

    public string? Issuer { get; set; }

    public string? Audience { get; set; }

    public string SubjectClaim { get; set; } = "sub";

    public string NameClaim { get; set; } = "name";

    public string RoleClaim { get; set; } = "role";

    public string[] ReaderRoles { get; set; } = ["gicho", "kancho"];

    public string[] WriterRoles { get; set; } = ["gicho", "kancho", "recruiter"];

    /// <summary>Development only: lets the page and the replay command mint tokens for any role.</summary>
    public bool LocalSignInEnabled { get; set; }
}
