using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RecruitOps.Replay;

/// <summary>
/// Records lines through <c>POST /api/recruits/operations</c>, each as its own user with a token from the app's
/// local sign-in (one per user, cached). Network errors and 5xx are retried: every line carries an operationId,
/// so a retry of a request that did get through answers 200 instead of recording twice.
/// </summary>
public sealed class RecordingClient(HttpClient http, TimeSpan retryDelay)
{
    public const int MaxAttempts = 3;

    private readonly ConcurrentDictionary<ReplayUser, Lazy<Task<SignIn>>> _signIns = new();

    public async Task<LineOutcome> RecordAsync(ReplayLine line, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (result, reason) = await TryRecordAsync(line, attempt, cancellationToken);
            if (result != LineResult.Failed || attempt == MaxAttempts)
            {
                return new LineOutcome(line.Number, result, reason);
            }

            await Task.Delay(retryDelay * attempt, cancellationToken);
        }
    }

    private async Task<(LineResult, string?)> TryRecordAsync(ReplayLine line, int attempt, CancellationToken cancellationToken)
    {
        var signIn = await GetSignInAsync(line.User, cancellationToken);
        if (signIn.Token is null)
        {
            return (signIn.Result, signIn.Reason);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/recruits/operations")
        {
            Content = new StringContent(line.Body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", signIn.Token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    return (LineResult.Recorded, null);
                case HttpStatusCode.OK:
                    return (LineResult.AlreadyRecorded, null);
                case HttpStatusCode.Unauthorized when attempt < MaxAttempts:
                    // The cached token expired during a long replay: sign in again on the next attempt.
                    _signIns.TryRemove(line.User, out _);
                    return (LineResult.Failed, await ProblemReason.ReadAsync(response, cancellationToken));
                default:
                    return (Classify(response.StatusCode), await ProblemReason.ReadAsync(response, cancellationToken));
            }
        }
        catch (HttpRequestException ex)
        {
            return (LineResult.Failed, $"network: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (LineResult.Failed, $"timed out: {ex.Message}");
        }
    }

    private async Task<SignIn> GetSignInAsync(ReplayUser user, CancellationToken cancellationToken)
    {
        var lazy = _signIns.GetOrAdd(user, key => new Lazy<Task<SignIn>>(() => SignInAsync(key, cancellationToken)));
        var signIn = await lazy.Value;
        if (signIn.Result == LineResult.Failed)
        {
            // Worth another try later, unlike a refused user.
            _signIns.TryRemove(new KeyValuePair<ReplayUser, Lazy<Task<SignIn>>>(user, lazy));
        }

        return signIn;
    }

    private async Task<SignIn> SignInAsync(ReplayUser user, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent([new("sub", user.Sub), new("name", user.Name), new("role", user.Role)]);
        try
        {
            using var response = await http.PostAsync("api/auth/local-sign-in", form, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new ReplayStoppedException(
                    $"Local sign-in is turned off at {http.BaseAddress}: run the app in Development " +
                    "(./eng/run.sh does) or with Auth__LocalSignInEnabled=true.");
            }

            if (!response.IsSuccessStatusCode)
            {
                var reason = $"sign-in as {user.Sub} refused: {await ProblemReason.ReadAsync(response, cancellationToken)}";
                return new SignIn(null, Classify(response.StatusCode), reason);
            }

            var token = await response.Content.ReadFromJsonAsync<LocalToken>(JsonSerializerOptions.Web, cancellationToken);
            return token?.AccessToken is { Length: > 0 } accessToken
                ? new SignIn(accessToken, LineResult.Recorded, null)
                : new SignIn(null, LineResult.Failed, "sign-in answered without an access token");
        }
        catch (JsonException)
        {
            return new SignIn(null, LineResult.Failed, "sign-in answered with something other than a token");
        }
        catch (HttpRequestException ex)
        {
            return new SignIn(null, LineResult.Failed, $"network during sign-in: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new SignIn(null, LineResult.Failed, $"sign-in timed out: {ex.Message}");
        }
    }

    private static LineResult Classify(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status != HttpStatusCode.TooManyRequests && status != HttpStatusCode.RequestTimeout
            ? LineResult.Rejected
            : LineResult.Failed;

    private sealed record SignIn(string? Token, LineResult Result, string? Reason);

    private sealed record LocalToken(string AccessToken, string Csrf, DateTimeOffset ExpiresAt);
}
