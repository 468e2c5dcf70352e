using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text;

namespace RecruitOps.Tests.Infrastructure;

/// <summary>Reads a live stream over real HTTP with the spec-conformant <see cref="SseParser"/>.</summary>
public sealed class EventStreamClient : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private EventStreamClient(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _events = SseParser.Create(body, (_, data) => Encoding.UTF8.GetString(data)).EnumerateAsync().GetAsyncEnumerator();
    }

    public HttpResponseMessage Response => _response;

    public static async Task<EventStreamClient> OpenAsync(HttpClient client, string? lastEventId = null, string path = "/api/recruits/operations/stream")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
        return new EventStreamClient(response, body);
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<SseItem<string>?> NextAsync(TimeSpan? timeout = null)
    {
        var next = _events.MoveNextAsync().AsTask();
        var winner = await Task.WhenAny(next, Task.Delay(timeout ?? TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        if (winner != next)
        {
            throw new TimeoutException("No event arrived in time.");
        }

        return await next ? _events.Current : null;
    }

    public async ValueTask DisposeAsync()
    {
        _response.Dispose();
        try
        {
            await _events.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or HttpRequestException or OperationCanceledException)
        {
            // The connection is gone, which is the point.
        }
    }
}
