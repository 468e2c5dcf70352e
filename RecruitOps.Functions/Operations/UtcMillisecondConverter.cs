using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RecruitOps.Operations;

/// <summary>
/// Writes times as UTC with exactly three fractional digits (<c>2026-12-03T18:12:07.123Z</c>), the form of the
/// contract; operation times are millisecond-precise because the id carries them.
/// </summary>
public sealed class UtcMillisecondConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
