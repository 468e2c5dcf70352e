using Microsoft.AspNetCore.Http;

namespace RecruitOps.Auth;

/// <summary>
/// Authenticates and authorizes one request. Called by each function itself, so the same check runs under the
/// Functions host and in the standalone host.
/// </summary>
public interface IRequestAuthenticator
{
    ValueTask<AuthResult> AuthenticateAsync(HttpRequest request, AccessLevel level, CancellationToken cancellationToken);
}
