using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace RecruitOps.Auth;

/// <summary>
/// The HS256 key. With local sign-in enabled and no key configured, a random key is made at start: local tokens
/// then last as long as the process, and no key ever needs to be written down.
/// </summary>
public sealed class SigningKeyProvider
{
    public const int MinimumKeyBytes = 32;

    public SigningKeyProvider(IOptions<AuthOptions> options)
    {
        var configured = options.Value.SigningKey;
        var bytes = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(MinimumKeyBytes) : Encoding.UTF8.GetBytes(configured);
        Key = new SymmetricSecurityKey(bytes);
    }

    public SymmetricSecurityKey Key { get; }
}
