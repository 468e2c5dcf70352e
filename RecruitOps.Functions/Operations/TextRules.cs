using System.Text.Json;

namespace RecruitOps.Operations;

/// <summary>
/// The text policy of every string field: valid Unicode only (no lone surrogates), no control characters (NUL
/// included) except tab and line breaks where a field allows them, and lengths counted in Unicode code points so an
/// emoji counts once, as a person counts it.
/// </summary>
internal static class TextRules
{
    /// <summary>Ends a sentence: System.Text.Json decodes text lazily, so bad UTF-8 and lone surrogates show up here.</summary>
    public const string NotUnicode = "must be valid Unicode (UTF-8 without lone surrogates).";

    /// <summary>
    /// Reads a JSON string without throwing on an escaped lone surrogate (<c>"\ud800"</c>), which
    /// System.Text.Json refuses to turn into a .NET string.
    /// </summary>
    public static bool TryGetText(JsonElement element, out string text)
    {
        try
        {
            text = element.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = string.Empty;
            return false;
        }
    }

    /// <summary>Reads a member name the same way: <c>{"\udc00": 1}</c> is valid JSON but not valid Unicode.</summary>
    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }

    /// <summary>Describes what is wrong with <paramref name="value"/>, or returns null when it is acceptable text.</summary>
    public static string? Problem(string value, bool allowLineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if (IsNoncharacter(char.ConvertToUtf32(c, value[++i])))
                {
                    return NoncharacterProblem;
                }

                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "must be valid Unicode (it contains a lone surrogate)";
            }

            if (allowLineBreaks && c is '\n' or '\r' or '\t' or '\u2028' or '\u2029')
            {
                continue;
            }

            // C0 (NUL included), DEL and C1: invisible in the page and rejected by Table Storage in keys. U+2028 and
            // U+2029 are line breaks too: single-line fields refuse them, a note takes them as it takes a newline.
            if (char.IsControl(c) || (!allowLineBreaks && c is '\u2028' or '\u2029'))
            {
                return allowLineBreaks
                    ? "must not contain control characters other than tab and line breaks"
                    : "must not contain control characters or line breaks";
            }

            if (IsNoncharacter(c))
            {
                return NoncharacterProblem;
            }
        }

        return null;
    }

    public static int CountCharacters(string value) => value.EnumerateRunes().Count();

    private const string NoncharacterProblem =
        "must not contain Unicode noncharacters (U+FDD0 to U+FDEF, or U+FFFE and U+FFFF of any plane)";

    /// <summary>The 66 code points Unicode reserves for a program's internal use, never for interchange.</summary>
    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
