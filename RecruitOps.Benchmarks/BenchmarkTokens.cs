using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RecruitOps.Benchmarks;

/// <summary>Signs the HS256 token the app expects, as the existing app issues them, for a benchmark user.</summary>
internal static class BenchmarkTokens
{
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>A kancho token: kancho may both read the stream and record operations.</summary>
    public static string Sign(string signingKey, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", "u-bench"),
                new Claim("name", "Benchmark"),
                new Claim("role", "kancho"),
                new Claim("csrf", "bench"),
            ]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
