using System.ComponentModel.DataAnnotations;

namespace RecruitOps.Auth;

/// <summary>
/// How callers are authenticated and which roles may do what (docs/auth.md). Cross-field rules — a key or an
/// authority must be set, keys of at least 256 bits, no local sign-in in Production — live in
/// <see cref="AuthOptionsValidator"/>.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>The cookie the existing app sets the JWT in.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$")]
    public string CookieName { get; set; } = "access_token_cookie";

    /// <summary>Shared HS256 key (at least 32 bytes of UTF-8), as the existing app signs tokens. A secret: Key Vault.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// An OpenID Connect authority whose RS256 keys are trusted; for Entra ID
    /// <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>Only for a test authority on loopback: fetch its metadata over plain HTTP. Refused in Production.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>When set, every token must carry this issuer (authority tokens may also carry the metadata's issuer).</summary>
    public string? Issuer { get; set; }

    /// <summary>When set, every token must carry this audience. Required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    [Range(0, 300)]
    public int ClockSkewSeconds { get; set; } = 30;

    [Required]
    public string SubjectClaim { get; set; } = "sub";

    [Required]
    public string NameClaim { get; set; } = "name";

    [Required]
    public string RoleClaim { get; set; } = "role";

    /// <summary>The claim holding the double-submit CSRF value that cookie-authenticated writes echo in X-CSRF-TOKEN.</summary>
    [Required]
    public string CsrfClaim { get; set; } = "csrf";

    // The binder appends configured items to an array's initial ones, so defaults apply only when none are configured.
    public string[] ReaderRoles { get; set; } = [];

    public string[] WriterRoles { get; set; } = [];

    public IReadOnlyList<string> Readers => ReaderRoles.Length > 0 ? ReaderRoles : ["gicho", "kancho"];

    public IReadOnlyList<string> Writers => WriterRoles.Length > 0 ? WriterRoles : ["gicho", "kancho", "recruiter"];

    /// <summary>Origins (scheme://host[:port]) allowed to call the API from a browser with credentials. Empty: no CORS.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Development only: lets the page and the replay command mint tokens for any role. Refused in Production.</summary>
    public bool LocalSignInEnabled { get; set; }
}
