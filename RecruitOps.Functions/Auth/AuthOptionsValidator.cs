using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RecruitOps.Operations;

namespace RecruitOps.Auth;

/// <summary>
/// Start-up checks that name the setting to fix. A weak or missing key would otherwise surface only as every request
/// failing (or, worse, as tokens anyone can forge), and local sign-in outside Development would let anyone pick a role.
/// </summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    private const string UnresolvedKeyVaultReference = "@Microsoft.KeyVault(";

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var hasKey = !string.IsNullOrEmpty(options.SigningKey);
        var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
        if (hasKey && Encoding.UTF8.GetByteCount(options.SigningKey!) < SigningKeyProvider.MinimumKeyBytes)
        {
            failures.Add($"Auth:SigningKey must be at least {SigningKeyProvider.MinimumKeyBytes} bytes (256 bits) for HS256.");
        }

        if (hasKey && options.SigningKey!.TrimStart().StartsWith(UnresolvedKeyVaultReference, StringComparison.OrdinalIgnoreCase))
        {
            // App Service passes a reference it cannot resolve (no access yet, secret missing) through as its own
            // text. That text is long enough to pass as a key, and it is guessable from the app's public host name.
            failures.Add("Auth:SigningKey holds an unresolved Key Vault reference: the app's identity cannot read the " +
                "secret (role assignment still propagating, or the secret is missing). Refusing to sign with its text.");
        }

        if (!hasKey && !hasAuthority && !options.LocalSignInEnabled)
        {
            failures.Add("Set Auth:SigningKey (the shared HS256 key, at least 32 bytes) or Auth:Authority (an OpenID Connect " +
                "authority such as Entra ID); without either no token can be validated.");
        }

        if (options.LocalSignInEnabled && !environment.IsDevelopment())
        {
            failures.Add($"Auth:LocalSignInEnabled may be true only in Development (this is {environment.EnvironmentName}): " +
                "it lets anyone sign in with any role.");
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
