using System.Security.Claims;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>
/// Reads the actor from a validated token through the configured claim names. The values end up in every stored
/// operation and on every screen, so they get the same text rules as the body's fields.
/// </summary>
internal static class ActorClaims
{
    public static string? Problem(ClaimsIdentity identity, AuthOptions settings)
    {
        var sub = identity.FindFirst(settings.SubjectClaim)?.Value;
        if (string.IsNullOrEmpty(sub))
        {
            return $"The access token has no '{settings.SubjectClaim}' claim.";
        }

        if (sub.Length > JwtRequestAuthenticator.MaxSubjectLength || sub.Any(c => c is <= ' ' or > '~'))
        {
            return $"The token's '{settings.SubjectClaim}' claim must be 1 to " +
                $"{JwtRequestAuthenticator.MaxSubjectLength} printable ASCII characters.";
        }

        var name = identity.FindFirst(settings.NameClaim)?.Value;
        if (name is not null && (TextRules.Problem(name, allowLineBreaks: false) is not null ||
            TextRules.CountCharacters(name) > JwtRequestAuthenticator.MaxNameLength))
        {
            return $"The token's '{settings.NameClaim}' claim must be at most " +
                $"{JwtRequestAuthenticator.MaxNameLength} characters with no control characters.";
        }

        return null;
    }

    /// <summary>A token without a display name shows its subject instead.</summary>
    public static Actor ToActor(ClaimsIdentity identity, AuthOptions settings, string role)
    {
        var sub = identity.FindFirst(settings.SubjectClaim)!.Value;
        var name = identity.FindFirst(settings.NameClaim)?.Value.Trim();
        return new Actor(sub, string.IsNullOrEmpty(name) ? sub : name, role);
    }
}
