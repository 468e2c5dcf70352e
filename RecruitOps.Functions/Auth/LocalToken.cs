namespace RecruitOps.Auth;

/// <summary>The local sign-in answer: the token (also set as the cookie), its CSRF value and when it expires.</summary>
public sealed record LocalToken(string AccessToken, string Csrf, DateTimeOffset ExpiresAt);
