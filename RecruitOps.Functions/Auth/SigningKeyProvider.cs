using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace RecruitOps.Auth;

/// <summary>
/// The HS256 key, as UTF-8 bytes of <c>Auth:SigningKey</c> (as the existing app uses its secret). With local sign-in
/// enabled and no key configured, a random key is made at start: local tokens then last as long as the process, and
/// no key ever needs to be written down. With only an OpenID Connect authority there is no shared key at all, so
/// HS256 tokens are refused outright. <see cref="AuthOptionsValidator"/> refuses every other case at start.
/// </summary>
public sealed class SigningKeyProvider
{
    public const int MinimumKeyBytes = 32;

    public SigningKeyProvider(IOptions<AuthOptions> options)
    {
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.SigningKey))
        {
            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey));
        }
        else if (settings.LocalSignInEnabled)
        {
            Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(MinimumKeyBytes));
        }
    }

    /// <summary>Null when only an OpenID Connect authority is trusted.</summary>
    public SymmetricSecurityKey? Key { get; }
}
