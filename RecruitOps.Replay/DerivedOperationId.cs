using System.Security.Cryptography;
using System.Text;

namespace RecruitOps.Replay;

/// <summary>
/// The operationId sent for a line that has none, so that replaying a file twice records nothing new.
/// Rule: <c>replay-</c> followed by the first 12 bytes (24 lowercase hex digits) of the SHA-256 of the UTF-8 text
/// <c>"{line number}\n{line text}"</c>, where the line number counts from 1 in the file and the text is the line
/// exactly as read, without its line ending. Two identical lines at different places are two operations; an edit
/// to a line, or a line inserted above it, makes it a new operation on the next replay.
/// </summary>
public static class DerivedOperationId
{
    public const string Prefix = "replay-";

    public static string For(int lineNumber, string lineText)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{lineNumber}\n{lineText}"));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
