using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RecruitOps.Operations;

/// <summary>Source-generated JSON for everything the API writes: no reflection on the hot fan-out path.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    Converters = [typeof(UtcMillisecondConverter)])]
[JsonSerializable(typeof(Operation))]
[JsonSerializable(typeof(OperationPage))]
[JsonSerializable(typeof(RecruitOps.Streaming.ReadyPayload))]
[JsonSerializable(typeof(RecruitOps.Streaming.ResyncPayload))]
[JsonSerializable(typeof(IReadOnlyList<OperationChange>))]
internal sealed partial class OperationJsonContext : JsonSerializerContext;

/// <summary>The one set of serializer options used for operations, shared by the API, the stream and the bus.</summary>
public static class OperationJson
{
    /// <summary>
    /// Keeps CJK text readable (and a third of the size) on the wire; still escapes quotes, backslashes and control
    /// characters. System.Text.Json escapes every character outside the Basic Multilingual Plane (emoji become
    /// <c>\uD83D\uDE00</c>) whatever the encoder says; that is valid JSON and decodes to the same text. Nothing here is embedded in HTML: the page inserts values as text.
    /// </summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonTypeInfo<Operation> OperationInfo => (JsonTypeInfo<Operation>)Options.GetTypeInfo(typeof(Operation));

    private static JsonTypeInfo<IReadOnlyList<OperationChange>> ChangesInfo =>
        (JsonTypeInfo<IReadOnlyList<OperationChange>>)Options.GetTypeInfo(typeof(IReadOnlyList<OperationChange>));

    public static byte[] SerializeToUtf8Bytes(Operation operation) =>
        JsonSerializer.SerializeToUtf8Bytes(operation, OperationInfo);

    public static string Serialize(Operation operation) => JsonSerializer.Serialize(operation, OperationInfo);

    public static Operation? Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, OperationInfo);

    public static string SerializeChanges(IReadOnlyList<OperationChange> changes) =>
        JsonSerializer.Serialize(changes, ChangesInfo);

    public static IReadOnlyList<OperationChange>? DeserializeChanges(string json) =>
        JsonSerializer.Deserialize(json, ChangesInfo);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(OperationJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }
}
