using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace RecruitOps.Operations;

/// <summary>Reads a JSON request body up to a limit, answering 413 past it and 415 for another media type.</summary>
public static class RequestBody
{
    public sealed record Result(ReadOnlyMemory<byte> Content, IResult? Failure);

    public static async Task<Result> ReadJsonAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
            // charset="utf-8" is the same parameter as charset=utf-8 (RFC 9110, 5.6.6).
            (mediaType.Charset.HasValue &&
             !HeaderUtilities.RemoveQuotes(mediaType.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return new(default, Problems.UnsupportedMediaType("Send the operation as Content-Type: application/json (UTF-8)."));
        }

        if (request.ContentLength > maxBytes)
        {
            return new(default, TooLarge(maxBytes));
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return new(default, TooLarge(maxBytes));
            }
        }

        return new(buffer.WrittenMemory, null);
    }

    private static IResult TooLarge(int maxBytes) =>
        Problems.TooLarge($"The body is larger than {maxBytes / 1024} KiB.");
}
