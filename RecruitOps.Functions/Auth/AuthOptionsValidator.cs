using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>
/// Start-up checks that name the setting to fix. A weak or missing key would otherwise surface only as every request
/// failing (or, worse, as tokens anyone can forge), and local sign-in in Production would let anyone pick a role.
/// </summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var hasKey = !string.IsNullOrEmpty(options.SigningKey);
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        if (hasKey && Encoding.UTF8.GetByteCount(options.SigningKey!) < SigningKeyProvider.MinimumKeyBytes)
        {
            failures.Add($"Auth:SigningKey must be at least {SigningKeyProvider.MinimumKeyBytes} bytes (256 bits) for HS256.");
        }

        if (!hasKey && !hasAuthority && !options.LocalSignInEnabled)
        {
            failures.Add("Set Auth:SigningKey (the shared HS256 key, at least 32 bytes) or Auth:Authority (an OpenID Connect " +
                "authority such as Entra ID); without either no token can be validated.");
        }

        if (options.LocalSignInEnabled && environment.IsProduction())
        {
            failures.Add("Auth:LocalSignInEnabled must not be true in Production: it lets anyone sign in with any role.");
        }

        if (hasAuthority)
        {
            CheckAuthority(options, failures);
        }

        CheckRoles("Auth:ReaderRoles", options.Readers, failures);
        CheckRoles("Auth:WriterRoles", options.Writers, failures);
        foreach (var origin in options.AllowedOrigins.Where(origin => !IsOrigin(origin)))
        {
            failures.Add($"Auth:AllowedOrigins: '{origin}' is not an origin; use scheme://host[:port] with no path, and no '*'.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private void CheckAuthority(AuthOptions options, List<string> failures)
    {
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) ||
            (authority.Scheme != Uri.UriSchemeHttps && (options.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add("Auth:Authority must be an absolute https URL, e.g. https://login.microsoftonline.com/{tenant}/v2.0.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Audience is required with Auth:Authority (for Entra ID, the API's application ID URI or client id).");
        }

        if (!options.RequireHttpsMetadata && environment.IsProduction())
        {
            failures.Add("Auth:RequireHttpsMetadata must not be false in Production.");
        }
    }

    private static void CheckRoles(string setting, IReadOnlyList<string> roles, List<string> failures)
    {
        if (roles.Any(role => !RequestFields.IsKey(role)))
        {
            failures.Add($"{setting}: each role is 1 to 64 of the characters A-Z a-z 0-9 _ -.");
        }
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        uri.GetLeftPart(UriPartial.Authority).Equals(value.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) &&
        !value.Contains('*', StringComparison.Ordinal);
}
