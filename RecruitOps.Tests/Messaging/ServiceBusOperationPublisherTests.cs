using System.Text;
using System.Text.Json;
using RecruitOps.Messaging;
using RecruitOps.Operations;
using RecruitOps.Tests.Messaging.Fakes;

namespace RecruitOps.Tests.Messaging;

public sealed class ServiceBusOperationPublisherTests
{
    private static readonly Operation Decision = new(
        "01KBKZ3Q8G0000000000000001", "R10001", "黄浩然", "interview_decision", "pass", null, "声音条件好",
        new Actor("u-1004", "李 明", "recruiter"), DateTimeOffset.Parse("2026-12-03T18:12:07.123Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Publishing_sends_one_message_keyed_by_the_operation_id_with_the_stream_json_and_filter_properties()
    {
        var sender = new RecordingSender();
        var publisher = new ServiceBusOperationPublisher(sender);

        await publisher.PublishAsync(Decision, TestContext.Current.CancellationToken);

        var message = Assert.Single(sender.Sent);
        Assert.Equal(Decision.Id, message.MessageId);
        Assert.Equal("interview_decision", message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(OperationJson.SerializeToUtf8Bytes(Decision), message.Body.ToArray());
        Assert.Equal("R10001", message.ApplicationProperties["recruitId"]);
        Assert.Equal("interview_decision", message.ApplicationProperties["action"]);
        Assert.Equal("pass", message.ApplicationProperties["decision"]);
    }

    [Fact]
    public void An_operation_without_a_decision_carries_no_decision_property()
    {
        var created = Decision with { Action = "created", Decision = null };

        var message = OperationMessage.Create(created);

        Assert.Equal(["action", "recruitId"], message.ApplicationProperties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("created", message.Subject);
    }

    [Fact]
    public void A_received_message_carries_back_exactly_the_operation_that_was_sent()
    {
        var received = InMemoryTopic.ToReceived(OperationMessage.Create(Decision), DateTimeOffset.UtcNow);

        var operation = OperationJson.Deserialize(received.Body.ToMemory().Span);

        Assert.Equal(OperationJson.Serialize(Decision), OperationJson.Serialize(operation!));
    }

    /// <summary>
    /// Service Bus Standard rejects messages over 256 KB at send time, after the answer went out. Validation must make
    /// that impossible: the biggest operation it accepts, in the costliest characters JSON can hold, stays far below.
    /// </summary>
    [Fact]
    public void The_largest_operation_validation_accepts_is_far_below_the_256_KB_message_limit()
    {
        // Characters outside the Basic Multilingual Plane are escaped as two \uXXXX (12 bytes for one character);
        // CJK stays raw at 3 bytes a character, which costs most where a limit counts JSON characters (changes).
        const string Emoji = "😀";
        var changeValue = new string('黄', 250);
        var changes = Enumerable.Range(0, OperationLimits.MaxChanges)
            .Select(i => new { field = new string('字', OperationLimits.MaxFieldLength - 2) + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), from = changeValue, to = changeValue })
            .ToArray();
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            recruitId = new string('R', OperationLimits.MaxKeyLength),
            recruitName = string.Concat(Enumerable.Repeat(Emoji, OperationLimits.MaxRecruitNameLength)),
            action = "updated",
            changes,
            note = string.Concat(Enumerable.Repeat(Emoji, OperationLimits.MaxNoteLength)),
            operationId = new string('k', OperationLimits.MaxKeyLength),
        });
        // The actor comes from the token; a request header (Kestrel's limit: 32 KB) bounds it, not validation.
        var actor = new Actor(new string('s', 256), string.Concat(Enumerable.Repeat(Emoji, 256)), new string('r', 64));

        var draft = OperationRequestParser.Parse(body, out var errors);
        var operation = draft!.ToOperation(Decision.Id, Decision.RecordedAt, actor);
        var message = OperationMessage.Create(operation);
        var headerBytes = message.ApplicationProperties.Sum(p => Encoding.UTF8.GetByteCount(p.Key + p.Value)) + 512;

        Assert.Empty(errors);
        Assert.True(OperationJson.SerializeChanges(draft.Changes!).Length > OperationLimits.MaxChangesJsonLength - 1_000,
            "The test operation must use nearly all of the changes allowance.");
        var total = message.Body.ToArray().Length + headerBytes;
        TestContext.Current.TestOutputHelper?.WriteLine($"Largest valid operation: {message.Body.ToArray().Length} bytes of JSON, about {total} as a message.");
        Assert.True(total < 160 * 1024, $"The largest valid operation is {total} bytes as a message.");
    }
}
