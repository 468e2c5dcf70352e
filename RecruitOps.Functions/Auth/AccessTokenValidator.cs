using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace RecruitOps.Auth;

/// <summary>
/// Validates a JWT against exactly one trust source chosen by its <c>alg</c> header: HS256 against the shared key,
/// RS256 against the OpenID Connect authority's keys. Keeping the two key sets apart is what defeats algorithm
/// confusion: an HS256 token "signed" with the authority's public key is checked only against the shared key, and
/// an RS256 token is refused when no authority is configured. <c>none</c> and every other algorithm are refused.
/// </summary>
public sealed partial class AccessTokenValidator
{
    /// <summary>Entra ID access tokens are a few KiB; anything far larger is refused before parsing.</summary>
    public const int MaxTokenLength = 16 * 1024;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };
    private readonly AuthOptions _settings;
    private readonly SymmetricSecurityKey? _sharedKey;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _authority;
    private readonly ILogger<AccessTokenValidator> _logger;

    public AccessTokenValidator(
        IOptions<AuthOptions> options, SigningKeyProvider keys, IHttpClientFactory httpClients, ILogger<AccessTokenValidator> logger)
    {
        _settings = options.Value;
        _sharedKey = keys.Key;
        _logger = logger;
        if (!string.IsNullOrWhiteSpace(_settings.Authority))
        {
            var metadata = _settings.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(nameof(AccessTokenValidator)))
            {
                RequireHttps = _settings.RequireHttpsMetadata,
            };
            _authority = new ConfigurationManager<OpenIdConnectConfiguration>(
                metadata, new OpenIdConnectConfigurationRetriever(), retriever);
        }
    }

    public async ValueTask<TokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return TokenCheck.Refused(TokenFailure.Invalid);
        }

        JsonWebToken parsed;
        try
        {
            parsed = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return TokenCheck.Refused(TokenFailure.Invalid);
        }

        // A "crit" header names extensions the recipient must understand; this app understands none (RFC 7515 §4.1.11).
        if (parsed.IsEncrypted || parsed.TryGetHeaderValue<object>("crit", out _))
        {
            return TokenCheck.Refused(TokenFailure.Invalid);
        }

        return parsed.Alg switch
        {
            SecurityAlgorithms.HmacSha256 when _sharedKey is not null => await ValidateSharedKeyAsync(token),
            SecurityAlgorithms.RsaSha256 when _authority is not null => await ValidateAuthorityAsync(token, cancellationToken),
            _ => Rejected(parsed.Alg),
        };
    }

    private async Task<TokenCheck> ValidateSharedKeyAsync(string token)
    {
        var parameters = CommonParameters(SecurityAlgorithms.HmacSha256);
        parameters.IssuerSigningKey = _sharedKey;
        parameters.ValidateIssuer = _settings.Issuer is not null;
        parameters.ValidIssuer = _settings.Issuer;
        return Outcome(await _handler.ValidateTokenAsync(token, parameters));
    }

    private async Task<TokenCheck> ValidateAuthorityAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _authority!.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            Log.AuthorityUnavailable(_logger, ex);
            return TokenCheck.Refused(TokenFailure.AuthorityUnavailable);
        }

        var parameters = CommonParameters(SecurityAlgorithms.RsaSha256);
        // Only asymmetric keys from the metadata: a symmetric key published there must never verify anything.
        parameters.IssuerSigningKeys = configuration.SigningKeys.Where(key => key is not SymmetricSecurityKey).ToList();
        parameters.ValidIssuers = new[] { configuration.Issuer, _settings.Issuer }.OfType<string>().ToList();
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The authority may have rolled its keys since the metadata was cached; the manager throttles refreshes.
            _authority.RequestRefresh();
        }

        return Outcome(result);
    }

    private TokenValidationParameters CommonParameters(string algorithm) => new()
    {
        ValidAlgorithms = [algorithm],
        ValidateAudience = _settings.Audience is not null,
        ValidAudience = _settings.Audience,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromSeconds(_settings.ClockSkewSeconds),
        NameClaimType = _settings.NameClaim,
        RoleClaimType = _settings.RoleClaim,
    };

    private TokenCheck Outcome(TokenValidationResult result)
    {
        if (!result.IsValid)
        {
            var reason = result.Exception?.GetType().Name ?? "unknown";
            Log.Refused(_logger, reason);
            return TokenCheck.Refused(TokenFailure.Invalid);
        }

        // ValidTo is UTC; saying so keeps the conversion from treating it as local time.
        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(result.SecurityToken.ValidTo, DateTimeKind.Utc));
        return new TokenCheck(result.ClaimsIdentity, expiresAt, TokenFailure.None);
    }

    private TokenCheck Rejected(string algorithm)
    {
        // The header is the caller's text: log it only when it looks like an algorithm name.
        var shown = algorithm.Length <= 16 && Operations.RequestFields.IsKey(algorithm) ? algorithm : "(unrecognised)";
        Log.AlgorithmRefused(_logger, shown);
        return TokenCheck.Refused(TokenFailure.Invalid);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Access token refused: {Reason}")]
        public static partial void Refused(ILogger logger, string reason);

        [LoggerMessage(EventId = 6002, Level = LogLevel.Information,
            Message = "Access token refused: algorithm {Algorithm} is not accepted here")]
        public static partial void AlgorithmRefused(ILogger logger, string algorithm);

        [LoggerMessage(EventId = 6003, Level = LogLevel.Warning,
            Message = "The OpenID Connect authority's metadata could not be fetched")]
        public static partial void AuthorityUnavailable(ILogger logger, Exception exception);
    }
}
