using System.Buffers.Text;
using System.Text.Json;

namespace RecruitOps.Operations;

/// <summary>
/// Opaque paging cursors: the last row key a page returned and the scope (all, or one recruit) it was issued for.
/// Keys, not Table Storage continuation tokens, so a cursor stays valid whatever pages the service returns.
/// </summary>
internal static class PageCursor
{
    public static string Encode(string scope, string lastRowKey) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { "1", scope, lastRowKey }));

    /// <summary>Returns the row key to continue after, or throws when the cursor was not issued for this scope.</summary>
    public static string Decode(string cursor, string scope)
    {
        string[]? parts;
        try
        {
            parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new InvalidCursorException("The cursor is not one this API issued.");
        }

        if (parts is not ["1", var issuedScope, var rowKey] || issuedScope is null || rowKey is null)
        {
            throw new InvalidCursorException("The cursor is not one this API issued.");
        }

        if (issuedScope != scope)
        {
            throw new InvalidCursorException("The cursor belongs to a different filter; start again without a cursor.");
        }

        if (!rowKey.StartsWith(scope, StringComparison.Ordinal) || !OperationId.IsValidInverted(rowKey.AsSpan(scope.Length)))
        {
            throw new InvalidCursorException("The cursor is not one this API issued.");
        }

        return rowKey;
    }
}
