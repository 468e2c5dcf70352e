using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>The answer of <c>GET /api/auth/me</c> (docs/auth.md).</summary>
public sealed record SessionInfo(
    bool Authenticated,
    Actor? Actor,
    bool CanRead,
    bool CanWrite,
    string? Csrf,
    DateTimeOffset? ExpiresAt,
    bool LocalSignInEnabled,
    IReadOnlyList<string> SignInRoles);
